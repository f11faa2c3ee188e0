package io.mechanist.devtools.verify;

import java.util.List;
import java.util.Random;

/**
 * Difference-of-means probes for one binary label at every site and every offset from the answer marker, trained
 * on the train split and scored on the held-out test split (different number pairs, so the split is grouped).
 */
final class ProbeReport {

    /** [site][offset] test accuracy. */
    final double[][] accuracy;
    /** [offset] accuracy of the sign of the model's own logit(A) - logit(B) at that position. */
    final double[] outputAccuracy;
    /** [site][offset] test accuracy of the probe trained on shuffled train labels. */
    final double[][] controlAccuracy;
    final int[][] correct;
    final int testPrompts;

    ProbeReport(CapturedPrompts train, CapturedPrompts test, String label, String positiveValue, long seed) {
        int sites = train.sites();
        int offsets = Math.min(train.offsets, test.offsets);
        boolean[] trainLabels = train.labels(label, positiveValue);
        boolean[] testLabels = test.labels(label, positiveValue);
        boolean[] shuffled = shuffled(trainLabels, new Random(seed));
        testPrompts = test.size();
        accuracy = new double[sites][offsets];
        controlAccuracy = new double[sites][offsets];
        correct = new int[sites][offsets];
        outputAccuracy = new double[offsets];
        for (int site = 0; site < sites; site++) {
            for (int o = 0; o < offsets; o++) {
                double[][] testActivations = test.at(site, o);
                DifferenceOfMeansProbe probe = DifferenceOfMeansProbe.fit(train.at(site, o), trainLabels);
                correct[site][o] = probe.correct(testActivations, testLabels);
                accuracy[site][o] = correct[site][o] / (double) testPrompts;
                DifferenceOfMeansProbe control = DifferenceOfMeansProbe.fit(train.at(site, o), shuffled);
                controlAccuracy[site][o] = control.correct(testActivations, testLabels) / (double) testPrompts;
            }
        }
        for (int o = 0; o < offsets; o++) {
            int right = 0;
            for (int p = 0; p < test.size(); p++) {
                right += (test.outputLogitDifference[p][o] > 0) == testLabels[p] ? 1 : 0;
            }
            outputAccuracy[o] = right / (double) testPrompts;
        }
    }

    int offsets() {
        return outputAccuracy.length;
    }

    int sites() {
        return accuracy.length;
    }

    /** The site with the highest accuracy at an offset. */
    int bestSite(int offset) {
        int best = 0;
        for (int site = 1; site < sites(); site++) {
            if (accuracy[site][offset] > accuracy[best][offset]) {
                best = site;
            }
        }
        return best;
    }

    double maxControl() {
        double max = 0;
        for (double[] row : controlAccuracy) {
            for (double v : row) {
                max = Math.max(max, v);
            }
        }
        return max;
    }

    /** A Markdown table: one row per offset (earliest first) with the token texts, per-site and output accuracy. */
    String table(List<String> shortTokens, List<String> longTokens) {
        StringBuilder out = new StringBuilder("| offset | token | ");
        for (int site = 0; site < sites(); site++) {
            out.append(CapturedPrompts.siteLabel(site)).append(" | ");
        }
        out.append("best (95% CI) | output A-vs-B |\n|---|---|");
        out.append("---|".repeat(sites() + 2)).append('\n');
        for (int o = offsets() - 1; o >= 0; o--) {
            String token = shortTokens.get(o).equals(longTokens.get(o)) ? shortTokens.get(o)
                    : shortTokens.get(o) + " / " + longTokens.get(o);
            out.append("| ").append(-o).append(" | `").append(token).append("` | ");
            for (int site = 0; site < sites(); site++) {
                out.append(String.format("%.2f | ", accuracy[site][o]));
            }
            int best = bestSite(o);
            double[] ci = Vectors.wilson95(correct[best][o], testPrompts);
            out.append(String.format("%.2f [%.2f, %.2f] %s | %.2f |%n", accuracy[best][o], ci[0], ci[1],
                    CapturedPrompts.siteLabel(best), outputAccuracy[o]));
        }
        return out.toString();
    }

    private static boolean[] shuffled(boolean[] labels, Random random) {
        boolean[] out = labels.clone();
        for (int i = out.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            boolean t = out[i];
            out[i] = out[j];
            out[j] = t;
        }
        return out;
    }
}
