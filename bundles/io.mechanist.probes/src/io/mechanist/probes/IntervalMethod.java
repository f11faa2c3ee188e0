package io.mechanist.probes;

import java.util.Locale;

/** How the 95% interval of an accuracy is computed; every variant treats prompts (not tokens) as the unit. */
public enum IntervalMethod {
    /** Wilson score interval over the n prompts (binomial): right only when prompts are independent. */
    WILSON("wilson"),
    /**
     * Wilson interval at the effective sample size {@code n / deff} of prompt groups, with the design effect
     * {@code deff} estimated from the between-group variance of the successes (cluster-robust) and the Student t
     * quantile on {@code groups - 1} degrees of freedom. The default: with groups of one prompt it is the Wilson
     * interval, with correlated groups it widens as much as the groups' agreement demands (see
     * {@link ConfidenceIntervals#groupWilson}).
     */
    GROUP_WILSON("wilson-groups"),
    /** Percentile bootstrap resampling prompts with replacement. */
    BOOTSTRAP_PROMPTS("bootstrap"),
    /**
     * Percentile bootstrap resampling whole prompt groups. Slightly narrow with few groups (about 0.92-0.94 coverage
     * at 25-50 groups of 10 with intra-group correlation 0.2).
     */
    BOOTSTRAP_GROUPS("bootstrap-groups");

    private final String id;

    IntervalMethod(String id) {
        this.id = id;
    }

    /** The name used on the command line, in CSV files and in stored parameters. */
    public String id() {
        return id;
    }

    /** Whether the interval resamples (and needs a resample count). */
    public boolean isBootstrap() {
        return this == BOOTSTRAP_PROMPTS || this == BOOTSTRAP_GROUPS;
    }

    /** @throws ProbeInputException naming the accepted values */
    public static IntervalMethod fromId(String id) {
        String wanted = id == null ? "" : id.strip().toLowerCase(Locale.ROOT);
        for (IntervalMethod m : values()) {
            if (m.id.equals(wanted)) {
                return m;
            }
        }
        throw new ProbeInputException("interval '" + id + "' is not one of " + ids());
    }

    /** The accepted ids, comma-separated. */
    public static String ids() {
        StringBuilder out = new StringBuilder();
        for (IntervalMethod m : values()) {
            out.append(out.isEmpty() ? "" : ", ").append(m.id);
        }
        return out.toString();
    }
}
