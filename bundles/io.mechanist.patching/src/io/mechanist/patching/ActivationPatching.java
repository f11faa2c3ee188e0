package io.mechanist.patching;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.intervention.ActivationFunction;
import io.mechanist.runtime.intervention.FunctionEdit;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/**
 * Activation patching over clean/corrupted prompt pairs. The metric is the logit difference of the two answers at the
 * last prompt position, {@code logit(clean answer) - logit(corrupted answer)}, read out on the patched run.
 * <ul>
 * <li><b>Denoising</b> runs the corrupted prompt and writes the clean run's activation into one site (one layer,
 * one position; or one head's {@code attn_z} at every position): how much of the clean answer does that site
 * restore?</li>
 * <li><b>Noising</b> runs the clean prompt and writes the corrupted run's activation there: how much is lost?</li>
 * </ul>
 * Grids are layer x position for the [pos, d_model] points (resid_pre, attn_out, mlp_out, ...; a global point such
 * as final_norm has one row) and layer x head for {@code attn_z}. Each pair gets the activation of its own partner prompt (a {@link FunctionEdit}). Positions are
 * aligned on the last token ({@code alignEnd}: column c is position {@code c - columns} from the end) or on the first;
 * a pair shorter than a column's reach is not in that cell.
 */
public final class ActivationPatching {

    /** Which run is patched with which. */
    public enum Direction {
        /** Corrupted run, clean activation patched in. */
        DENOISING,
        /** Clean run, corrupted activation patched in. */
        NOISING
    }

    /**
     * @param points what is patched; {@code attn_z} gives a layer x head grid, the others layer x position
     * @param directions which grids to compute
     * @param alignEnd align positions on the last token (else on the first)
     * @param batchSize prompts per forward pass
     * @param attribution also compute attribution patching (gradient x activation difference) for every cell
     */
    public record Settings(List<HookPoint> points, List<Direction> directions, boolean alignEnd, int batchSize,
            boolean attribution) {
        public Settings {
            points = List.copyOf(points);
            directions = List.copyOf(directions);
            if (points.isEmpty() || directions.isEmpty()) {
                throw new IllegalArgumentException("patching needs at least one point and one direction");
            }
            if (batchSize < 1) {
                throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
            }
        }
    }

    /**
     * One grid: the patched logit difference of every pair in every cell.
     *
     * @param columnLabels per column: the position (counted from the end when aligned on the end, e.g. -1 = last)
     *     or the head index
     * @param patched [layer][column][pair] patched logit difference; NaN where the pair is not in the cell
     */
    public record Grid(Direction direction, HookPoint point, boolean perHead, String[] columnLabels,
            double[][][] patched) {

        public int layers() {
            return patched.length;
        }

        public int columns() {
            return columnLabels.length;
        }

        /** The rows id of this grid, e.g. {@code denoising/resid_pre}. */
        public String id() {
            return direction.name().toLowerCase(java.util.Locale.ROOT) + "/" + point.idName();
        }
    }

    /**
     * @param cleanLogitDiff per pair, unpatched clean run
     * @param corruptedLogitDiff per pair, unpatched corrupted run
     * @param grids activation patching
     * @param attributionGrids attribution patching, in the order of {@code grids} (empty unless requested): the
     *     patched logit difference estimated as {@code unpatched + gradient . (source - target activation)}, with the
     *     gradient of the logit difference at the target run
     * @param columnTokens per position column: the most common token id of the clean prompts there (-1: none)
     */
    public record Result(double[] cleanLogitDiff, double[] corruptedLogitDiff, List<Grid> grids,
            List<Grid> attributionGrids, long[] columnTokens) {
    }

    /** Reports progress as (forward passes done, total). */
    @FunctionalInterface
    public interface Progress {
        void done(int passes, int total);
    }

    private final HookedTransformer model;
    private final List<long[]> clean;
    private final List<long[]> corrupted;
    private final long[] cleanAnswer;
    private final long[] corruptedAnswer;
    private final int batchSize;

    /**
     * @param clean token ids of each pair's clean prompt
     * @param corrupted token ids of each pair's corrupted prompt (same length as its clean prompt)
     * @param cleanAnswer per pair, the token id of the clean answer
     * @param corruptedAnswer per pair, the token id of the corrupted answer
     */
    public ActivationPatching(HookedTransformer model, List<long[]> clean, List<long[]> corrupted, long[] cleanAnswer,
            long[] corruptedAnswer, int batchSize) {
        this.model = Objects.requireNonNull(model, "model");
        this.clean = List.copyOf(clean);
        this.corrupted = List.copyOf(corrupted);
        this.cleanAnswer = cleanAnswer.clone();
        this.corruptedAnswer = corruptedAnswer.clone();
        this.batchSize = batchSize;
        int n = this.clean.size();
        if (n == 0 || this.corrupted.size() != n || cleanAnswer.length != n || corruptedAnswer.length != n) {
            throw new IllegalArgumentException("patching needs as many corrupted prompts and answers as clean prompts"
                    + " (and at least one pair); got " + n + " clean, " + this.corrupted.size() + " corrupted");
        }
        for (int i = 0; i < n; i++) {
            if (this.clean.get(i).length != this.corrupted.get(i).length) {
                throw new IllegalArgumentException("pair " + i + ": clean and corrupted prompts have "
                        + this.clean.get(i).length + " and " + this.corrupted.get(i).length + " tokens");
            }
        }
    }

