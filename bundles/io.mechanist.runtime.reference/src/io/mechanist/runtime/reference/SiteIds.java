package io.mechanist.runtime.reference;

/** Hook-site id strings of the shared hook contract (io.mechanist.core.hooks.HookSite ids). */
public final class SiteIds {
    public static final String EMBED = "embed";
    public static final String FINAL_NORM = "final_norm";
    public static final String LOGITS = "logits";

    private SiteIds() {
    }

    public static String residPre(int layer) {
        return block(layer, "resid_pre");
    }

    public static String attnOut(int layer) {
        return block(layer, "attn_out");
    }

    public static String residMid(int layer) {
        return block(layer, "resid_mid");
    }

    public static String mlpOut(int layer) {
        return block(layer, "mlp_out");
    }

    public static String residPost(int layer) {
        return block(layer, "resid_post");
    }

    public static String attnPattern(int layer) {
        return block(layer, "attn_pattern");
    }

    public static String mlpPost(int layer) {
        return block(layer, "mlp_post");
    }

    public static String attnZ(int layer) {
        return block(layer, "attn_z");
    }

    /** {@code blocks.L.<point>}. */
    public static String block(int layer, String point) {
        return "blocks." + layer + "." + point;
    }
}
