package io.mechanist.patching.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.patching.ActivationPatching;
import io.mechanist.patching.Agreement;
import io.mechanist.patching.ActivationPatching.Direction;
import io.mechanist.patching.ActivationPatching.Grid;
import io.mechanist.patching.PairBootstrap;
import io.mechanist.patching.PatchPair;
import io.mechanist.runtime.HookedTransformer;

/**
 * Activation patching as a contributed analysis ({@value #ID}); see plugin.xml for inputs, parameters and outputs.
 * The pairs come from the dataset of the {@code pairs} capture (its prompts, not its activations); the model from
 * the capture's checkpoint folder unless {@code model} is given.
 */
public final class PatchingAnalysis implements Analysis {
    public static final String ID = "io.mechanist.patching.activation";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        ActivationSet capture = context.capture("pairs");
        SubMonitor progress = SubMonitor.convert(monitor, "Activation patching", 1000);
        try (HookedTransformer model = HookedTransformer.load(modelFolder(context, capture))) {
            List<PatchPair> pairs = PatchPair.find(capture.prompts(), p.getString("label"), p.getString("cleanValue"));
            String answerA = p.getString("answerA");
            String answerB = p.getString("answerB");
            long tokenA = singleToken(model, unescape(p.getString("tokenA")));
            long tokenB = singleToken(model, unescape(p.getString("tokenB")));
            List<long[]> clean = new ArrayList<>();
            List<long[]> corrupted = new ArrayList<>();
            long[] cleanAnswer = new long[pairs.size()];
            long[] corruptedAnswer = new long[pairs.size()];
            for (int i = 0; i < pairs.size(); i++) {
                PatchPair pair = pairs.get(i);
                clean.add(ids(capture.prompts().get(pair.clean())));
                corrupted.add(ids(capture.prompts().get(pair.corrupted())));
                cleanAnswer[i] = answerToken(pair.cleanAnswer(), answerA, answerB, tokenA, tokenB, pair);
                corruptedAnswer[i] = answerToken(pair.corruptedAnswer(), answerA, answerB, tokenA, tokenB, pair);
                if (cleanAnswer[i] == corruptedAnswer[i]) {
                    throw new AnalysisException("pair '" + pair.pairId() + "': both prompts have the answer '"
                            + pair.cleanAnswer() + "'; the logit difference needs two different answers");
                }
            }
            ActivationPatching.Settings settings = new ActivationPatching.Settings(points(p.getString("points")),
                    directions(p.getString("directions")), alignEnd(p.getString("align")), p.getInt("batchSize"),
                    p.getBoolean("attribution"));
            ActivationPatching patching = new ActivationPatching(model, clean, corrupted, cleanAnswer,
                    corruptedAnswer, settings.batchSize());
            SubMonitor runs = progress.split(950);
            runs.beginTask("Patched runs", 1000);
            int[] reported = {0};
            ActivationPatching.Result result = patching.run(settings, (done, total) -> {
                int now = 1000 * done / total;
                runs.worked(now - reported[0]);
                reported[0] = now;
            }, runs::isCanceled);
            String[] tokenTexts = new String[result.columnTokens().length];
            for (int c = 0; c < tokenTexts.length; c++) {
                long id = result.columnTokens()[c];
                tokenTexts[c] = id < 0 ? "" : model.hasTokenizer() ? model.tokenizer().tokenTexts(new long[] {id}).get(0)
                        : Long.toString(id);
            }
            List<String> differences = new ArrayList<>();
            for (PatchPair pair : pairs) {
                differences.add(difference(capture.prompts().get(pair.clean()), capture.prompts().get(pair.corrupted())));
            }
            return output(pairs, differences, result, tokenTexts, p.getInt("resamples"), p.getInt("seed"),
                    settings.alignEnd());
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The stored form: table {@code cells} (one row per grid cell with value, interval and n; activation patching
     * first, then attribution patching), table {@code agreement} (per grid, how well attribution matches activation
     * patching over the cells), table {@code pairs}, arrays {@code perPair} (normalised per pair) and
     * {@code patchedLogitDiff} (raw), both [grid, layer, column, pair] with NaN where a pair is not in a cell or a grid
     * has fewer rows or columns.
     */
    public static AnalysisOutput output(List<PatchPair> pairs, List<String> differences,
            ActivationPatching.Result result, String[] tokenTexts, int resamples, long seed, boolean alignEnd) {
        List<Grid> grids = new ArrayList<>(result.grids());
        grids.addAll(result.attributionGrids());
        int activationGrids = result.grids().size();
        int n = pairs.size();
        int layers = grids.stream().mapToInt(Grid::layers).max().orElseThrow();
        int columns = grids.stream().mapToInt(Grid::columns).max().orElseThrow();
        List<String> gridIds = new ArrayList<>();
        List<String> methods = new ArrayList<>();
        List<String> directions = new ArrayList<>();
        List<String> points = new ArrayList<>();
        List<String> columnLabels = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<Double> layerColumn = new ArrayList<>();
        List<Double> columnIndex = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Double> lows = new ArrayList<>();
        List<Double> highs = new ArrayList<>();
        List<Double> counts = new ArrayList<>();
        float[] perPair = new float[grids.size() * layers * columns * n];
        float[] raw = new float[perPair.length];
        java.util.Arrays.fill(perPair, Float.NaN);
        java.util.Arrays.fill(raw, Float.NaN);
        for (int g = 0; g < grids.size(); g++) {
            Grid grid = grids.get(g);
            String method = g < activationGrids ? "activation" : "attribution";
            for (int layer = 0; layer < grid.layers(); layer++) {
                for (int c = 0; c < grid.columns(); c++) {
                    double[] patched = grid.patched()[layer][c];
                    long cellSeed = seed + 1_000_003L * g + 10_007L * layer + c;
                    PairBootstrap.Cell cell = PairBootstrap.cell(patched, result.cleanLogitDiff(),
                            result.corruptedLogitDiff(), resamples, cellSeed);
                    gridIds.add(grid.id());
                    methods.add(method);
                    directions.add(grid.direction().name().toLowerCase(Locale.ROOT));
                    points.add(grid.point().idName());
                    layerColumn.add((double) (grid.point().perLayer() ? layer : HookSite.GLOBAL));
                    columnIndex.add((double) c);
                    columnLabels.add(grid.columnLabels()[c]);
                    tokens.add(grid.perHead() ? "head " + c : tokenTexts[c]);
                    values.add(cell.value());
                    lows.add(cell.low());
                    highs.add(cell.high());
                    counts.add((double) cell.n());
                    for (int i = 0; i < n; i++) {
                        int at = ((g * layers + layer) * columns + c) * n + i;
                        raw[at] = (float) patched[i];
                        perPair[at] = (float) PairBootstrap.perPair(patched[i], result.cleanLogitDiff()[i],
                                result.corruptedLogitDiff()[i]);
                    }
                }
            }
        }
        AnalysisOutput out = new AnalysisOutput();
        out.table("cells",
                AnalysisOutput.texts("method", methods.toArray(String[]::new)),
                AnalysisOutput.texts("grid", gridIds.toArray(String[]::new)),
                AnalysisOutput.texts("direction", directions.toArray(String[]::new)),
                AnalysisOutput.texts("point", points.toArray(String[]::new)),
                AnalysisOutput.numbers("layer", "", unbox(layerColumn)),
                AnalysisOutput.numbers("column", "", unbox(columnIndex)),
                AnalysisOutput.texts("position", columnLabels.toArray(String[]::new)),
                AnalysisOutput.texts("token", tokens.toArray(String[]::new)),
                AnalysisOutput.numbers("value", "0 = corrupted, 1 = clean", unbox(values)),
                AnalysisOutput.numbers("ciLow", "", unbox(lows)),
                AnalysisOutput.numbers("ciHigh", "", unbox(highs)),
                AnalysisOutput.numbers("n", "pairs", unbox(counts)));
        out.table("pairs",
                AnalysisOutput.texts("pair", pairs.stream().map(PatchPair::pairId).toArray(String[]::new)),
                AnalysisOutput.numbers("cleanPrompt", "", pairs.stream().mapToDouble(PatchPair::clean).toArray()),
                AnalysisOutput.numbers("corruptedPrompt", "", pairs.stream().mapToDouble(PatchPair::corrupted).toArray()),
                AnalysisOutput.texts("difference", differences.toArray(String[]::new)),
                AnalysisOutput.numbers("cleanLogitDiff", "logit", result.cleanLogitDiff()),
                AnalysisOutput.numbers("corruptedLogitDiff", "logit", result.corruptedLogitDiff()));
        if (!result.attributionGrids().isEmpty()) {
            agreement(out, gridIds, methods, unbox(values));
        }
        int[] shape = {grids.size(), layers, columns, n};
        out.array("perPair", List.of("grid", "layer", "column", "pair"), shape, perPair);
        out.array("patchedLogitDiff", List.of("grid", "layer", "column", "pair"), shape, raw);
        List<String> gridNames = new ArrayList<>();
        for (int g = 0; g < grids.size(); g++) {
            gridNames.add((g < activationGrids ? "activation:" : "attribution:") + grids.get(g).id());
        }
        out.note("grids", String.join(",", gridNames));
        out.note("attribution", "attribution patching estimates a patched run as the unpatched logit difference plus "
                + "the gradient at the target run (DJL autograd) times (source - target) activation");
        out.note("metric", "logit(clean answer) - logit(corrupted answer) at the last prompt position; a cell is "
                + "mean(patched - corrupted) / mean(clean - corrupted) over its pairs (0 = corrupted, 1 = clean)");
        out.note("interval", "95% percentile bootstrap over pairs, " + resamples + " resamples, seed " + seed);
        out.note("positions", alignEnd ? "counted from the last token (-1 = last)" : "counted from the first token");
        out.note("pairs", Integer.toString(n));
        return out;
    }

    /**
     * Per grid: the Pearson correlation over cells between activation and attribution patching, the mean absolute
     * difference, and the number of cells compared (cells with a value in both).
     */
    private static void agreement(AnalysisOutput out, List<String> gridIds, List<String> methods, double[] values) {
        List<String> names = gridIds.stream().distinct().toList();
        double[] correlation = new double[names.size()];
        double[] meanAbs = new double[names.size()];
        double[] cells = new double[names.size()];
        for (int k = 0; k < names.size(); k++) {
            List<Double> exact = new ArrayList<>();
            List<Double> estimate = new ArrayList<>();
            for (int r = 0; r < gridIds.size(); r++) {
                if (gridIds.get(r).equals(names.get(k)) && methods.get(r).equals("activation")) {
                    exact.add(values[r]);
                } else if (gridIds.get(r).equals(names.get(k))) {
                    estimate.add(values[r]);
                }
            }
            List<double[]> both = new ArrayList<>();
            for (int i = 0; i < exact.size(); i++) {
                if (Double.isFinite(exact.get(i)) && Double.isFinite(estimate.get(i))) {
                    both.add(new double[] {exact.get(i), estimate.get(i)});
                }
            }
            correlation[k] = Agreement.pearson(both);
            meanAbs[k] = both.stream().mapToDouble(x -> Math.abs(x[0] - x[1])).average().orElse(Double.NaN);
            cells[k] = both.size();
        }
        out.table("agreement",
                AnalysisOutput.texts("grid", names.toArray(String[]::new)),
                AnalysisOutput.numbers("correlation", "Pearson over cells", correlation),
                AnalysisOutput.numbers("meanAbsDifference", "normalised units", meanAbs),
                AnalysisOutput.numbers("cells", "", cells));
    }

    /**
     * Where the two prompts of a pair differ, positions counted from the end: {@code -17 26/0, -14 0/26} (clean
     * token / corrupted token).
     */
    static String difference(PromptInfo clean, PromptInfo corrupted) {
        int[] a = clean.tokenIds();
        int[] b = corrupted.tokenIds();
        List<String> parts = new ArrayList<>();
        for (int t = 0; t < a.length; t++) {
            if (a[t] != b[t]) {
                parts.add((t - a.length) + " " + text(clean, t) + "/" + text(corrupted, t));
            }
        }
        return parts.isEmpty() ? "identical" : String.join(", ", parts);
    }

    private static String text(PromptInfo prompt, int position) {
        return prompt.tokens().size() == prompt.tokenCount() ? prompt.tokens().get(position).strip()
                : Integer.toString(prompt.tokenIds()[position]);
    }

    private static double[] unbox(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static long[] ids(PromptInfo prompt) {
        long[] ids = new long[prompt.tokenIds().length];
        for (int t = 0; t < ids.length; t++) {
            ids[t] = prompt.tokenIds()[t];
        }
        return ids;
    }

    private static long answerToken(String answer, String answerA, String answerB, long tokenA, long tokenB,
            PatchPair pair) throws AnalysisException {
        if (answer.equals(answerA)) {
            return tokenA;
        }
        if (answer.equals(answerB)) {
            return tokenB;
        }
        throw new AnalysisException("pair '" + pair.pairId() + "': answer '" + answer + "' is neither answerA '"
                + answerA + "' nor answerB '" + answerB + "'");
    }

    private static long singleToken(HookedTransformer model, String text) throws AnalysisException {
        long[] ids = model.tokenizer().encode(text, false);
        if (ids.length != 1) {
            throw new AnalysisException("answer text '" + text + "' is " + ids.length + " tokens "
                    + java.util.Arrays.toString(ids) + "; an answer must be exactly one token");
        }
        return ids[0];
    }

    /** Parameter values are trimmed; {@code \s} writes a leading space (GPT-2's " A"). */
    static String unescape(String token) {
        return token.replace("\\s", " ");
    }

    /**
     * Points from {@code resid_pre,attn_out,mlp_out,attn_z} (TransformerLens names such as hook_z, and the global
     * embed and final_norm work too).
     */
    public static List<HookPoint> points(String text) throws AnalysisException {
        List<HookPoint> out = new ArrayList<>();
        for (String part : text.split(",")) {
            String name = part.strip();
            if (name.isEmpty()) {
                continue;
            }
            HookPoint point = null;
            for (String id : List.of(name, "blocks.0." + name)) {
                try {
                    point = HookSite.parse(id).point();
                    break;
                } catch (IllegalArgumentException notThisForm) {
                    // try the next form
                }
            }
            if (point == null) {
                throw new AnalysisException("points: '" + name + "' is not a hook point (e.g. resid_pre, attn_out, "
                        + "mlp_out, attn_z)");
            }
            if (point.queryKeyShaped() || point == HookPoint.LOGITS) {
                throw new AnalysisException("points: " + point.idName() + " cannot be patched (no row per position)");
            }
            out.add(point);
        }
        if (out.isEmpty()) {
            throw new AnalysisException("points: none given (e.g. resid_pre,attn_out,mlp_out,attn_z)");
        }
        return out;
    }

    public static List<Direction> directions(String text) throws AnalysisException {
        List<Direction> out = new ArrayList<>();
        for (String part : text.split(",")) {
            switch (part.strip()) {
                case "denoising" -> out.add(Direction.DENOISING);
                case "noising" -> out.add(Direction.NOISING);
                case "" -> { }
                default -> throw new AnalysisException("directions: '" + part.strip()
                        + "' is neither denoising nor noising");
            }
        }
        if (out.isEmpty()) {
            throw new AnalysisException("directions: none given (denoising, noising or both)");
        }
        return out;
    }

    private static boolean alignEnd(String align) throws AnalysisException {
        return switch (align) {
            case "end" -> true;
            case "start" -> false;
            default -> throw new AnalysisException("align must be end or start, not '" + align + "'");
        };
    }

    private static Path modelFolder(AnalysisContext context, ActivationSet capture) throws AnalysisException {
        AnalysisParameters p = context.parameters();
        if (p.isSet("model") && !p.getString("model").isBlank()) {
            return Path.of(p.getString("model"));
        }
        return capture.modelFolder().orElseThrow(() -> new AnalysisException("no model to patch: capture "
                + capture.id() + " records no checkpoint folder; give the parameter 'model'"));
    }
}
