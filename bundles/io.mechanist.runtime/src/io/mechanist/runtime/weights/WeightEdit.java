package io.mechanist.runtime.weights;

import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A change to a model's weights, applied to each selected tensor as the checkpoint is loaded (the files are never
 * changed). Values are computed in double and rounded to float32 once, so an edit that changes nothing (noise of
 * scale 0, interpolation at t = 0 or t = 1 towards an identical tensor, factor 1) reproduces the weights bit for bit.
 */
public sealed interface WeightEdit {

    /** The tensors this edit applies to. */
    TensorSelection tensors();

    /** The edit in words, for stored results and logs. */
    String describe();

    /**
     * Gaussian noise scaled to each tensor's own root mean square: {@code w + scale * rms(w) * z}, with {@code z}
     * drawn from a generator seeded by {@code seed} and the tensor's name, so a run is reproducible and does not
     * depend on the order in which tensors are loaded (a tied embedding loaded twice gets the same noise).
     */
    record Noise(TensorSelection tensors, double scale, long seed) implements WeightEdit {
        public Noise {
            if (!(scale >= 0) || Double.isInfinite(scale)) {
                throw new IllegalArgumentException("noise scale must be finite and >= 0, got " + scale);
            }
        }

        @Override
        public String describe() {
            return "noise " + scale + " x rms, seed " + seed + ", " + tensors;
        }

        float[] apply(String name, float[] values) {
            if (scale == 0) {
                return values;
            }
            double squares = 0;
            for (float v : values) {
                squares += (double) v * v;
            }
            double sigma = scale * Math.sqrt(squares / Math.max(1, values.length));
            SplittableRandom random = new SplittableRandom(seed ^ nameHash(name));
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) (values[i] + sigma * random.nextGaussian());
            }
            return out;
        }
    }

    /**
     * Linear interpolation towards another checkpoint of the same architecture and shapes: {@code (1 - t) * w +
     * t * w_other}; {@code t} outside [0, 1] extrapolates.
     */
    record Interpolate(TensorSelection tensors, Path other, double t) implements WeightEdit {
        public Interpolate {
            if (!Double.isFinite(t)) {
                throw new IllegalArgumentException("interpolation t must be finite, got " + t);
            }
        }

        @Override
        public String describe() {
            return "interpolate t=" + t + " towards " + other + ", " + tensors;
        }

        float[] apply(float[] values, float[] otherValues) {
            if (t == 0) {
                return values;
            }
            if (t == 1) {
                return otherValues;
            }
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) ((1 - t) * values[i] + t * otherValues[i]);
            }
            return out;
        }
    }

    /** Multiplies the selected tensors by {@code factor} (0 zeroes them). */
    record Scale(TensorSelection tensors, double factor) implements WeightEdit {
        public Scale {
            if (!Double.isFinite(factor)) {
                throw new IllegalArgumentException("scale factor must be finite, got " + factor);
            }
        }

        @Override
        public String describe() {
            return (factor == 0 ? "zero " : "scale x" + factor + " ") + tensors;
        }

        float[] apply(float[] values) {
            if (factor == 1) {
                return values;
            }
            float[] out = new float[values.length];
            for (int i = 0; i < values.length; i++) {
                out[i] = (float) (factor * values[i]);
            }
            return out;
        }
    }

    /** FNV-1a over the name's characters: a stable per-tensor seed component (String.hashCode is too weak). */
    private static long nameHash(String name) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < name.length(); i++) {
            hash ^= name.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
