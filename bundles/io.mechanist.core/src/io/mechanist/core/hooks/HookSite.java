package io.mechanist.core.hooks;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One named activation site: a {@link HookPoint} and, for per-layer points, the block index. The string form
 * ({@link #id()}) is {@code "embed"}, {@code "final_norm"}, {@code "logits"} or {@code "blocks.L.<point>"}, e.g.
 * {@code "blocks.3.resid_post"}; it is what stores and plans persist. The tensor shape at the site is
 * {@link HookPoint#axes() point().axes()}.
 * <p>
 * Sites order themselves as a forward pass reaches them: {@code embed}, then block 0's sites, block 1's, ...,
 * then {@code final_norm} and {@code logits}.
 *
 * @param point what is captured
 * @param layer the block index (0-based) for per-layer points; {@value #GLOBAL} for global points
 */
public record HookSite(HookPoint point, int layer) implements Comparable<HookSite> {

    /** The layer of sites that exist once per model. */
    public static final int GLOBAL = -1;

    private static final Comparator<HookSite> FORWARD_ORDER = Comparator
            .comparingInt(HookSite::stage)
            .thenComparingInt(HookSite::layer)
            .thenComparing(HookSite::point);

    public HookSite {
        Objects.requireNonNull(point, "point");
        if (point.perLayer() && layer < 0) {
            throw new IllegalArgumentException(
                    "Hook point " + point.idPattern() + " needs a layer >= 0, got " + layer);
        }
        if (!point.perLayer() && layer != GLOBAL) {
            throw new IllegalArgumentException(
                    "Hook point " + point.idPattern() + " is global; its layer must be " + GLOBAL + ", got " + layer);
        }
    }

    /** The site of {@code point} at {@code layer} ({@value #GLOBAL} for global points). */
    public static HookSite of(HookPoint point, int layer) {
        return new HookSite(point, layer);
    }

    /** The site of a global point such as {@link HookPoint#LOGITS}. */
    public static HookSite global(HookPoint point) {
        return new HookSite(point, GLOBAL);
    }

    /** The canonical id, e.g. {@code "embed"} or {@code "blocks.3.resid_post"}. */
    public String id() {
        return point.perLayer() ? HookPoint.BLOCK_PREFIX + layer + "." + point.idName() : point.idName();
    }

    /**
     * Parses a canonical id, or a TransformerLens hook name that stands for the same values
     * ({@link TransformerLensNames}, e.g. {@code blocks.3.hook_resid_post}).
     *
     * @throws IllegalArgumentException if {@code id} is not one of the forms listed in the message
     */
    public static HookSite parse(String id) {
        Objects.requireNonNull(id, "id");
        var alias = TransformerLensNames.parse(id);
        if (alias.isPresent()) {
            return alias.get();
        }
        HookPoint global = HookPoint.byIdName(id);
        if (global != null && !global.perLayer()) {
            return global(global);
        }
        if (id.startsWith(HookPoint.BLOCK_PREFIX)) {
            String rest = id.substring(HookPoint.BLOCK_PREFIX.length());
            int dot = rest.indexOf('.');
            if (dot > 0 && isDecimal(rest.substring(0, dot))) {
                HookPoint point = HookPoint.byIdName(rest.substring(dot + 1));
                if (point != null && point.perLayer()) {
                    try {
                        return new HookSite(point, Integer.parseInt(rest.substring(0, dot)));
                    } catch (NumberFormatException tooLarge) {
                        // falls through to the error below
                    }
                }
            }
        }
        throw new IllegalArgumentException("Invalid hook site id '" + id + "'; valid forms: " + validForms());
    }

    @Override
    public int compareTo(HookSite other) {
        return FORWARD_ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return id();
    }

    /** 0 before the blocks, 1 inside them, 2 after. */
    private int stage() {
        return point.perLayer() ? 1 : point == HookPoint.EMBED ? 0 : 2;
    }

    private static boolean isDecimal(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= '0' && c <= '9')
                && (text.length() == 1 || text.charAt(0) != '0');
    }

    private static String validForms() {
        String globals = Arrays.stream(HookPoint.values()).filter(p -> !p.perLayer()).map(HookPoint::idName)
                .collect(Collectors.joining(", "));
        String perLayer = Arrays.stream(HookPoint.values()).filter(HookPoint::perLayer).map(HookPoint::idName)
                .collect(Collectors.joining("|"));
        return globals + ", " + HookPoint.BLOCK_PREFIX + "<layer>." + perLayer + " (layer = 0, 1, 2, ...)"
                + ", or a TransformerLens name such as blocks.<layer>.hook_resid_post";
    }
}
