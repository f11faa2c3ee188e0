package io.mechanist.perturbation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;

/**
 * Where two checkpoints of the same architecture differ inside ({@value #ID}): two captures of the same prompts, one
 * per model, compared site by site on every captured token. Per site: the relative size of the activation difference
 * {@code sum |b - a| / sum |a|}, the mean cosine between the two models' activations with a 95% t interval over
 * prompts, and the top directions of the differences (uncentred, so a constant shift counts): the share of the
 * squared difference along the first and the first three, and the first direction per site as an array. Inputs, parameters and outputs in plugin.xml.
 */
public final class ModelDiffAnalysis implements Analysis {

    public static final String ID = "io.mechanist.perturbation.modelDiff";

    /** Difference rows kept per site for the directions (the first rows in prompt order); sizes and cosines use all. */
    static final int MAX_DIRECTION_ROWS = 20_000;
    private static final int DIRECTIONS = 3;
    private static final int POWER_ITERATIONS = 100;

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        ActivationSet base = context.capture("base");
        ActivationSet other = context.capture("other");
        checkSamePrompts(base, other);
        List<String> sites = new ArrayList<>();
        for (String site : base.siteIds()) {
            if (other.hasSite(site) && base.rowShape(site).length == 1 && other.rowShape(site).length == 1
                    && base.rowWidth(site) == other.rowWidth(site)) {
                sites.add(site);
            }
        }
        if (sites.isEmpty()) {
            throw new AnalysisException("captures " + base.id() + " and " + other.id()
                    + " share no site of the same width with one row per token (attention patterns are not compared); "
                    + base.id() + " has " + base.siteIds() + ", " + other.id() + " has " + other.siteIds());
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Comparing " + sites.size() + " sites", sites.size());
        int n = sites.size();
        double[][] columns = new double[6][n];
        AnalysisOutput out = new AnalysisOutput();
        int width = base.rowWidth(sites.get(0));
        float[] directions = new float[n * width];
        for (int s = 0; s < n; s++) {
            if (progress.isCanceled()) {
                throw new OperationCanceledException();
            }
            SiteDiff diff = compare(base, other, sites.get(s));
            CrossedMean cosine = CrossedMean.of(new double[][] {diff.promptCosines()});
            double[] row = {diff.relativeDifference(), cosine.mean(), cosine.interval().low(), cosine.interval().high(),
                    diff.shares()[0], diff.shares()[1]};
            for (int c = 0; c < row.length; c++) {
                columns[c][s] = row[c];
            }
            if (diff.firstDirection() != null && diff.firstDirection().length == width) {
                System.arraycopy(diff.firstDirection(), 0, directions, s * width, width);
            } else {
                Arrays.fill(directions, s * width, (s + 1) * width, Float.NaN); // no difference, or another width
            }
            progress.worked(1);
        }
        out.table("sites", AnalysisOutput.texts("site", sites.toArray(String[]::new)),
                AnalysisOutput.numbers("relativeDifference", "sum |b - a| / sum |a|", columns[0]),
                AnalysisOutput.numbers("meanCosine", "", columns[1]),
                AnalysisOutput.numbers("cosineLow", "", columns[2]), AnalysisOutput.numbers("cosineHigh", "", columns[3]),
                AnalysisOutput.numbers("pc1Share", "share of sum |b - a|^2", columns[4]),
                AnalysisOutput.numbers("top3Share", "share of sum |b - a|^2", columns[5]));
        out.array("directions", List.of("site", "component"), new int[] {n, width}, directions);
        out.note("base", base.id() + recordedFolder(base));
        out.note("other", other.id() + recordedFolder(other));
        out.note("cosineInterval", "95% t interval over prompts of each prompt's mean cosine");
        out.note("directions", "uncentred top directions of b - a by power iteration on the first "
                + MAX_DIRECTION_ROWS + " token rows per site");
        return out;
    }

    /** " (folder)" of the capture's checkpoint as its store records it; empty when none is, or not as a folder. */
    private static String recordedFolder(ActivationSet capture) {
        try {
            return capture.modelFolder().map(folder -> " (" + folder + ")").orElse("");
        } catch (IllegalArgumentException notAFolder) {
            return ""; // a Spark capture's Hadoop URI, which this analysis does not need
        }
    }

