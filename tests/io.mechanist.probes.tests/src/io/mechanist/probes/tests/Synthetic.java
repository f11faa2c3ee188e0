package io.mechanist.probes.tests;

import java.util.SplittableRandom;

import io.mechanist.probes.InMemoryProbeData;

/** Synthetic activations: Gaussian noise plus, in planted cells, a label-dependent shift along a fixed direction. */
final class Synthetic {

    private Synthetic() {
    }

    /**
     * @param groupSize prompts per group (labels are drawn per prompt)
     * @param planted   planted[layer][position] = shift strength (0 = none)
     */
    static InMemoryProbeData data(int n, int d, int groupSize, double[][] planted, long seed) {
        int layers = planted.length;
        int positions = planted[0].length;
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[n];
        String[] labels = new String[n];
        String[] groups = new String[n];
        for (int p = 0; p < n; p++) {
            ids[p] = "p" + p;
            labels[p] = random.nextBoolean() ? "yes" : "no";
            groups[p] = "g" + (p / groupSize);
        }
        InMemoryProbeData data = new InMemoryProbeData(layers, positions, d, ids, labels, groups);
        for (int l = 0; l < layers; l++) {
            for (int k = 0; k < positions; k++) {
                double[] direction = new double[d];
                double norm = 0;
                for (int j = 0; j < d; j++) {
                    direction[j] = random.nextGaussian();
                    norm += direction[j] * direction[j];
                }
                norm = Math.sqrt(norm);
                float[] m = new float[n * d];
                for (int p = 0; p < n; p++) {
                    double y = labels[p].equals("yes") ? 1 : -1;
                    for (int j = 0; j < d; j++) {
                        // per-feature scales and offsets so standardisation matters
                        double scale = 1 + (j % 7);
                        double offset = (j % 5) - 2;
                        m[p * d + j] = (float) (offset + scale * (random.nextGaussian()
                                + y * planted[l][k] * direction[j] / norm * Math.sqrt(d) / 4));
                    }
                }
                data.setMatrix(l, k, m);
            }
        }
        return data;
    }
}
