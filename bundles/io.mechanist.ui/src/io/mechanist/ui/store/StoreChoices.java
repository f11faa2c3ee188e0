package io.mechanist.ui.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a store offers to bind to an analysis's inputs: its captures (with their hook sites) and stored vectors, read
 * from the navigator's snapshot of the store.
 *
 * @param storeFolder the store
 * @param storeLabel  how the navigator names it
 * @param captures    the store's captures, in store order
 * @param vectors     the store's stored vectors, in store order
 */
public record StoreChoices(Path storeFolder, String storeLabel, List<Choice> captures, List<Choice> vectors) {

    /**
     * One capture or vector: its id, the navigator's label, (captures) its hook-site ids and the dataset file the
     * capture recorded (empty when it recorded none).
     */
    public record Choice(String id, String label, List<String> sites, String datasetFile) {
    }

    /** A site in the navigator's "Sites" property: the id before the bracketed row shape. */
    private static final Pattern SITE = Pattern.compile("(\\S+) \\[[^\\]]*\\]");

    /** The choices of the store whose navigator tree is {@code storeTree}. */
    public static StoreChoices of(StoreElement storeTree) {
        List<Choice> captures = new ArrayList<>();
        List<Choice> vectors = new ArrayList<>();
        for (StoreElement group : storeTree.children()) {
            if (group.id().equals(StoreSnapshot.CAPTURES)) {
                for (StoreElement capture : group.children()) {
                    String datasetFile = capture.property("Provenance", "Parameter dataset_file");
                    captures.add(new Choice(capture.id(), capture.label(), sites(capture.property("Capture", "Sites")),
                            datasetFile == null ? "" : datasetFile));
                }
            } else if (group.id().equals(StoreSnapshot.VECTORS)) {
                for (StoreElement vector : group.children()) {
                    String site = vector.property("Vector", "Site");
                    vectors.add(new Choice(vector.id(), vector.label(),
                            site == null || site.isEmpty() ? List.of() : List.of(site), ""));
                }
            }
        }
        return new StoreChoices(storeTree.storeFolder(), storeTree.label(), List.copyOf(captures),
                List.copyOf(vectors));
    }

    static List<String> sites(String property) {
        List<String> sites = new ArrayList<>();
        if (property != null) {
            Matcher matcher = SITE.matcher(property);
            while (matcher.find()) {
                sites.add(matcher.group(1));
            }
        }
        return sites;
    }

    /** The capture {@code id}, or null. */
    public Choice capture(String id) {
        return captures.stream().filter(c -> c.id().equals(id)).findFirst().orElse(null);
    }
}
