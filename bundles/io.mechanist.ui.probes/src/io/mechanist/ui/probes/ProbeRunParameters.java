package io.mechanist.ui.probes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;

/**
 * The parameters of the probe analysis ({@code io.mechanist.probes.accuracyByPosition}, see its plugin.xml) that
 * run probes with a given alignment and configuration: what "Run probes..." stores its run under, so that the run is
 * an ordinary result of that analysis. {@link PositionAlignment#fromParameters} reads the alignment back.
 */
public final class ProbeRunParameters {

    /** How {@link PositionAlignment#relativeToAnchor(String, int, int)} describes its anchor. */
    private static final Pattern LAST_ANCHOR = Pattern.compile("last '(.*)'", Pattern.DOTALL);
    /** How {@link PositionAlignment#span(String, String, int)} describes its span ("start" and "end": no token). */
    private static final Pattern SPAN = Pattern.compile("after first '(.*)' before last '(.*)'", Pattern.DOTALL);

    private ProbeRunParameters() {
    }

    /**
     * The parameters of one run.
     *
     * @param tokenA the read-out token of answer A ({@code \s} for a leading space)
     * @throws IllegalArgumentException for an alignment or a configuration the analysis's parameters cannot express
     *     (an anchor at its first occurrence or given per prompt, no control task, no directions, a seed beyond int)
     */
    public static Map<String, String> of(String point, String labelKey, PositionAlignment alignment,
            ProbeConfig config, String tokenA, String tokenB, String answerA) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("label", labelKey);
        p.put("point", point);
        switch (alignment) {
            case PositionAlignment.FromStart s -> {
                p.put("alignment", "start");
                p.put("positions", Integer.toString(s.positions()));
            }
            case PositionAlignment.RelativeToAnchor a -> {
                Matcher m = LAST_ANCHOR.matcher(a.anchorDescription());
                if (!m.matches()) {
                    throw new IllegalArgumentException("the probe analysis anchors at the last token of a text; the "
                            + "anchor '" + a.anchorDescription() + "' is not one");
                }
                p.put("alignment", "anchor");
                p.put("anchor", m.group(1));
                p.put("before", Integer.toString(a.before()));
                p.put("after", Integer.toString(a.after()));
            }
            case PositionAlignment.SpanFraction f -> {
                Matcher m = SPAN.matcher(f.spanDescription());
                if (!m.matches()) {
                    throw new IllegalArgumentException("the probe analysis spans from a token's first occurrence to "
                            + "another's last; the span '" + f.spanDescription() + "' is not one");
                }
                p.put("alignment", "span");
                if (!m.group(1).equals("start")) {
                    p.put("spanAfter", m.group(1));
                }
                if (!m.group(2).equals("end")) {
                    p.put("anchor", m.group(2));
                }
                p.put("bins", Integer.toString(f.bins()));
            }
        }
        if (!config.controlTask() || !config.fitDirections()) {
            throw new IllegalArgumentException("the probe analysis always runs the control task and fits directions");
        }
        if (config.seed() != (int) config.seed()) {
            throw new IllegalArgumentException("the probe analysis's seed is an int; " + config.seed() + " is not");
        }
        p.put("methods", config.methods().stream().sorted().map(ProbeMethod::id).collect(Collectors.joining(",")));
        p.put("folds", Integer.toString(config.folds()));
        p.put("l2", Double.toString(config.l2()));
        p.put("interval", config.interval().id());
        p.put("resamples", Integer.toString(config.bootstrapResamples()));
        p.put("seed", Long.toString(config.seed()));
        p.put("controlPermutations", Integer.toString(config.controlPermutations()));
        p.put("foldRepeats", Integer.toString(config.foldRepeats()));
        p.put("threads", Integer.toString(config.threads()));
        p.put("tokenA", tokenA);
        p.put("tokenB", tokenB);
        p.put("answerA", answerA);
        return p;
    }
}
