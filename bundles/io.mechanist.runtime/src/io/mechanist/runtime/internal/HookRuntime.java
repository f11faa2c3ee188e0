package io.mechanist.runtime.internal;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.Float16Rows;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.Ablate;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.FunctionEdit;
import io.mechanist.runtime.intervention.Intervention;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Patch;
import io.mechanist.runtime.intervention.Positions;

/**
 * The hooks of one forward pass: applies the plan's interventions at their sites and copies the requested sites
 * (only those) out of DJL, with padding removed, to a sink. Sites nobody asked for cost nothing.
 */
public final class HookRuntime {
    private final Set<HookSite> captureSites;
    private final Positions capturePositions;
    private final Map<HookSite, List<Intervention>> edits = new HashMap<>();
    private final ActivationSink sink;
    private final int firstPrompt;
    private final Set<HookSite> gradientSites;
    /** Per gradient site: the zero array added there (its gradient is the site's) and the row shape. */
    private final Map<HookSite, NDArray> gradientProbes = new java.util.LinkedHashMap<>();
    private final Map<HookSite, long[]> gradientRowShapes = new HashMap<>();
    private ForwardContext ctx;

    /**
     * @param firstPrompt run-wide index of the batch's first prompt (used to label captures)
     */
    public HookRuntime(Set<HookSite> captureSites, Positions capturePositions, InterventionPlan plan,
            ActivationSink sink, int firstPrompt) {
        this(captureSites, capturePositions, plan, sink, firstPrompt, Set.of());
    }

    /**
     * @param gradientSites sites whose gradient a backward pass after the forward pass will read
     *     ({@link #captureGradients}); the forward pass then avoids in-place ops on values autograd keeps
     */
    public HookRuntime(Set<HookSite> captureSites, Positions capturePositions, InterventionPlan plan,
            ActivationSink sink, int firstPrompt, Set<HookSite> gradientSites) {
        this.gradientSites = gradientSites;
        this.captureSites = captureSites;
        this.capturePositions = capturePositions;
        this.sink = sink;
        this.firstPrompt = firstPrompt;
        for (Intervention edit : plan.interventions()) {
            edits.computeIfAbsent(edit.site(), s -> new ArrayList<>()).add(edit);
        }
    }

    /** Binds these hooks to the pass they serve. */
    void bind(ForwardContext context) {
        this.ctx = context;
    }

    public boolean wants(HookSite site) {
        return captureSites.contains(site);
    }

    /** Whether anything (a capture, an edit or a gradient probe) happens at {@code site}. */
    public boolean touches(HookSite site) {
        return captureSites.contains(site) || edits.containsKey(site) || gradientSites.contains(site);
    }

    /** Whether this pass will be differentiated (autograd is recording). */
    public boolean recordsGradients() {
        return !gradientSites.isEmpty();
    }

    /** Passes x [batch, pos, width] through the site: interventions in plan order, then capture. */
    public NDArray apply(HookSite site, NDArray x) {
        return apply(site, x, new long[] {x.getShape().get(2)});
    }

    /**
     * Passes per-head values x [batch, pos, head, d_head] through the site; edits see one row of head * d_head
     * values per position, captures keep the [head, d_head] shape.
     */
    public NDArray applyPerHead(HookSite site, NDArray x) {
        if (!touches(site)) {
            return x;
        }
        Shape shape = x.getShape();
        NDArray rows = x.reshape(shape.get(0), shape.get(1), shape.get(2) * shape.get(3));
        return apply(site, rows, new long[] {shape.get(2), shape.get(3)}).reshape(shape);
    }

    private NDArray apply(HookSite site, NDArray x, long[] rowShape) {
        List<Intervention> here = edits.get(site);
        if (here != null) {
            for (Intervention edit : here) {
                x = edit(edit, x);
            }
        }
        if (captureSites.contains(site)) {
            captureRows(site, x, rowShape);
        }
        if (gradientSites.contains(site)) {
            // x + 0: the zero array's gradient is the site's, and the graph through x stays intact (detaching x
            // instead would cut the gradient of earlier sites that flows through this one)
            NDArray probe = ctx.manager().zeros(x.getShape());
            NDScope.unregister(probe);
            probe.setRequiresGradient(true);
            gradientProbes.put(site, probe);
            gradientRowShapes.put(site, rowShape);
            x = x.add(probe);
        }
        return x;
    }

    /** After the backward pass: the gradient at every gradient site, per prompt, padding removed, to the sink. */
    public void captureGradients() {
        gradientProbes.forEach((site, probe) -> captureRows(site, probe.getGradient(), gradientRowShapes.get(site)));
    }

