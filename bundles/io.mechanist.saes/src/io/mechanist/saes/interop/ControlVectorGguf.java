package io.mechanist.saes.interop;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.saes.SaeFormatException;

/**
 * llama.cpp control vectors (GGUF v3, as written by llama.cpp's cvector-generator and by repeng's export_gguf):
 * {@code general.architecture = "controlvector"}, {@code controlvector.model_hint} (the model's architecture
 * name), {@code controlvector.layer_count}, and one 1-D F32 tensor {@code direction.N} of n_embd values per layer.
 * <p>
 * The layer offset: llama.cpp adds {@code direction.N} to the output of its decoder block {@code il = N}, counted
 * from 0 ({@code build_cvec(cur, il)} after the block's feed-forward residual; {@code llama_adapter_cvec} keeps
 * {@code tensors[N]} for {@code direction.N} and never has one for block 0). That output is Mechanist's
 * {@code blocks.N.resid_post}, so {@code direction.N <-> blocks.N.resid_post}; {@code direction.0} does not exist
 * (llama.cpp refuses it), so a vector at {@code blocks.0.resid_post} cannot be exported.
 *
 * @param modelHint controlvector.model_hint, e.g. "gpt2" or "llama"; may be empty
 * @param directions per block N (1..), the vector added to that block's output
 */
public record ControlVectorGguf(String modelHint, SortedMap<Integer, float[]> directions) {
    private static final int MAGIC = 0x46554747; // "GGUF" little-endian
    private static final int VERSION = 3;
    private static final int ALIGNMENT = 32;
    private static final int TYPE_UINT8 = 0, TYPE_INT8 = 1, TYPE_UINT16 = 2, TYPE_INT16 = 3, TYPE_UINT32 = 4,
            TYPE_INT32 = 5, TYPE_FLOAT32 = 6, TYPE_BOOL = 7, TYPE_STRING = 8, TYPE_ARRAY = 9, TYPE_UINT64 = 10,
            TYPE_INT64 = 11, TYPE_FLOAT64 = 12;
    private static final int GGML_TYPE_F32 = 0;
    private static final Pattern DIRECTION = Pattern.compile("direction\\.(0|[1-9][0-9]{0,6})");

    public ControlVectorGguf {
        modelHint = modelHint == null ? "" : modelHint;
        Objects.requireNonNull(directions, "directions");
        TreeMap<Integer, float[]> copy = new TreeMap<>();
        int width = -1;
        for (Map.Entry<Integer, float[]> e : directions.entrySet()) {
            if (e.getKey() < 1) {
                throw new IllegalArgumentException("llama.cpp has no control vector for block " + e.getKey()
                        + " (direction.N starts at N = 1)");
            }
            if (width >= 0 && e.getValue().length != width) {
                throw new IllegalArgumentException("direction." + e.getKey() + " has " + e.getValue().length
                        + " values, the others " + width);
            }
            width = e.getValue().length;
            copy.put(e.getKey(), e.getValue().clone());
        }
        directions = java.util.Collections.unmodifiableSortedMap(copy);
    }

    /** The Mechanist site a {@code direction.N} tensor is added at. */
    public static HookSite siteOf(int block) {
        return HookSite.of(HookPoint.RESID_POST, block);
    }

    /**
     * The block N of {@code direction.N} that adds at {@code site}: N for {@code blocks.N.resid_post}, N - 1 for
     * {@code blocks.N.resid_pre} (the same tensor); anything else has no llama.cpp control vector slot.
     */
    public static int blockOf(HookSite site) {
        int block = switch (site.point()) {
            case RESID_POST -> site.layer();
            case RESID_PRE -> site.layer() - 1;
            default -> throw new IllegalArgumentException(site.id() + " has no llama.cpp control vector slot: "
                    + "llama.cpp adds control vectors to a block's output (blocks.N.resid_post)");
        };
        if (block < 1) {
            throw new IllegalArgumentException(site.id() + " is the output of block 0, which llama.cpp never steers "
                    + "(there is no direction.0)");
        }
        return block;
    }

