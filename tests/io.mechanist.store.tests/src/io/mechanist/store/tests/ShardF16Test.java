package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.model.StorageType;
import io.mechanist.store.PromptRows;
import io.mechanist.store.ShardBuilder;

/**
 * F16 shards hold exactly {@link HalfFloats#floatToF16} of every value (the bits earlier shards have), whatever
 * path the builder converts them on: rounding ties, subnormals, overflow, signed zeros, infinities, NaNs with
 * payloads, and a sample of every float bit pattern, in rows longer than the builder's conversion block.
 */
class ShardF16Test {

    @TempDir
    Path temp;

    @Test
    void f16BitsAreThoseOfHalfFloats() throws Exception {
        float[] special = {0f, -0f, 1f, -1f, 65504f, 65519.996f, 65520f, -65520f, 0x1p-24f, 0x1p-25f, 0x1.8p-25f,
            0x1p-14f, 0x1.ffcp-15f, 1.00048828125f, 1.00146484375f, 2049f, 2051f, Float.MIN_VALUE, Float.MAX_VALUE,
            Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, Float.NaN, Float.intBitsToFloat(0x7fc0_1234),
            Float.intBitsToFloat(0xff80_0001), Float.intBitsToFloat(0x7f80_2000), Float.intBitsToFloat(0xffff_ffff)};
        int width = 1000;
        int rows = 40; // 40,000 values: several of the builder's conversion blocks
        float[] values = new float[rows * width];
        System.arraycopy(special, 0, values, 0, special.length);
        SplittableRandom random = new SplittableRandom(5);
        for (int i = special.length; i < values.length; i++) {
            // every bit pattern equally likely (NaNs, subnormals, huge values), and half of them in F16's range
            int bits = random.nextInt();
            values[i] = i % 2 == 0 ? Float.intBitsToFloat(bits) : (float) (random.nextGaussian() * 3);
        }
        ShardBuilder builder = new ShardBuilder("c", List.of(new ShardBuilder.Site("blocks.0.hook_resid_post",
                new int[] {width})), StorageType.F16, 0, 1 << 20);
        int half = rows / 2;
        int[] positions = new int[half];
        for (int p = 0; p < half; p++) {
            positions[p] = p;
        }
        builder.add(0, half, positions, Map.of("blocks.0.hook_resid_post", java.util.Arrays.copyOf(values, half * width)));
        builder.add(1, half, positions, Map.of("blocks.0.hook_resid_post",
                java.util.Arrays.copyOfRange(values, half * width, values.length)));
        ShardBuilder.Staged staged = builder.stage(temp, 0);
        try (SafetensorsFile file = SafetensorsFile.open(temp.resolve(staged.temporaryName()))) {
            ByteBuffer bytes = file.buffer("blocks.0.hook_resid_post").order(ByteOrder.LITTLE_ENDIAN);
            assertEquals(2L * values.length, bytes.remaining());
            for (int i = 0; i < values.length; i++) {
                short expected = HalfFloats.floatToF16(values[i]);
                short stored = bytes.getShort(bytes.position() + 2 * i);
                if (stored != expected) {
                    assertEquals(String.format("%04x", expected), String.format("%04x", stored),
                            "value " + i + " (bits " + Integer.toHexString(Float.floatToRawIntBits(values[i])) + ")");
                }
            }
        }
    }

    @Test
    void float16RowsAreStoredUnchangedBesideFloat32Ones() throws Exception {
        String narrowed = "blocks.0.hook_resid_post";
        String widened = "blocks.0.attn.hook_pattern";
        List<ShardBuilder.Site> sites = List.of(new ShardBuilder.Site(narrowed, new int[] {3}),
                new ShardBuilder.Site(widened, new int[] {2}));
        short[] bits = {0x3c00, (short) 0xfc00, 0x7e01, 0x0001, (short) 0x8000, 0x7bff};
        float[] floats = {0.5f, 65520f, -0f, 0x1p-25f};
        ShardBuilder builder = new ShardBuilder("c", sites, StorageType.F16, 0, 1 << 10);
        builder.addRows(0, 2, new int[] {0, 1}, Map.of(narrowed, new PromptRows.Halves(bits), widened,
                new PromptRows.Floats(floats)));
        ShardBuilder.Staged staged = builder.stage(temp, 0);
        try (SafetensorsFile file = SafetensorsFile.open(temp.resolve(staged.temporaryName()))) {
            ByteBuffer stored = file.buffer(narrowed).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < bits.length; i++) {
                assertEquals(bits[i], stored.getShort(stored.position() + 2 * i), "float16 value " + i);
            }
            ByteBuffer narrowedHere = file.buffer(widened).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < floats.length; i++) {
                assertEquals(HalfFloats.floatToF16(floats[i]), narrowedHere.getShort(narrowedHere.position() + 2 * i),
                        "float32 value " + i);
            }
        }

        ShardBuilder f32 = new ShardBuilder("c", sites.subList(0, 1), StorageType.F32, 0, 1 << 10);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> f32.addRows(0, 2, new int[] {0, 1}, Map.of(narrowed, new PromptRows.Halves(bits))));
        assertTrue(refused.getMessage().contains("float16 rows for a capture stored as F32"), refused.getMessage());
        IllegalArgumentException short1 = assertThrows(IllegalArgumentException.class, () -> builder.addRows(1, 2,
                new int[] {0, 1}, Map.of(narrowed, new PromptRows.Halves(new short[5]), widened,
                        new PromptRows.Floats(floats))));
        assertTrue(short1.getMessage().contains("expected 2 rows x 3 = 6 values, got 5"), short1.getMessage());
    }
}