    private NDArray edit(Intervention edit, NDArray x) {
        ChunkLayout layout = ctx.layout();
        NDManager manager = ctx.manager();
        int batch = layout.batch();
        int length = layout.length();
        int width = (int) x.getShape().get(2);
        float[] selected = new float[batch * length];
        float[] kept = new float[batch * length];
        boolean replaces = edit instanceof Patch || edit instanceof FunctionEdit;
        float[] patch = replaces ? new float[batch * length * width] : null;
        float[] current = edit instanceof FunctionEdit ? x.toFloatArray() : null;
        boolean any = false;
        for (int b = 0; b < batch; b++) {
            for (int[] hit : select(edit.positions(), layout, b)) {
                int slot = layout.slotOf(b, hit[0]);
                int offset = (b * length + slot) * width;
                selected[b * length + slot] = 1f;
                any = true;
                if (edit instanceof Patch p) {
                    int row = edit.positions().everyPosition() ? checkedRow(p, hit[0]) : p.sourceRow(hit[1]);
                    p.copyRow(row, patch, offset);
                } else if (edit instanceof FunctionEdit f) {
                    float[] replaced = f.function().apply(firstPrompt + b, hit[0],
                            java.util.Arrays.copyOfRange(current, offset, offset + width));
                    if (replaced == null || replaced.length != width) {
                        throw new IllegalStateException(f + " returned " + (replaced == null ? "null" : replaced.length
                                + " values") + " for prompt " + (firstPrompt + b) + " position " + hit[0]
                                + "; the site has " + width + " values per position");
                    }
                    System.arraycopy(replaced, 0, patch, offset, width);
                }
            }
        }
        if (!any) {
            return x;
        }
        for (int i = 0; i < kept.length; i++) {
            kept[i] = 1f - selected[i];
        }
        NDArray where = manager.create(selected, new Shape(batch, length, 1));
        NDArray keep = manager.create(kept, new Shape(batch, length, 1));
        return switch (edit) {
            case AddVector add -> {
                float[] scaled = add.vector();
                for (int i = 0; i < scaled.length; i++) {
                    scaled[i] *= (float) add.coefficient();
                }
                NDArray delta = manager.create(scaled);
                yield x.add(where.mul(delta));
            }
            case Ablate ablate -> {
                NDArray remaining = x.mul(keep);
                yield ablate.isZero() ? remaining : remaining.addi(where.mul(manager.create(ablate.meanVector())));
            }
            case Patch p -> x.mul(keep).addi(manager.create(patch, new Shape(batch, length, width)));
            case FunctionEdit f -> x.mul(keep).addi(manager.create(patch, new Shape(batch, length, width)));
        };
    }

    private static int checkedRow(Patch p, int position) {
        if (position >= p.sourceLength()) {
            throw new IllegalArgumentException("patch at " + p.site().id() + " needs source position " + position
                    + " but the source has " + p.sourceLength() + " positions");
        }
        return position;
    }

    /** Selected {position, index-in-positions} pairs of row b inside this pass. */
    private static List<int[]> select(Positions positions, ChunkLayout layout, int b) {
        List<int[]> out = new ArrayList<>();
        int start = layout.start(b);
        int end = start + layout.count(b);
        if (positions.everyPosition()) {
            for (int p = start; p < end; p++) {
                out.add(new int[] {p, p});
            }
            return out;
        }
        for (int index : positions.indices()) {
            int p = Positions.absolute(index, layout.promptLength(b));
            if (p >= start && p < end) {
                out.add(new int[] {p, index});
            }
        }
        return out;
    }

    private void captureRows(HookSite site, NDArray x, long[] rowShape) {
        if (sink.wantsFloat16()) {
            captureFloat16Rows(site, x, rowShape);
            return;
        }
        ChunkLayout layout = ctx.layout();
        int width = (int) x.getShape().get(2);
        FloatBuffer all = valuesOf(x);
        List<SiteActivations> batch = new ArrayList<>();
        for (int b = 0; b < layout.batch(); b++) {
            int[] positions = capturePositions.resolve(layout.promptLength(b), layout.start(b), layout.count(b));
            float[] values = new float[positions.length * width];
            forEachSlotRun(layout, b, positions, width, (from, to, count) -> all.get(from, values, to, count));
            batch.add(new SiteActivations(site, firstPrompt + b, positions, captureShape(positions, rowShape), values));
        }
        sink.accept(site, batch);
    }

