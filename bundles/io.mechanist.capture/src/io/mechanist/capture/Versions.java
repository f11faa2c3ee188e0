package io.mechanist.capture;

import java.util.LinkedHashMap;
import java.util.Map;

import ai.djl.engine.Engine;
import io.mechanist.djl.DjlEngines;

/** The versions a capture's numbers depend on, for provenance. */
public final class Versions {

    private Versions() {
    }

    /** {@code mechanist}, {@code djl}, {@code pytorch} (the engine's version) and {@code java}. */
    public static Map<String, String> all() {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("mechanist", mechanist());
        versions.put("djl", Engine.getDjlVersion());
        versions.put("pytorch", DjlEngines.engine().getVersion());
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    /** The version of this bundle when running in OSGi, else "development". */
    public static String mechanist() {
        try {
            var bundle = org.osgi.framework.FrameworkUtil.getBundle(Versions.class);
            return bundle != null ? bundle.getVersion().toString() : "development";
        } catch (LinkageError e) {
            return "development";
        }
    }
}
