package io.mechanist.capture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import io.mechanist.core.hooks.HookSite;

/**
 * Resolves hook-site ids and patterns against the sites a model has: {@code blocks.3.resid_post}, a wildcard over
 * layers {@code blocks.*.resid_post}, or {@code *} in any part ({@code blocks.2.*}). The result is in the model's
 * execution order, without duplicates.
 */
public final class SiteSelection {

    private SiteSelection() {
    }

    /**
     * @param patterns ids or patterns (comma-separated entries are split)
     * @param modelSites every site of the model, in execution order
     * @throws IllegalArgumentException naming a pattern that matches nothing, with the valid forms and examples
     */
    public static List<HookSite> resolve(List<String> patterns, List<HookSite> modelSites) {
        Set<HookSite> chosen = new LinkedHashSet<>();
        List<String> entries = new ArrayList<>();
        for (String pattern : patterns) {
            for (String part : pattern.split(",")) {
                if (!part.isBlank()) {
                    entries.add(part.strip());
                }
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("no hook sites given; e.g. blocks.*.resid_post");
        }
        for (String entry : entries) {
            List<HookSite> matched = entry.contains("*") ? matchPattern(entry, modelSites) : List.of(exact(entry, modelSites));
            if (matched.isEmpty()) {
                throw new IllegalArgumentException("hook-site pattern '" + entry + "' matches no site of the model; "
                        + describe(modelSites));
            }
            chosen.addAll(matched);
        }
        return modelSites.stream().filter(chosen::contains).toList();
    }

    private static HookSite exact(String id, List<HookSite> modelSites) {
        HookSite site;
        try {
            site = HookSite.parse(id);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown hook site '" + id + "': " + e.getMessage(), e);
        }
        if (!modelSites.contains(site)) {
            throw new IllegalArgumentException("the model has no hook site '" + id + "'; " + describe(modelSites));
        }
        return site;
    }

    private static List<HookSite> matchPattern(String pattern, List<HookSite> modelSites) {
        Pattern regex = Pattern.compile(Pattern.quote(pattern).replace("*", "\\E[^.]+\\Q"));
        return modelSites.stream().filter(s -> regex.matcher(s.id()).matches()).toList();
    }

    private static String describe(List<HookSite> modelSites) {
        int layers = (int) modelSites.stream().filter(s -> s.point().perLayer()).mapToInt(HookSite::layer).distinct().count();
        return "it has layers 0.." + (layers - 1) + " and sites embed, blocks.L.{resid_pre, attn_pattern, attn_out,"
                + " resid_mid, mlp_out, resid_post}, final_norm, logits (e.g. blocks.*.resid_post)";
    }
}
