package io.mechanist.probes.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import io.mechanist.probes.ProbeData;
import io.mechanist.probes.ProbeInputException;

/**
 * Binary labels and dense group ids of a probe data set, validated. Classes are ordered by string value: the
 * first is the negative class (0), the second the positive class (1) that probe directions point to.
 */
public record Labels(String negative, String positive, int[] classOf, int[] groupOf, int groupCount) {

    /** At most this many prompt ids are named in an error message. */
    private static final int MAX_LISTED = 20;

    public static Labels of(ProbeData data) {
        int n = data.promptCount();
        if (n == 0) {
            throw new ProbeInputException("no prompts to probe");
        }
        List<String> missing = new ArrayList<>();
        TreeMap<String, Integer> counts = new TreeMap<>();
        for (int p = 0; p < n; p++) {
            String label = data.label(p);
            if (label == null || label.isBlank()) {
                missing.add(data.promptId(p));
            } else {
                counts.merge(label, 1, Integer::sum);
            }
        }
        if (!missing.isEmpty()) {
            throw new ProbeInputException("label missing on " + missing.size() + " of " + n + " prompts: "
                    + listIds(missing));
        }
        if (counts.size() == 1) {
            throw new ProbeInputException("label has a single class '" + counts.firstKey() + "' on all " + n
                    + " prompts: a probe needs two classes");
        }
        if (counts.size() > 2) {
            throw new ProbeInputException("label has " + counts.size() + " classes " + counts
                    + ": probes here are binary; choose two classes or merge them into two");
        }
        String negative = counts.firstKey();
        String positive = counts.lastKey();
        int[] classOf = new int[n];
        int[] groupOf = new int[n];
        Map<String, Integer> groupIds = new LinkedHashMap<>();
        for (int p = 0; p < n; p++) {
            classOf[p] = data.label(p).equals(positive) ? 1 : 0;
            String group = data.group(p);
            String key = group == null ? "\u0000prompt:" + data.promptId(p) + "#" + p : "g:" + group;
            groupOf[p] = groupIds.computeIfAbsent(key, k -> groupIds.size());
        }
        Labels labels = new Labels(negative, positive, classOf, groupOf, groupIds.size());
        labels.requireEachClassInTwoGroups(data, groupIds);
        return labels;
    }

    /** A class that lives in one group only can never be tested on an unseen group. */
    private void requireEachClassInTwoGroups(ProbeData data, Map<String, Integer> groupIds) {
        for (int c = 0; c < 2; c++) {
            TreeSet<Integer> groups = new TreeSet<>();
            for (int p = 0; p < classOf.length; p++) {
                if (classOf[p] == c) {
                    groups.add(groupOf[p]);
                }
            }
            if (groups.size() < 2) {
                throw new ProbeInputException("class '" + (c == 1 ? positive : negative)
                        + "' occurs in a single prompt group ('" + data.group(firstOfClass(c))
                        + "'): grouped cross-validation cannot test it on an unseen group");
            }
        }
    }

    private int firstOfClass(int c) {
        for (int p = 0; p < classOf.length; p++) {
            if (classOf[p] == c) {
                return p;
            }
        }
        return -1;
    }

    public int promptCount() {
        return classOf.length;
    }

    public String name(int cls) {
        return cls == 1 ? positive : negative;
    }

    /** Comma-separated ids, the first {@value #MAX_LISTED} and a count of the rest. */
    public static String listIds(List<String> ids) {
        if (ids.size() <= MAX_LISTED) {
            return String.join(", ", ids);
        }
        return String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED) + " more";
    }
}
