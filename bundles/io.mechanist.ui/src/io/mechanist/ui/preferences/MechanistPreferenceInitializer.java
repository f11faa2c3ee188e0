package io.mechanist.ui.preferences;

import java.nio.file.Path;

import org.eclipse.core.runtime.preferences.AbstractPreferenceInitializer;
import org.eclipse.core.runtime.preferences.DefaultScope;
import org.eclipse.core.runtime.preferences.IEclipsePreferences;

/** Defaults: models under ~/mechanist-models, DJL natives under ~/.mechanist/djl. */
public class MechanistPreferenceInitializer extends AbstractPreferenceInitializer {

    static String defaultModelFolders() {
        return Path.of(System.getProperty("user.home"), "mechanist-models").toString();
    }

    @Override
    public void initializeDefaultPreferences() {
        IEclipsePreferences defaults = DefaultScope.INSTANCE.getNode(MechanistPreferences.NODE);
        defaults.put(MechanistPreferences.MODEL_FOLDERS, defaultModelFolders());
        defaults.put(MechanistPreferences.DJL_CACHE_FOLDER, "");
    }
}
