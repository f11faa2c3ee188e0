package io.mechanist.steering;

import java.util.List;
import java.util.Objects;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.runtime.intervention.Positions;

/**
 * The grid of a steering sweep.
 *
 * @param point the residual hook point steered at each layer (usually {@link HookPoint#RESID_POST})
 * @param layers layers of the grid
 * @param multipliers strengths relative to the layer's mean residual norm: multiplier {@code m} adds a vector of norm
 *     {@code m * meanNorm(layer)} (so 0.5 adds half the typical residual norm); the raw coefficient on the vector is
 *     {@code m * meanNorm / |v|}
 * @param steerPositions prompt positions that receive the vector ({@link Positions#all()} as in CAA)
 * @param control whether the random control of equal norm runs alongside
 * @param controlSeed seed of the control directions (layer {@code L} uses {@code controlSeed + L})
 * @param batchSize prompts per forward pass
 */
public record SweepConfig(HookPoint point, List<Integer> layers, double[] multipliers, Positions steerPositions,
        boolean control, long controlSeed, int batchSize) {

    public SweepConfig {
        Objects.requireNonNull(point, "point");
        layers = List.copyOf(layers);
        multipliers = multipliers.clone();
        Objects.requireNonNull(steerPositions, "steerPositions");
        if (layers.isEmpty() || multipliers.length == 0) {
            throw new IllegalArgumentException("a sweep needs at least one layer and one multiplier");
        }
        if (!point.perLayer() || point == HookPoint.ATTN_PATTERN) {
            throw new IllegalArgumentException("steering applies to a per-layer [batch, pos, d_model] site, not " + point);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
    }

    /** Residual-post steering at every position, control on (seed 1234), batches of 16. */
    public static SweepConfig of(List<Integer> layers, double... multipliers) {
        return new SweepConfig(HookPoint.RESID_POST, layers, multipliers, Positions.all(), true, 1234, 16);
    }

    @Override
    public double[] multipliers() {
        return multipliers.clone();
    }

    public SweepConfig withControl(boolean on) {
        return new SweepConfig(point, layers, multipliers, steerPositions, on, controlSeed, batchSize);
    }

    public SweepConfig withBatchSize(int size) {
        return new SweepConfig(point, layers, multipliers, steerPositions, control, controlSeed, size);
    }
}
