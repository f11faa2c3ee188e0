package io.mechanist.ui.probes.tests;

import java.util.List;
import java.util.SplittableRandom;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.OutputReadout;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeResults;

/**
 * Real probe results on activations with a planted signal: the label is readable from layer 2 on, rising towards
 * the answer marker, with a dip at the template token {@code <eot>}; nothing before " true".
 */
final class PlantedProbes {

    static final List<String> TOKENS = List.of("Q", ":", " Is", " it", " true", "?", " Let", " me", " think",
            "<eot>", " Answer", ":");
    static final int LAYERS = 4;
    private static final int D = 16;

    private PlantedProbes() {
    }

    static ProbeResults run(int prompts, long seed) {
        return ProbeAnalysis.run(data(prompts, seed), ProbeConfig.defaults().withThreads(2));
    }

    /**
     * The output read-out on the same activations, with answer tokens whose unembedding rows are +e0 (" A") and
     * -e0 (" B"): the read-out sees the planted feature directly, so it is right wherever the signal is.
     */
    static ReadoutResults readout(InMemoryProbeData data) {
        float[] a = new float[D];
        float[] b = new float[D];
        a[0] = 1;
        b[0] = -1;
        return OutputReadout.evaluate(data, new OutputReadout.AnswerTokens("A", a, b, 0, 0, 0));
    }

    static InMemoryProbeData data(int prompts, long seed) {
        int d = D;
        SplittableRandom random = new SplittableRandom(seed);
        String[] ids = new String[prompts];
        String[] labels = new String[prompts];
        String[] groups = new String[prompts];
        for (int p = 0; p < prompts; p++) {
            ids[p] = "p" + p;
            labels[p] = random.nextBoolean() ? "A" : "B";
            groups[p] = "g" + p / 2;
        }
        InMemoryProbeData data = new InMemoryProbeData(LAYERS, TOKENS.size(), d, ids, labels, groups);
        for (int k = 0; k < TOKENS.size(); k++) {
            data.setPositionToken(k, TOKENS.get(k));
        }
        for (int l = 0; l < LAYERS; l++) {
            for (int k = 0; k < TOKENS.size(); k++) {
                double strength = l < 2 || k < 4 ? 0 : TOKENS.get(k).equals("<eot>") ? 0.3 : 0.4 * l * (k - 3) / 8.0;
                float[] m = new float[prompts * d];
                for (int p = 0; p < prompts; p++) {
                    double y = labels[p].equals("A") ? 1 : -1;
                    for (int j = 0; j < d; j++) {
                        m[p * d + j] = (float) (random.nextGaussian() + (j == 0 ? 3 * y * strength : 0));
                    }
                }
                data.setMatrix(l, k, m);
            }
        }
        return data;
    }
}
