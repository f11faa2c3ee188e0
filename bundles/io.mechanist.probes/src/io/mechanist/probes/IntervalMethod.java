package io.mechanist.probes;

/** How the 95% interval of an accuracy is computed; every variant treats prompts (not tokens) as the unit. */
public enum IntervalMethod {
    /** Wilson score interval over the n prompts (binomial). */
    WILSON,
    /** Percentile bootstrap resampling prompts with replacement. */
    BOOTSTRAP_PROMPTS,
    /** Percentile bootstrap resampling whole prompt groups (for prompts that are correlated within a group). */
    BOOTSTRAP_GROUPS
}
