package io.mechanist.ui.workflow;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.osgi.service.prefs.BackingStoreException;

import io.mechanist.ui.preferences.MechanistPreferences;

/**
 * The dataset files imported into the workbench (JSONL, docs/dataset-format.md), remembered in the preferences; the
 * capture dialog offers them. A store registers a dataset when it is captured (tokenised by the capture's model).
 */
public final class WorkbenchDatasets {

    /** Preference key: imported dataset files separated by {@link File#pathSeparator}. */
    public static final String PREFERENCE = "datasets";

    private WorkbenchDatasets() {
    }

    public static List<Path> files() {
        List<Path> files = new ArrayList<>();
        for (String part : MechanistPreferences.node().get(PREFERENCE, "").split(File.pathSeparator)) {
            if (!part.isBlank()) {
                files.add(Path.of(part.trim()));
            }
        }
        return files;
    }

    /** Remembers {@code file} (first in the list; once). */
    public static void add(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        List<Path> files = new ArrayList<>(files());
        files.remove(normal);
        files.add(0, normal);
        MechanistPreferences.node().put(PREFERENCE,
                String.join(File.pathSeparator, files.stream().map(Path::toString).toList()));
        flush();
    }

    static void flush() {
        try {
            MechanistPreferences.node().flush();
        } catch (BackingStoreException e) {
            // Remembering is a convenience; the value holds for this session.
        }
    }
}