    /**
     * As {@link #captureRows}, for a sink that keeps float16: libtorch narrows the site (rounding to nearest even,
     * many values per instruction) and only the float16 bits are copied into Java. NaNs are narrowed again from the
     * float32 values by {@link HalfFloats#floatToF16}, so their payload bits are the store's own whatever libtorch
     * does with them.
     */
    private void captureFloat16Rows(HookSite site, NDArray x, long[] rowShape) {
        ChunkLayout layout = ctx.layout();
        int width = (int) x.getShape().get(2);
        List<Float16Rows> batch = new ArrayList<>();
        try (NDArray narrowed = x.toType(DataType.FLOAT16, false)) {
            ShortBuffer all = narrowed.toByteBuffer(true).order(ByteOrder.nativeOrder()).asShortBuffer();
            FloatBuffer[] floats = {null}; // read only for NaNs
            for (int b = 0; b < layout.batch(); b++) {
                int[] positions = capturePositions.resolve(layout.promptLength(b), layout.start(b), layout.count(b));
                short[] bits = new short[positions.length * width];
                forEachSlotRun(layout, b, positions, width, (from, to, count) -> {
                    all.get(from, bits, to, count);
                    for (int k = 0; k < count; k++) {
                        if (HalfFloats.isF16NaN(bits[to + k])) {
                            floats[0] = floats[0] != null ? floats[0] : valuesOf(x);
                            bits[to + k] = HalfFloats.floatToF16(floats[0].get(from + k));
                        }
                    }
                });
                batch.add(new Float16Rows(site, firstPrompt + b, positions, captureShape(positions, rowShape), bits));
            }
        }
        sink.acceptFloat16(site, batch);
    }

    /** Copies {@code count} values from offset {@code from} of the pass's [batch, slot, width] values to {@code to}. */
    @FunctionalInterface
    private interface RunCopy {
        void copy(int from, int to, int count);
    }

    /**
     * Calls {@code copy} once per run of consecutive slots holding row b's {@code positions} (every position of an
     * unpadded prompt is one run), with the offsets of the run's values in the pass and in the prompt's rows.
     */
    private static void forEachSlotRun(ChunkLayout layout, int b, int[] positions, int width, RunCopy copy) {
        for (int i = 0; i < positions.length;) {
            int slot = layout.slotOf(b, positions[i]);
            int run = 1;
            while (i + run < positions.length && layout.slotOf(b, positions[i + run]) == slot + run) {
                run++;
            }
            copy.copy((b * layout.length() + slot) * width, i * width, run * width);
            i += run;
        }
    }

    /** [positions, rowShape...]: the shape of one prompt's capture. */
    private static long[] captureShape(int[] positions, long[] rowShape) {
        long[] shape = new long[rowShape.length + 1];
        shape[0] = positions.length;
        System.arraycopy(rowShape, 0, shape, 1, rowShape.length);
        return shape;
    }

    /**
     * Passes attention scores or pattern x [batch, head, query, key slot] through the site: interventions in plan
     * order, then, when any edited, the mask again ({@code masked} wherever {@code mask} [batch, 1, 1, query, key
     * slot] is -inf: -inf for scores, 0 for a pattern), so no edit lets a query see a later key, padding or a key
     * outside its window; then capture. Edits see one row per query position of head * keys values, head-major,
     * keys being the prompt's positions 0..keys-1 in this pass (the key slots' padding removed).
     */
    public NDArray applyQueryKey(HookSite site, NDArray x, NDArray mask, float masked) {
        List<Intervention> here = edits.get(site);
        if (here != null) {
            NDArray before = x;
            for (Intervention edit : here) {
                x = editQueryKey(edit, x);
            }
            if (x != before) {
                Shape shape = x.getShape();
                NDArray hidden = mask.reshape(shape.get(0), 1, shape.get(2), shape.get(3)).broadcast(shape)
                        .isInfinite();
                x = NDArrays.where(hidden, ctx.manager().full(shape, masked), x);
            }
        }
        if (captureSites.contains(site)) {
            captureQueryKey(site, x);
        }
        return x;
    }

    /** Slot of each key position of every row in this pass: [b][position] -> key slot. */
    private int[][] keySlotsByPosition() {
        int[][] keyPositions = ctx.keySlotPositions();
        int[][] out = new int[keyPositions.length][];
        for (int b = 0; b < keyPositions.length; b++) {
            int[] row = keyPositions[b];
            out[b] = new int[(int) java.util.Arrays.stream(row).filter(p -> p >= 0).count()];
            for (int s = 0; s < row.length; s++) {
                if (row[s] >= 0) {
                    out[b][row[s]] = s;
                }
            }
        }
        return out;
    }

