package io.mechanist.heatmap;

/** What the numbers of a heatmap mean, which decides its colour map and default range. */
public enum ValueKind {
    /** Values with a meaningful sign around 0 (projections, raw activations): diverging map, range symmetric about 0. */
    SIGNED,
    /** Non-negative or ordered quantities (norms, probabilities): sequential map from the minimum to the maximum. */
    MAGNITUDE
}
