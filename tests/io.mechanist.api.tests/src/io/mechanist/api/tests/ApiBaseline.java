package io.mechanist.api.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.osgi.framework.Version;

/**
 * The rules of semantic versioning for an exported package (OSGi's, as Eclipse's API tools apply them), checked
 * between the package's baseline (its API at the last release) and its API now:
 * <ul>
 * <li>anything removed or changed (a type, member, signature, modifier or constant value), or an abstract method
 * added to a type that existed, breaks callers or implementers: the major version must go up;</li>
 * <li>anything only added: the minor version must go up (and the new API carries {@code @since});</li>
 * <li>no API change: any version at least the baseline's.</li>
 * </ul>
 */
final class ApiBaseline {

    private ApiBaseline() {
    }

    /** What is wrong with {@code now} at {@code version} against {@code baseline} at {@code baselineVersion}. */
    static List<String> violations(String packageName, Version baselineVersion, Set<String> baseline, Version version,
            Set<String> now) {
        SortedSet<String> removed = new TreeSet<>(baseline);
        removed.removeAll(now);
        SortedSet<String> added = new TreeSet<>(now);
        added.removeAll(baseline);
        Set<String> baselineTypes = new TreeSet<>();
        baseline.forEach(line -> baselineTypes.add(line.substring(0, line.indexOf(' ')).split("#")[0]));
        SortedSet<String> breaking = new TreeSet<>(removed);
        for (String line : added) {
            String type = line.substring(0, line.indexOf(' ')).split("#")[0];
            String description = line.substring(line.indexOf(" : ") + 3);
            boolean newAbstract = description.startsWith("method ") && description.contains(" abstract ");
            if (newAbstract && baselineTypes.contains(type)) {
                breaking.add("new abstract method " + line);
            }
        }
        List<String> violations = new ArrayList<>();
        if (version.compareTo(baselineVersion) < 0) {
            violations.add(packageName + " " + version + " is older than its baseline " + baselineVersion);
        }
        if (!breaking.isEmpty()) {
            Version needed = new Version(baselineVersion.getMajor() + 1, 0, 0);
            if (version.getMajor() <= baselineVersion.getMajor()) {
                violations.add(packageName + " " + version + ": incompatible API change needs version " + needed
                        + " (or undo it): " + summary(breaking));
            }
        } else if (!added.isEmpty()) {
            Version needed = new Version(baselineVersion.getMajor(), baselineVersion.getMinor() + 1, 0);
            if (version.compareTo(needed) < 0) {
                violations.add(packageName + " " + version + ": added API needs version " + needed + " and @since "
                        + needed.getMajor() + "." + needed.getMinor() + " on what was added: " + summary(added));
            }
        }
        return violations;
    }

    private static String summary(Set<String> lines) {
        List<String> shown = lines.stream().limit(5).toList();
        return String.join("; ", shown) + (lines.size() > shown.size() ? "; and " + (lines.size() - shown.size()) + " more" : "");
    }
}
