package io.mechanist.saes;

/** The SAE activation rules Mechanist reads (SAELens's {@code architecture} values). */
public enum Architecture {
    /** ReLU of the encoder's pre-activation. */
    STANDARD("standard"),
    /** ReLU gated by a per-feature threshold: {@code pre > threshold ? pre : 0}. */
    JUMPRELU("jumprelu"),
    /** The k largest pre-activations of each row, through ReLU; all others zero. */
    TOPK("topk");

    private final String configName;

    Architecture(String configName) {
        this.configName = configName;
    }

    /** The value of cfg.json's {@code architecture}. */
    public String configName() {
        return configName;
    }
}