    public int pairCount() {
        return clean.size();
    }

    /**
     * The metric of every pair with {@code plan} applied to the clean ({@code ofClean}) or the corrupted prompts;
     * a plan's function sees the pair index as its prompt index.
     */
    public double[] logitDiffs(boolean ofClean, InterventionPlan plan) {
        int[] all = java.util.stream.IntStream.range(0, pairCount()).toArray();
        return logitDiffs(ofClean, all, plan);
    }

    private double[] logitDiffs(boolean ofClean, int[] pairs, InterventionPlan plan) {
        List<long[]> prompts = new ArrayList<>();
        for (int pair : pairs) {
            prompts.add((ofClean ? clean : corrupted).get(pair));
        }
        RunResult result = model.run(RunRequest.builder(prompts).batchSize(batchSize).plan(plan).build());
        double[] out = new double[pairs.length];
        for (int i = 0; i < pairs.length; i++) {
            float[] logits = result.lastLogits(i);
            out[i] = (double) logits[(int) cleanAnswer[pairs[i]]] - logits[(int) corruptedAnswer[pairs[i]]];
        }
        return out;
    }

    /**
     * Runs every grid of {@code settings}.
     *
     * @throws CancellationException when {@code cancelled} turns true (checked between forward passes)
     */
    public Result run(Settings settings, Progress progress, BooleanSupplier cancelled) {
        int n = pairCount();
        int heads = model.spec().headCount();
        int columns = clean.stream().mapToInt(t -> t.length).max().orElseThrow();
        List<HookSite> sites = new ArrayList<>();
        for (HookPoint point : settings.points()) {
            if (point.queryKeyShaped() || point == HookPoint.LOGITS) {
                throw new IllegalArgumentException("cannot patch " + point.idName() + ": patching needs a point "
                        + "with a row per position (resid_pre, attn_out, mlp_out, attn_z, ...)");
            }
            for (int layer = 0; layer < rows(point); layer++) {
                sites.add(site(point, layer));
            }
        }
        RunResult cleanRun = model.run(RunRequest.builder(clean).batchSize(batchSize).capture(sites).build());
        RunResult corruptedRun = model.run(RunRequest.builder(corrupted).batchSize(batchSize).capture(sites).build());
        double[] cleanDiff = readDiffs(cleanRun);
        double[] corruptedDiff = readDiffs(corruptedRun);

        int total = 0;
        for (HookPoint point : settings.points()) {
            total += rows(point) * (point == HookPoint.ATTN_Z ? heads : columns) * settings.directions().size();
        }
        int done = 0;
        List<Grid> grids = new ArrayList<>();
        for (Direction direction : settings.directions()) {
            boolean ofClean = direction == Direction.NOISING;
            RunResult source = ofClean ? corruptedRun : cleanRun;
            for (HookPoint point : settings.points()) {
                boolean perHead = point == HookPoint.ATTN_Z;
                int width = perHead ? heads : columns;
                double[][][] patched = new double[rows(point)][width][n];
                String[] labels = new String[width];
                for (int c = 0; c < width; c++) {
                    labels[c] = perHead ? Integer.toString(c)
                            : Integer.toString(settings.alignEnd() ? c - columns : c);
                }
                for (int layer = 0; layer < rows(point); layer++) {
                    HookSite site = site(point, layer);
                    for (int c = 0; c < width; c++) {
                        if (cancelled.getAsBoolean()) {
                            throw new CancellationException("patching cancelled after " + done + " of " + total
                                    + " patched runs");
                        }
                        double[] row = patched[layer][c];
                        Arrays.fill(row, Double.NaN);
                        int[] included;
                        InterventionPlan plan;
                        if (perHead) {
                            included = java.util.stream.IntStream.range(0, n).toArray();
                            plan = InterventionPlan.of(direction + " " + site.id() + " head " + c, new FunctionEdit(
                                    site, Positions.all(), "patch head " + c,
                                    headFrom(source, site, included, c, model.spec().headDim())));
                        } else {
                            int index = settings.alignEnd() ? c - columns : c;
                            int reach = settings.alignEnd() ? -index : index + 1;
                            included = java.util.stream.IntStream.range(0, n)
                                    .filter(i -> clean.get(i).length >= reach).toArray();
                            plan = InterventionPlan.of(direction + " " + site.id() + " @" + index, new FunctionEdit(
                                    site, Positions.of(index), "patch position " + index,
                                    rowFrom(source, site, included)));
                        }
                        if (included.length > 0) {
                            double[] values = logitDiffs(ofClean, included, plan);
                            for (int k = 0; k < included.length; k++) {
                                row[included[k]] = values[k];
                            }
                        }
                        progress.done(++done, total);
                    }
                }
                grids.add(new Grid(direction, point, perHead, labels, patched));
            }
        }
        List<Grid> attribution = new ArrayList<>();
        if (settings.attribution()) {
            Set<HookSite> siteSet = new LinkedHashSet<>(sites);
            RunResult cleanGradients = model.logitDifferenceGradients(clean, cleanAnswer, corruptedAnswer, siteSet,
                    InterventionPlan.none(), batchSize);
            RunResult corruptedGradients = model.logitDifferenceGradients(corrupted, cleanAnswer, corruptedAnswer,
                    siteSet, InterventionPlan.none(), batchSize);
            for (Grid grid : grids) {
                boolean ofClean = grid.direction() == Direction.NOISING;
                attribution.add(attributionGrid(grid, ofClean ? cleanRun : corruptedRun,
                        ofClean ? corruptedRun : cleanRun, ofClean ? cleanGradients : corruptedGradients,
                        ofClean ? cleanDiff : corruptedDiff, settings.alignEnd(), columns));
            }
        }
        return new Result(cleanDiff, corruptedDiff, grids, attribution, columnTokens(columns, settings.alignEnd()));
    }