    /** Writes the file (replacing it atomically); {@code controlvector.layer_count} is the number of directions. */
    public void write(Path file) throws IOException {
        List<byte[]> parts = new ArrayList<>();
        ByteBuffer header = little(24);
        header.putInt(MAGIC).putInt(VERSION).putLong(directions.size()).putLong(3);
        parts.add(header.array());
        parts.add(stringKv("general.architecture", "controlvector"));
        parts.add(stringKv("controlvector.model_hint", modelHint));
        ByteBuffer count = little(8 + "controlvector.layer_count".length() + 4 + 4);
        putString(count, "controlvector.layer_count");
        count.putInt(TYPE_INT32).putInt(directions.size());
        parts.add(count.array());
        long offset = 0;
        for (Map.Entry<Integer, float[]> e : directions.entrySet()) {
            String name = "direction." + e.getKey();
            ByteBuffer info = little(8 + name.length() + 4 + 8 + 4 + 8);
            putString(info, name);
            info.putInt(1).putLong(e.getValue().length).putInt(GGML_TYPE_F32).putLong(offset);
            parts.add(info.array());
            offset += padded(4L * e.getValue().length);
        }
        long headerBytes = parts.stream().mapToLong(p -> p.length).sum();
        parts.add(new byte[(int) (padded(headerBytes) - headerBytes)]);
        for (float[] values : directions.values()) {
            ByteBuffer data = little((int) padded(4L * values.length));
            for (float v : values) {
                data.putFloat(v);
            }
            parts.add(data.array());
        }
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            for (byte[] part : parts) {
                ByteBuffer buffer = ByteBuffer.wrap(part);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
        }
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a control vector file.
     *
     * @throws SaeFormatException naming the file and the key or tensor: not GGUF, another architecture, a
     *     {@code direction.0}, non-F32 or non-1-D directions, directions of different widths, truncation
     */
    public static ControlVectorGguf read(Path file) throws IOException {
        long size = Files.size(file);
        if (size > Integer.MAX_VALUE) {
            throw new SaeFormatException(file, "larger than 2 GiB; not a control vector");
        }
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        try {
            if (in.remaining() < 24 || in.getInt() != MAGIC) {
                throw new SaeFormatException(file, "not a GGUF file (no GGUF magic)");
            }
            int version = in.getInt();
            if (version < 2 || version > 3) {
                throw new SaeFormatException(file, "GGUF version " + version + "; Mechanist reads versions 2 and 3");
            }
            long tensors = in.getLong();
            long kvs = in.getLong();
            if (tensors < 0 || tensors > 100_000 || kvs < 0 || kvs > 100_000) {
                throw new SaeFormatException(file, "implausible counts: " + tensors + " tensors, " + kvs + " keys");
            }
            Map<String, Object> metadata = new LinkedHashMap<>();
            for (long i = 0; i < kvs; i++) {
                String key = readString(in, file);
                metadata.put(key, readValue(in, in.getInt(), file, key));
            }
            Object architecture = metadata.get("general.architecture");
            if (!"controlvector".equals(architecture)) {
                throw new SaeFormatException(file, "general.architecture is " + (architecture == null ? "missing"
                        : "'" + architecture + "'") + "; a control vector has 'controlvector'");
            }
            int alignment = ALIGNMENT;
            if (metadata.get("general.alignment") instanceof Number n) {
                alignment = n.intValue();
                if (alignment < 1 || Integer.bitCount(alignment) != 1) {
                    throw new SaeFormatException(file, "general.alignment " + alignment + " is not a power of two");
                }
            }
            record Info(int block, long width, long offset) {
            }
            List<Info> infos = new ArrayList<>();
            for (long t = 0; t < tensors; t++) {
                String name = readString(in, file);
                int dims = in.getInt();
                if (dims < 1 || dims > 4) {
                    throw new SaeFormatException(file, "tensor '" + name + "' has " + dims + " dimensions");
                }
                long width = 1;
                long[] shape = new long[dims];
                for (int d = 0; d < dims; d++) {
                    shape[d] = in.getLong();
                    width *= shape[d];
                }
                int type = in.getInt();
                long offset = in.getLong();
                Matcher m = DIRECTION.matcher(name);
                if (!m.matches()) {
                    throw new SaeFormatException(file, "tensor '" + name + "' is not a direction.N");
                }
                int block = Integer.parseInt(m.group(1));
                if (block == 0) {
                    throw new SaeFormatException(file, "tensor 'direction.0': llama.cpp has no control vector for "
                            + "block 0 and refuses this file");
                }
                if (dims != 1 || type != GGML_TYPE_F32) {
                    throw new SaeFormatException(file, "tensor '" + name + "' must be a 1-D F32 tensor (ggml type 0), "
                            + "is " + dims + "-D of ggml type " + type);
                }
                infos.add(new Info(block, width, offset));
            }
            long dataStart = (in.position() + alignment - 1) / alignment * alignment;
            TreeMap<Integer, float[]> directions = new TreeMap<>();
            for (Info info : infos) {
                long from = dataStart + info.offset();
                if (info.width() > Integer.MAX_VALUE / 4 || from + 4 * info.width() > in.limit()) {
                    throw new SaeFormatException(file, "tensor 'direction." + info.block() + "' reaches past the end "
                            + "of the file");
                }
                float[] values = new float[(int) info.width()];
                ByteBuffer data = in.duplicate().order(ByteOrder.LITTLE_ENDIAN).position((int) from);
                for (int i = 0; i < values.length; i++) {
                    values[i] = data.getFloat();
                }
                if (!directions.isEmpty() && directions.firstEntry().getValue().length != values.length) {
                    throw new SaeFormatException(file, "tensor 'direction." + info.block() + "' has " + values.length
                            + " values, the others " + directions.firstEntry().getValue().length);
                }
                if (directions.put(info.block(), values) != null) {
                    throw new SaeFormatException(file, "tensor 'direction." + info.block() + "' appears twice");
                }
            }
            Object hint = metadata.get("controlvector.model_hint");
            return new ControlVectorGguf(hint instanceof String s ? s : "", directions);
        } catch (java.nio.BufferUnderflowException | IllegalArgumentException e) {
            throw new SaeFormatException(file, "truncated or malformed GGUF (" + e + ")");
        }
    }

    private static String readString(ByteBuffer in, Path file) throws SaeFormatException {
        long length = in.getLong();
        if (length < 0 || length > in.remaining()) {
            throw new SaeFormatException(file, "a string of " + length + " bytes reaches past the end of the file");
        }
        byte[] bytes = new byte[(int) length];
        in.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static Object readValue(ByteBuffer in, int type, Path file, String key) throws SaeFormatException {
        return switch (type) {
            case TYPE_UINT8 -> Byte.toUnsignedLong(in.get());
            case TYPE_INT8 -> (long) in.get();
            case TYPE_UINT16 -> (long) Short.toUnsignedInt(in.getShort());
            case TYPE_INT16 -> (long) in.getShort();
            case TYPE_UINT32 -> Integer.toUnsignedLong(in.getInt());
            case TYPE_INT32 -> (long) in.getInt();
            case TYPE_FLOAT32 -> (double) in.getFloat();
            case TYPE_BOOL -> in.get() != 0;
            case TYPE_STRING -> readString(in, file);
            case TYPE_UINT64, TYPE_INT64 -> in.getLong();
            case TYPE_FLOAT64 -> in.getDouble();
            case TYPE_ARRAY -> {
                int elementType = in.getInt();
                long count = in.getLong();
                if (count < 0 || count > in.remaining()) {
                    throw new SaeFormatException(file, "key '" + key + "': array of " + count + " elements");
                }
                List<Object> values = new ArrayList<>();
                for (long i = 0; i < count; i++) {
                    values.add(readValue(in, elementType, file, key));
                }
                yield values;
            }
            default -> throw new SaeFormatException(file, "key '" + key + "' has unknown GGUF value type " + type);
        };
    }

    private static byte[] stringKv(String key, String value) {
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        ByteBuffer out = little(8 + key.getBytes(StandardCharsets.UTF_8).length + 4 + 8 + v.length);
        putString(out, key);
        out.putInt(TYPE_STRING);
        out.putLong(v.length).put(v);
        return out.array();
    }

    private static void putString(ByteBuffer out, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        out.putLong(bytes.length).put(bytes);
    }

    private static ByteBuffer little(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }

    private static long padded(long bytes) {
        return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }
}
