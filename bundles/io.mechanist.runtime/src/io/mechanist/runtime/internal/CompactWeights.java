package io.mechanist.runtime.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.tensor.DType;
import io.mechanist.djl.WeightMatmul;

/**
 * Weights kept in the checkpoint's own 16-bit format (bf16 or f16), memory-mapped from the file, and widened to
 * float32 only while a pass needs them. Used when the float32 weights would not fit the memory budget
 * ({@link WeightBudget}).
 *
 * <p>Per-layer matrices: all layers share one float32 <em>slot</em> per tensor role (q_proj, up_proj, ...), a Java
 * direct buffer that libtorch wraps without a copy. Before layer i runs, {@link #widenLayer} rewrites each slot with
 * layer i's weights; the arrays the layer multiplies by never change identity, so the forward's code is the same as
 * with float32 weights and its numbers are bit for bit the same (widening bf16 or f16 to float32 is exact). The
 * process holds the mapped 16-bit file (page cache the kernel may drop and re-read, unlike anonymous memory) plus one
 * layer in float32.
 *
 * <p>Because the slots are rewritten, only one pass may run at a time ({@link Transformer} locks on this object),
 * and a pass that autograd differentiates is refused: its backward pass would read the last layer's weights.
 *
 * <p>Tables (embeddings, unembedding) are read by rows: a lookup widens the rows it needs, the unembedding multiplies
 * by blocks of rows widened into one reused slot.
 */
public final class CompactWeights {
    /** Elements {@link #hasNonFinite} reads per step, through one Java array. */
    private static final int STEP = 1 << 20;
    /** System property: rows of the unembedding widened per block (default: about 64 MB of float32). */
    public static final String TABLE_BLOCK_ROWS_PROPERTY = "io.mechanist.runtime.tableBlockRows";

    /** One 16-bit tensor, memory-mapped. */
    record Tensor(String name, ByteBuffer bytes, DType dtype, long[] shape) {
        long elements() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    /** A float32 buffer libtorch wraps, rewritten in place. */
    private record Slot(ByteBuffer buffer, NDArray array) {
    }

    private record Binding(Tensor source, Slot slot) {
    }

    private final Map<String, Slot> slots = new HashMap<>();
    private final Map<Integer, List<Binding>> layers = new HashMap<>();
    private final Map<Long, Slot> tableSlots = new HashMap<>();
    private final long tableBlockRows;
    private final String reason;
    /** The model's weights manager, owning the slots. */
    private NDManager manager;
    private Widening widening;

    /** @param reason why the weights are compact (shown when a gradient pass is refused) */
    CompactWeights(String reason) {
        this.reason = reason;
        this.tableBlockRows = Long.getLong(TABLE_BLOCK_ROWS_PROPERTY, 0);
    }

    public String reason() {
        return reason;
    }

    /**
     * The float32 array layer {@code layer}'s tensor will be widened into, shared by every layer's tensor of the
     * same {@code role} (its name without the layer number) and shape.
     */
    NDArray slot(int layer, String role, Tensor tensor, NDManager manager) {
        this.manager = manager;
        Slot slot = slots.computeIfAbsent(role + Arrays.toString(tensor.shape()), k -> newSlot(tensor.shape(), manager));
        layers.computeIfAbsent(layer, l -> new ArrayList<>()).add(new Binding(tensor, slot));
        return slot.array();
    }

    private static Slot newSlot(long[] shape, NDManager manager) {
        long elements = Arrays.stream(shape).reduce(1, Math::multiplyExact);
        ByteBuffer buffer = ByteBuffer.allocateDirect(Math.toIntExact(elements * 4)).order(ByteOrder.nativeOrder());
        // DJL wraps a direct buffer without copying: writing the buffer changes the array.
        return new Slot(buffer, manager.create(buffer, new Shape(shape), DataType.FLOAT32));
    }

    /** Writes layer {@code layer}'s weights into the slots its arrays are; call before the layer runs. */
    void widenLayer(int layer) {
        for (Binding binding : layers.getOrDefault(layer, List.of())) {
            widen(binding.source(), 0, binding.source().elements(), binding.slot().buffer());
        }
    }