    /**
     * The first-order estimate of every cell of {@code grid}: the target run's logit difference plus the gradient
     * there times (source - target) activation, over the patched position (or the head's slice at every position).
     */
    private Grid attributionGrid(Grid grid, RunResult target, RunResult source, RunResult gradients, double[] base,
            boolean alignEnd, int columns) {
        int n = pairCount();
        int headDim = model.spec().headDim();
        double[][][] estimate = new double[grid.layers()][grid.columns()][n];
        for (int layer = 0; layer < grid.layers(); layer++) {
            HookSite site = site(grid.point(), layer);
            for (int i = 0; i < n; i++) {
                SiteActivations gradient = gradients.capture(site, i);
                SiteActivations from = source.capture(site, i);
                SiteActivations to = target.capture(site, i);
                int length = clean.get(i).length;
                for (int c = 0; c < grid.columns(); c++) {
                    double[] cell = estimate[layer][c];
                    if (Double.isNaN(grid.patched()[layer][c][i])) {
                        cell[i] = Double.NaN;
                        continue;
                    }
                    double change = 0;
                    if (grid.perHead()) {
                        for (int position = 0; position < length; position++) {
                            change += dot(gradient.rowAt(position), from.rowAt(position), to.rowAt(position),
                                    c * headDim, (c + 1) * headDim);
                        }
                    } else {
                        int position = alignEnd ? length - (columns - c) : c;
                        float[] g = gradient.rowAt(position);
                        change = dot(g, from.rowAt(position), to.rowAt(position), 0, g.length);
                    }
                    cell[i] = base[i] + change;
                }
            }
        }
        return new Grid(grid.direction(), grid.point(), grid.perHead(), grid.columnLabels(), estimate);
    }

    private static double dot(float[] gradient, float[] from, float[] to, int start, int end) {
        double sum = 0;
        for (int d = start; d < end; d++) {
            sum += (double) gradient[d] * ((double) from[d] - to[d]);
        }
        return sum;
    }

    /** Layers of a per-layer point; 1 for a global one (embed, final_norm). */
    private int rows(HookPoint point) {
        return point.perLayer() ? model.spec().layerCount() : 1;
    }

    private static HookSite site(HookPoint point, int layer) {
        return point.perLayer() ? HookSite.of(point, layer) : HookSite.global(point);
    }

    private double[] readDiffs(RunResult run) {
        double[] out = new double[pairCount()];
        for (int i = 0; i < out.length; i++) {
            float[] logits = run.lastLogits(i);
            out[i] = (double) logits[(int) cleanAnswer[i]] - logits[(int) corruptedAnswer[i]];
        }
        return out;
    }

    /** Replaces a row by the partner prompt's row at the same position. */
    private static ActivationFunction rowFrom(RunResult source, HookSite site, int[] included) {
        return (prompt, position, row) -> source.capture(site, included[prompt]).rowAt(position);
    }

    /** Replaces one head's slice of a per-head row by the partner prompt's, keeping the other heads. */
    private static ActivationFunction headFrom(RunResult source, HookSite site, int[] included, int head,
            int headDim) {
        return (prompt, position, row) -> {
            float[] other = source.capture(site, included[prompt]).rowAt(position);
            System.arraycopy(other, head * headDim, row, head * headDim, headDim);
            return row;
        };
    }

    /** The most common clean-prompt token id at each position column (-1 where no prompt reaches). */
    private long[] columnTokens(int columns, boolean alignEnd) {
        long[] out = new long[columns];
        for (int c = 0; c < columns; c++) {
            Map<Long, Integer> counts = new HashMap<>();
            for (long[] tokens : clean) {
                int position = alignEnd ? tokens.length - (columns - c) : c;
                if (position >= 0 && position < tokens.length) {
                    counts.merge(tokens[position], 1, Integer::sum);
                }
            }
            out[c] = counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(-1L);
        }
        return out;
    }
}
