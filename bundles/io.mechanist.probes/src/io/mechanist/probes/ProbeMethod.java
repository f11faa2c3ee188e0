package io.mechanist.probes;

/** The probe families. */
public enum ProbeMethod {
    /** L2-regularised logistic regression on activations standardised with training-fold statistics. */
    LOGISTIC("logistic"),
    /** Difference of class means (mass-mean probe, Marks &amp; Tegmark) with a threshold fit on the training fold. */
    MASS_MEAN("mass-mean");

    private final String id;

    ProbeMethod(String id) {
        this.id = id;
    }

    /** Stable id for files and the command line. */
    public String id() {
        return id;
    }

    public static ProbeMethod fromId(String id) {
        for (ProbeMethod m : values()) {
            if (m.id.equals(id)) {
                return m;
            }
        }
        throw new ProbeInputException("unknown probe method '" + id + "'; valid: logistic, mass-mean");
    }
}
