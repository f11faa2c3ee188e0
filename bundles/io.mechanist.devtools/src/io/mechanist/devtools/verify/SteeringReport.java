package io.mechanist.devtools.verify;

import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.runtime.reference.ActivationEdit;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.runtime.reference.SiteIds;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Contrastive activation addition at {@code blocks.L.resid_post}: the vector is the mean over contrast pairs of
 * (activation of the answer-A prompt - activation of the answer-B prompt) at the answer marker; it is added, times
 * a multiplier, at every position of every held-out test prompt, and the probability of " A" at the answer marker
 * is read from the output. Control: random Gaussian directions of the same norm.
 */
final class SteeringReport {

    /** P(A) statistics over the test prompts at one multiplier. */
    record Point(double multiplier, double meanPA, double meanPAOnAnswerA, double meanPAOnAnswerB,
            double fractionArgmaxA) {
    }

    final int layer;
    final double vectorNorm;
    final double residualNorm;
    final List<Point> steered;
    /** [random vector][multiplier]. */
    final List<List<Point>> random;

    SteeringReport(ReferenceModel model, CapturedPrompts pairs, CapturedPrompts test, int layer,
            double[] multipliers, int randomVectors, long seed) {
        this.layer = layer;
        int site = layer + 1;
        double[] vector = contrastVector(pairs, site);
        this.vectorNorm = Vectors.norm(vector);
        double sum = 0;
        for (int p = 0; p < test.size(); p++) {
            sum += Vectors.norm(test.residual[p][site][0]);
        }
        this.residualNorm = sum / test.size();
        this.steered = sweep(model, test, vector, multipliers);
        Random r = new Random(seed);
        this.random = new java.util.ArrayList<>();
        for (int i = 0; i < randomVectors; i++) {
            random.add(sweep(model, test, Vectors.randomOfNorm(vector.length, vectorNorm, r), multipliers));
        }
    }

    private static double[] contrastVector(CapturedPrompts pairs, int site) {
        Map<String, double[]> answerA = new HashMap<>();
        Map<String, double[]> answerB = new HashMap<>();
        for (int p = 0; p < pairs.size(); p++) {
            DatasetRecord r = pairs.records.get(p);
            if (r.pair() == null) {
                throw new IllegalArgumentException("prompt " + r.id() + " of the contrast set has no pair id");
            }
            (r.answer().equals("A") ? answerA : answerB).put(r.pair(), pairs.residual[p][site][0]);
        }
        double[] sum = null;
        int n = 0;
        for (Map.Entry<String, double[]> a : answerA.entrySet()) {
            double[] b = answerB.get(a.getKey());
            if (b == null) {
                throw new IllegalArgumentException("pair " + a.getKey() + " has no answer-B prompt");
            }
            double[] difference = Vectors.subtract(a.getValue(), b);
            sum = sum == null ? difference : Vectors.add(sum, difference);
            n++;
        }
        return Vectors.scale(sum, 1.0 / n);
    }

    private List<Point> sweep(ReferenceModel model, CapturedPrompts test, double[] vector, double[] multipliers) {
        int a = DemoVocabulary.id("A");
        List<Point> points = new java.util.ArrayList<>();
        for (double m : multipliers) {
            double sumAll = 0;
            double sumOnA = 0;
            double sumOnB = 0;
            int nA = 0;
            int argmaxA = 0;
            Map<String, ActivationEdit> edit = Map.of(SiteIds.residPost(layer), ActivationEdit.addVector(vector, m));
            for (int p = 0; p < test.size(); p++) {
                int[] tokens = CapturedPrompts.tokenIds(test.records.get(p));
                double[] logits = model.run(tokens, edit).logits()[tokens.length - 1];
                double pA = Vectors.softmaxAt(logits, a);
                sumAll += pA;
                if (test.records.get(p).answer().equals("A")) {
                    sumOnA += pA;
                    nA++;
                } else {
                    sumOnB += pA;
                }
                argmaxA += argmax(logits) == a ? 1 : 0;
            }
            int n = test.size();
            points.add(new Point(m, sumAll / n, sumOnA / nA, sumOnB / (n - nA), argmaxA / (double) n));
        }
        return points;
    }

    private static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    String table() {
        StringBuilder out = new StringBuilder(String.format(
                "Steering at blocks.%d.resid_post, all positions; |v| = %.2f, mean |resid| at the answer marker ="
                        + " %.2f (|v| / |resid| = %.2f)%n%n", layer, vectorNorm, residualNorm,
                vectorNorm / residualNorm));
        out.append("| multiplier | x|v|/|resid| | P(A) all | P(A) on answer-A | P(A) on answer-B | argmax A |"
                + " random: P(A) mean [min, max] over ").append(random.size()).append(" vectors |\n");
        out.append("|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < steered.size(); i++) {
            Point s = steered.get(i);
            double min = 1;
            double max = 0;
            double mean = 0;
            for (List<Point> r : random) {
                double v = r.get(i).meanPA();
                min = Math.min(min, v);
                max = Math.max(max, v);
                mean += v / random.size();
            }
            out.append(String.format("| %+.2f | %+.2f | %.3f | %.3f | %.3f | %.2f | %.3f [%.3f, %.3f] |%n",
                    s.multiplier(), s.multiplier() * vectorNorm / residualNorm, s.meanPA(), s.meanPAOnAnswerA(),
                    s.meanPAOnAnswerB(), s.fractionArgmaxA(), mean, min, max));
        }
        return out.toString();
    }
}