    private NDArray editQueryKey(Intervention edit, NDArray x) {
        ChunkLayout layout = ctx.layout();
        NDManager manager = ctx.manager();
        Shape shape = x.getShape();
        int heads = (int) shape.get(1);
        int length = layout.length();
        int slots = (int) shape.get(3);
        int[][] keySlots = keySlotsByPosition();
        boolean adds = edit instanceof AddVector;
        float[] values = new float[(int) shape.size()];
        boolean[] selected = adds ? null : new boolean[values.length];
        float[] current = edit instanceof FunctionEdit ? x.toFloatArray() : null;
        boolean any = false;
        for (int b = 0; b < layout.batch(); b++) {
            int keys = keySlots[b].length;
            int width = heads * keys;
            for (int[] hit : select(edit.positions(), layout, b)) {
                int querySlot = layout.slotOf(b, hit[0]);
                float[] row = switch (edit) {
                    case AddVector add -> {
                        float[] v = add.vector();
                        for (int i = 0; i < v.length; i++) {
                            v[i] *= (float) add.coefficient();
                        }
                        yield v;
                    }
                    case Ablate ablate -> ablate.isZero() ? new float[width] : ablate.meanVector();
                    case Patch p -> {
                        int source = edit.positions().everyPosition() ? checkedRow(p, hit[0]) : p.sourceRow(hit[1]);
                        float[] r = new float[p.width()];
                        p.copyRow(source, r, 0);
                        yield r;
                    }
                    case FunctionEdit f -> {
                        float[] given = new float[width];
                        forEachEntry(b, querySlot, heads, length, slots, keySlots[b],
                                (i, at) -> given[i] = current[at]);
                        float[] replaced = f.function().apply(firstPrompt + b, hit[0], given);
                        yield replaced == null ? new float[0] : replaced;
                    }
                };
                if (row.length != width) {
                    throw new IllegalArgumentException(edit + ": " + row.length + " values at prompt "
                            + (firstPrompt + b) + " position " + hit[0] + " but " + site(edit) + " has " + heads
                            + " heads x " + keys + " keys = " + width + " there");
                }
                any = true;
                forEachEntry(b, querySlot, heads, length, slots, keySlots[b], (i, at) -> {
                    values[at] = row[i];
                    if (selected != null) {
                        selected[at] = true;
                    }
                });
            }
        }
        if (!any) {
            return x;
        }
        NDArray given = manager.create(values, shape);
        return adds ? x.add(given) : NDArrays.where(manager.create(selected, shape), given, x);
    }

    private static String site(Intervention edit) {
        return edit.site().id();
    }

    @FunctionalInterface
    private interface EntryVisitor {
        void visit(int rowIndex, int arrayIndex);
    }

    /** Visits entry (head h, key position p) of one query row: row index h * keys + p, its index in the array. */
    private static void forEachEntry(int b, int querySlot, int heads, int length, int slots, int[] keySlots,
            EntryVisitor visitor) {
        int keys = keySlots.length;
        for (int h = 0; h < heads; h++) {
            int base = ((b * heads + h) * length + querySlot) * slots;
            for (int p = 0; p < keys; p++) {
                visitor.visit(h * keys + p, base + keySlots[p]);
            }
        }
    }

    /** Captures attention scores or pattern [batch, head, query, key]; keys are reduced to each prompt's own tokens. */
    private void captureQueryKey(HookSite site, NDArray probs) {
        ChunkLayout layout = ctx.layout();
        int heads = (int) probs.getShape().get(1);
        int length = layout.length();
        int keys = (int) probs.getShape().get(3);
        int[][] keyPositions = ctx.keySlotPositions();
        FloatBuffer all = valuesOf(probs);
        List<SiteActivations> batch = new ArrayList<>();
        for (int b = 0; b < layout.batch(); b++) {
            int[] positions = capturePositions.resolve(layout.promptLength(b), layout.start(b), layout.count(b));
            int[] rowKeys = keyPositions[b];
            int[] keySlots = java.util.stream.IntStream.range(0, keys).filter(s -> rowKeys[s] >= 0).toArray();
            float[] values = new float[heads * positions.length * keySlots.length];
            int k = 0;
            for (int h = 0; h < heads; h++) {
                for (int position : positions) {
                    int base = ((b * heads + h) * length + layout.slotOf(b, position)) * keys;
                    for (int s : keySlots) {
                        values[k++] = all.get(base + s);
                    }
                }
            }
            batch.add(new SiteActivations(site, firstPrompt + b, positions,
                    new long[] {heads, positions.length, keySlots.length}, values));
        }
        sink.accept(site, batch);
    }

    /**
     * The values of a float32 array for copying out: libtorch's own memory when it is dense on the CPU (as a
     * captured site is), so each captured row is copied once, straight into its prompt's array; otherwise a dense
     * copy (DJL makes it). Read it before the pass goes on: later in-place ops may change it.
     */
    private static FloatBuffer valuesOf(NDArray x) {
        if (x.getDataType() != DataType.FLOAT32) {
            throw new IllegalStateException("captured values must be float32, got " + x.getDataType());
        }
        return x.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
