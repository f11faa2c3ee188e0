package io.mechanist.steering;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookSite;

/**
 * Builds steering vectors. Sums and the principal component are computed in double precision; results are float32
 * {@code [d_model]} vectors with provenance.
 */
public final class SteeringVectors {
    private static final int MAX_POWER_ITERATIONS = 10_000;

    private SteeringVectors() {
    }

    /**
     * Contrastive Activation Addition: the mean over pairs of {@code positive - negative} activations at
     * {@code siteId} and token {@code position} (negative counts from each prompt's end).
     *
     * @throws IllegalArgumentException for an empty pair list, a site the capture lacks, or an uncaptured position
     */
    public static SteeringVector meanDifference(ActivationSet capture, String siteId, int position,
            List<ContrastPair> pairs) {
        double[][] differences = differences(capture, siteId, position, pairs);
        int width = differences[0].length;
        double[] mean = new double[width];
        for (double[] row : differences) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j];
            }
        }
        float[] values = new float[width];
        for (int j = 0; j < width; j++) {
            values[j] = (float) (mean[j] / differences.length);
        }
        return new SteeringVector(siteId, "mean-difference", values,
                provenance("mean-difference", capture, siteId, position, pairs));
    }

    /**
     * The first principal component of the pair differences (centred, as scikit-learn's PCA does), oriented so that
     * the mean difference projects positively onto it, and scaled to the length of that projection (so it is
     * comparable with {@link #meanDifference}).
     */
    public static SteeringVector pcaOfDifferences(ActivationSet capture, String siteId, int position,
            List<ContrastPair> pairs) {
        double[][] differences = differences(capture, siteId, position, pairs);
        if (differences.length < 2) {
            throw new IllegalArgumentException("PCA of pair differences needs at least 2 pairs, got "
                    + differences.length);
        }
        int width = differences[0].length;
        double[] mean = new double[width];
        for (double[] row : differences) {
            for (int j = 0; j < width; j++) {
                mean[j] += row[j] / differences.length;
            }
        }
        double[][] centred = new double[differences.length][width];
        for (int i = 0; i < differences.length; i++) {
            for (int j = 0; j < width; j++) {
                centred[i][j] = differences[i][j] - mean[j];
            }
        }
        double[] component = firstComponent(centred, mean);
        double projection = dot(component, mean);
        double scale = projection < 0 ? -1 : 1;
        double length = Math.abs(projection);
        float[] values = new float[width];
        for (int j = 0; j < width; j++) {
            values[j] = (float) (scale * component[j] * length);
        }
        Map<String, String> provenance = provenance("pca-difference", capture, siteId, position, pairs);
        provenance.put("centred", "true");
        return new SteeringVector(siteId, "pca-difference", values, provenance);
    }

    /**
     * A probe's weight vector as a steering direction (e.g. {@code bestLogisticDirection} of the probe analysis).
     * The probe predicts its {@code positiveLabel} when {@code w.x + bias > 0}, so adding {@code +w} should push
     * towards that label.
     */
    public static SteeringVector fromProbe(StoredVectorData probe) {
        Map<String, String> provenance = new LinkedHashMap<>(probe.parameters());
        provenance.put("sourceVector", probe.id());
        provenance.put("sourceMethod", probe.method());
        return new SteeringVector(probe.siteId(), probe.method().startsWith("probe") ? probe.method()
                : "probe-" + probe.method(), probe.values(), provenance);
    }

    /** Any stored vector, unchanged, keeping its provenance. */
    public static SteeringVector fromStored(StoredVectorData stored) {
        Map<String, String> provenance = new LinkedHashMap<>(stored.parameters());
        provenance.put("sourceVector", stored.id());
        return new SteeringVector(stored.siteId(), stored.method(), stored.values(), provenance);
    }

    /**
     * A direction drawn uniformly on the sphere (normalised standard Gaussian) from {@code seed}, scaled to
     * {@code norm}: the control of a steering experiment.
     */
    public static SteeringVector random(String siteId, int width, double norm, long seed) {
        if (width < 1) {
            throw new IllegalArgumentException("width must be positive, was " + width);
        }
        if (!(norm >= 0) || Double.isInfinite(norm)) {
            throw new IllegalArgumentException("norm must be finite and >= 0, was " + norm);
        }
        Random random = new Random(seed);
        double[] g = new double[width];
        double sum = 0;
        for (int j = 0; j < width; j++) {
            g[j] = random.nextGaussian();
            sum += g[j] * g[j];
        }
        double scale = norm / Math.sqrt(sum);
        float[] values = new float[width];
        for (int j = 0; j < width; j++) {
            values[j] = (float) (g[j] * scale);
        }
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("seed", Long.toString(seed));
        provenance.put("norm", Double.toString(norm));
        return new SteeringVector(siteId, "random", values, provenance);
    }

    /** A random control with the norm of {@code of}, at its site. */
    public static SteeringVector randomLike(SteeringVector of, long seed) {
        return random(of.siteId(), of.width(), of.norm(), seed).withProvenance("controlFor", of.method());
    }

    private static double[][] differences(ActivationSet capture, String siteId, int position, List<ContrastPair> pairs) {
        if (pairs.isEmpty()) {
            throw new IllegalArgumentException("no contrast pairs given for capture " + capture.id());
        }
        if (!capture.hasSite(siteId)) {
            throw new IllegalArgumentException("capture " + capture.id() + " has no site " + siteId + "; it has "
                    + capture.siteIds());
        }
        int width = capture.rowWidth(siteId);
        float[] positive = new float[width];
        float[] negative = new float[width];
        double[][] out = new double[pairs.size()][width];
        for (int i = 0; i < pairs.size(); i++) {
            ContrastPair pair = pairs.get(i);
            read(capture, siteId, pair.positive(), position, positive);
            read(capture, siteId, pair.negative(), position, negative);
            for (int j = 0; j < width; j++) {
                out[i][j] = (double) positive[j] - negative[j];
            }
        }
        return out;
    }

    private static void read(ActivationSet capture, String siteId, int prompt, int position, float[] target) {
        if (prompt >= capture.promptCount()) {
            throw new IllegalArgumentException("capture " + capture.id() + " has " + capture.promptCount()
                    + " prompts; pair member " + prompt + " is not among them");
        }
        if (!capture.hasPosition(prompt, position)) {
            throw new IllegalArgumentException("capture " + capture.id() + " did not capture position " + position
                    + " of prompt " + prompt + " (captured: " + java.util.Arrays.toString(capture.positions(prompt)) + ")");
        }
        capture.readRow(siteId, prompt, position, target, 0);
    }

    private static Map<String, String> provenance(String method, ActivationSet capture, String siteId, int position,
            List<ContrastPair> pairs) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("method", method);
        HookSite site = HookSite.parse(siteId);
        p.put("layer", Integer.toString(site.layer()));
        p.put("site", siteId);
        p.put("position", Integer.toString(position));
        p.put("sourceCapture", capture.id());
        p.put("pairCount", Integer.toString(pairs.size()));
        p.put("pairs", pairs.stream().map(ContrastPair::pairId).collect(Collectors.joining(",")));
        return p;
    }

    /**
     * The leading right singular vector of {@code rows} by power iteration on {@code rows^T rows}, unit length.
     * {@code start} seeds the iteration (the mean difference); a deterministic fallback is used when it is zero.
     */
    static double[] firstComponent(double[][] rows, double[] start) {
        int width = rows[0].length;
        double[] v = start.clone();
        if (norm(v) == 0) {
            for (int j = 0; j < width; j++) {
                v[j] = 1 + j * 1e-3;
            }
        }
        normalise(v);
        double[] projections = new double[rows.length];
        for (int iteration = 0; iteration < MAX_POWER_ITERATIONS; iteration++) {
            for (int i = 0; i < rows.length; i++) {
                projections[i] = dot(rows[i], v);
            }
            double[] next = new double[width];
            for (int i = 0; i < rows.length; i++) {
                for (int j = 0; j < width; j++) {
                    next[j] += projections[i] * rows[i][j];
                }
            }
            if (norm(next) == 0) {
                return v;
            }
            normalise(next);
            double change = 0;
            for (int j = 0; j < width; j++) {
                change = Math.max(change, Math.abs(Math.abs(next[j]) - Math.abs(v[j])));
            }
            v = next;
            if (change < 1e-13) {
                break;
            }
        }
        return v;
    }

    static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double norm(double[] a) {
        return Math.sqrt(dot(a, a));
    }

    private static void normalise(double[] a) {
        double n = norm(a);
        for (int i = 0; i < a.length; i++) {
            a[i] /= n;
        }
    }
}
