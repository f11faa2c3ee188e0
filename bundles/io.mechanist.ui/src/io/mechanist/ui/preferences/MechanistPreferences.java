package io.mechanist.ui.preferences;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.preferences.IEclipsePreferences;
import org.eclipse.core.runtime.preferences.InstanceScope;

import io.mechanist.djl.DjlEngines;

/** Mechanist's workbench preferences: where checkpoint folders live, and where DJL keeps its natives. */
public final class MechanistPreferences {

    /** Preference node (the UI bundle's id, so the preference page and the store agree). */
    public static final String NODE = "io.mechanist.ui";
    /** Checkpoint folders (or folders of checkpoint folders), separated by {@link File#pathSeparator}. */
    public static final String MODEL_FOLDERS = "modelFolders";
    /** Folder DJL extracts its native libraries into; empty means {@link DjlEngines#cacheDir()}'s default. */
    public static final String DJL_CACHE_FOLDER = "djlCacheFolder";

    private MechanistPreferences() {
    }

    public static IEclipsePreferences node() {
        return InstanceScope.INSTANCE.getNode(NODE);
    }

    public static List<Path> modelFolders() {
        String joined = node().get(MODEL_FOLDERS, MechanistPreferenceInitializer.defaultModelFolders());
        List<Path> folders = new ArrayList<>();
        for (String part : joined.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                folders.add(Path.of(part.trim()));
            }
        }
        return folders;
    }

    /**
     * Hands the configured cache folder to DJL. Must run before DJL's first use; a later change takes effect at the
     * next start (DJL reads the folder once).
     */
    public static void applyDjlCacheFolder() {
        String folder = node().get(DJL_CACHE_FOLDER, "");
        if (!folder.isBlank() && System.getProperty(DjlEngines.CACHE_DIR_PROPERTY) == null) {
            System.setProperty(DjlEngines.CACHE_DIR_PROPERTY, folder);
        }
    }
}