    /** Both captures must hold the same prompts, token for token, and the same positions. */
    static void checkSamePrompts(ActivationSet base, ActivationSet other) throws AnalysisException {
        if (base.promptCount() != other.promptCount()) {
            throw new AnalysisException("captures " + base.id() + " (" + base.promptCount() + " prompts) and "
                    + other.id() + " (" + other.promptCount() + ") must hold the same prompts to be compared");
        }
        for (int p = 0; p < base.promptCount(); p++) {
            if (!Arrays.equals(base.prompts().get(p).tokenIds(), other.prompts().get(p).tokenIds())
                    || !Arrays.equals(base.positions(p), other.positions(p))) {
                throw new AnalysisException("prompt " + p + " differs between captures " + base.id() + " and "
                        + other.id() + " (tokens or captured positions): both models must see the same inputs "
                        + "(same dataset, tokenizer and positions)");
            }
        }
    }

    record SiteDiff(double relativeDifference, double[] promptCosines, double[] shares, float[] firstDirection) {
    }

    static SiteDiff compare(ActivationSet base, ActivationSet other, String site) {
        int width = base.rowWidth(site);
        double normA = 0;
        double normDiff = 0;
        double[] promptCosines = new double[base.promptCount()];
        List<float[]> differences = new ArrayList<>();
        for (int p = 0; p < base.promptCount(); p++) {
            FloatMatrix a = base.prompt(site, p);
            FloatMatrix b = other.prompt(site, p);
            double cosines = 0;
            for (int t = 0; t < a.rows(); t++) {
                double aa = 0;
                double bb = 0;
                double ab = 0;
                double dd = 0;
                float[] d = new float[width];
                for (int i = 0; i < width; i++) {
                    double x = a.get(t, i);
                    double y = b.get(t, i);
                    aa += x * x;
                    bb += y * y;
                    ab += x * y;
                    d[i] = (float) (y - x);
                    dd += (y - x) * (y - x);
                }
                normA += Math.sqrt(aa);
                normDiff += Math.sqrt(dd);
                cosines += aa == 0 || bb == 0 ? (aa == bb ? 1 : 0) : ab / Math.sqrt(aa * bb);
                if (differences.size() < MAX_DIRECTION_ROWS) {
                    differences.add(d);
                }
            }
            promptCosines[p] = cosines / Math.max(1, a.rows());
        }
        double[] shares = new double[2];
        float[] first = null;
        double total = 0;
        for (float[] d : differences) {
            for (float x : d) {
                total += (double) x * x;
            }
        }
        if (total > 0) {
            double[][] directions = topDirections(differences, width, Math.min(DIRECTIONS, width));
            double[] explained = new double[directions.length];
            for (int k = 0; k < directions.length; k++) {
                for (float[] d : differences) {
                    double dot = 0;
                    for (int i = 0; i < width; i++) {
                        dot += d[i] * directions[k][i];
                    }
                    explained[k] += dot * dot;
                }
            }
            shares[0] = explained[0] / total;
            shares[1] = Arrays.stream(explained).sum() / total;
            first = new float[width];
            for (int i = 0; i < width; i++) {
                first[i] = (float) directions[0][i];
            }
        }
        return new SiteDiff(normA == 0 ? (normDiff == 0 ? 0 : Double.POSITIVE_INFINITY) : normDiff / normA,
                promptCosines, shares, first);
    }

    /** The top eigenvectors of {@code sum d d^T} by power iteration with deflation (Gram-Schmidt), unit length. */
    static double[][] topDirections(List<float[]> rows, int width, int count) {
        double[][] found = new double[count][];
        SplittableRandom random = new SplittableRandom(17);
        for (int k = 0; k < count; k++) {
            double[] v = new double[width];
            for (int i = 0; i < width; i++) {
                v[i] = random.nextGaussian();
            }
            for (int iteration = 0; iteration < POWER_ITERATIONS; iteration++) {
                orthogonalise(v, found, k);
                double[] next = new double[width];
                for (float[] d : rows) {
                    double dot = 0;
                    for (int i = 0; i < width; i++) {
                        dot += d[i] * v[i];
                    }
                    for (int i = 0; i < width; i++) {
                        next[i] += dot * d[i];
                    }
                }
                orthogonalise(next, found, k);
                double norm = Math.sqrt(Arrays.stream(next).map(x -> x * x).sum());
                if (norm == 0) {
                    break; // the differences span fewer than k + 1 directions
                }
                for (int i = 0; i < width; i++) {
                    v[i] = next[i] / norm;
                }
            }
            found[k] = v;
        }
        return found;
    }

    private static void orthogonalise(double[] v, double[][] against, int count) {
        for (int j = 0; j < count; j++) {
            double dot = 0;
            for (int i = 0; i < v.length; i++) {
                dot += v[i] * against[j][i];
            }
            for (int i = 0; i < v.length; i++) {
                v[i] -= dot * against[j][i];
            }
        }
    }
}
