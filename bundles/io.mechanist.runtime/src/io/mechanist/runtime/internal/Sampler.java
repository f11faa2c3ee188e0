package io.mechanist.runtime.internal;

import java.util.Arrays;
import java.util.Random;

import io.mechanist.runtime.generate.GenerationSettings;

/** Picks the next token from logits: greedy, or temperature + nucleus (top-p) sampling with a seeded generator. */
public final class Sampler {
    private final double temperature;
    private final double topP;
    private final Random random;

    public Sampler(GenerationSettings settings) {
        this.temperature = settings.temperature();
        this.topP = settings.topP();
        this.random = new Random(settings.seed());
    }

    public int next(float[] logits) {
        if (temperature == 0) {
            return argMax(logits);
        }
        double max = Double.NEGATIVE_INFINITY;
        for (float l : logits) {
            max = Math.max(max, l);
        }
        double[] p = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp((logits[i] - max) / temperature);
            sum += p[i];
        }
        if (topP >= 1) {
            return draw(p, sum, null, p.length);
        }
        // Sort by probability, descending, ties by id: pack (probability bits, inverted id) into one long.
        long[] keys = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            keys[i] = ((long) Float.floatToIntBits((float) (p[i] / sum)) << 32) | (0xffffffffL - i);
        }
        Arrays.sort(keys);
        int[] order = new int[p.length];
        for (int i = 0; i < p.length; i++) {
            order[i] = (int) (0xffffffffL - (keys[p.length - 1 - i] & 0xffffffffL));
        }
        double kept = 0;
        int count = 0;
        while (count < order.length && kept < topP * sum) {
            kept += p[order[count++]];
        }
        return draw(p, kept, order, count);
    }

    private int draw(double[] p, double total, int[] order, int count) {
        double u = random.nextDouble() * total;
        double cumulative = 0;
        for (int i = 0; i < count; i++) {
            int id = order == null ? i : order[i];
            cumulative += p[id];
            if (u < cumulative) {
                return id;
            }
        }
        return order == null ? count - 1 : order[count - 1];
    }

    static int argMax(float[] logits) {
        int best = 0;
        for (int i = 1; i < logits.length; i++) {
            if (logits[i] > logits[best]) {
                best = i;
            }
        }
        return best;
    }
}