    /** Rows {@code ids} of {@code table} [rows, width] as float32 [ids.length * width] in {@code shape}. */
    NDArray rows(Tensor table, long[] ids, Shape shape, NDManager pass) {
        int width = Math.toIntExact(table.shape()[1]);
        float[] out = new float[Math.multiplyExact(ids.length, width)];
        ShortBuffer in = table.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        short[] row = new short[width];
        for (int i = 0; i < ids.length; i++) {
            in.get(Math.toIntExact(ids[i] * width), row, 0, width);
            widenInto(row, table.dtype(), out, i * width, width);
        }
        return pass.create(out, shape);
    }

    /**
     * {@code x [..., width]} times {@code table [rows, width]} transposed, as {@code [..., rows]}: block by block
     * of rows, each widened into a reused slot.
     */
    NDArray multiply(Tensor table, NDArray x, NDManager pass) {
        long rows = table.shape()[0];
        long width = table.shape()[1];
        long block = tableBlockRows > 0 ? tableBlockRows : Math.max(1, (64L << 20) / (width * 4));
        block = Math.min(block, rows);
        long blockRows = block;
        Slot slot = tableSlots.computeIfAbsent(width, w -> newSlot(new long[] {blockRows, w}, tableManager(pass)));
        if (slot.array().getShape().get(0) < block) {
            slot.array().close();
            slot = newSlot(new long[] {block, width}, tableManager(pass));
            tableSlots.put(width, slot);
        }
        // The same product as float32 weights use (WeightMatmul), so the two agree bit for bit.
        NDList parts = new NDList();
        for (long from = 0; from < rows; from += block) {
            long count = Math.min(block, rows - from);
            widen(table, from * width, count * width, slot.buffer());
            NDArray part;
            if (count == slot.array().getShape().get(0)) {
                part = WeightMatmul.linear(x, slot.array(), null);
            } else {
                try (NDArray firstRows = slot.array().get("0:" + count)) { // a view: closing it keeps the slot
                    part = WeightMatmul.linear(x, firstRows, null);
                }
            }
            part.attach(pass);
            parts.add(part);
        }
        return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts, -1);
    }

    /** The manager the table slot belongs to: the weights', so that it outlives the pass. */
    private NDManager tableManager(NDManager pass) {
        return manager != null ? manager : pass.getParentManager();
    }

    /** Notes the model's weights manager (the owner of the slots). */
    void owner(NDManager weights) {
        this.manager = weights;
    }

    /** Elements [from, from + count) of {@code source}, widened into the start of {@code target}. */
    private void widen(Tensor source, long from, long count, ByteBuffer target) {
        if (widening == null) {
            widening = new Widening();
        }
        ShortBuffer in = source.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        IntBuffer out = target.duplicate().order(ByteOrder.nativeOrder()).asIntBuffer();
        widening.widen(in, Math.toIntExact(from), source.dtype(), out, 0, Math.toIntExact(count));
    }

    private static void widenInto(short[] in, DType dtype, float[] out, int offset, int count) {
        if (dtype == DType.BF16) {
            for (int i = 0; i < count; i++) {
                out[offset + i] = Float.intBitsToFloat((in[i] & 0xffff) << 16);
            }
        } else {
            for (int i = 0; i < count; i++) {
                out[offset + i] = Float.float16ToFloat(in[i]);
            }
        }
    }

    /** Whether a 16-bit tensor holds NaN or infinity (every exponent bit set). */
    static boolean hasNonFinite(Tensor tensor) {
        ShortBuffer in = tensor.bytes().duplicate().order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        int exponent = tensor.dtype() == DType.BF16 ? 0x7f80 : 0x7c00;
        short[] step = new short[(int) Math.min(STEP, Math.max(1, in.remaining()))];
        boolean found = false;
        while (in.hasRemaining() && !found) {
            int n = Math.min(step.length, in.remaining());
            in.get(step, 0, n);
            int hits = 0;
            for (int i = 0; i < n; i++) {
                hits |= (step[i] & exponent) == exponent ? 1 : 0;
            }
            found = hits != 0;
        }
        return found;
    }
}
