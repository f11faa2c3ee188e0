package io.mechanist.ui.about;

import ai.djl.engine.Engine;
import io.mechanist.djl.DjlEngines;

/** What the About dialog reports about the deep-learning engine, probed by actually starting it. */
public record EngineInfo(String djlVersion, String engineName, String engineVersion, int gpuCount, String error) {

    /** Starts the engine (seconds on the very first start, while natives are extracted) and describes it. */
    public static EngineInfo probe() {
        try {
            Engine engine = DjlEngines.engine();
            return new EngineInfo(Engine.getDjlVersion(), engine.getEngineName(), engine.getVersion(),
                    engine.getGpuCount(), null);
        } catch (RuntimeException | Error e) {
            return new EngineInfo(DjlEngines.djlVersion(), DjlEngines.ENGINE_NAME, "unavailable", 0,
                    String.valueOf(e.getMessage()));
        }
    }

    public String describe() {
        if (error != null) {
            return "DJL " + djlVersion + ", " + engineName + " engine failed to start: " + error;
        }
        return "DJL " + djlVersion + ", " + engineName + " " + engineVersion + " engine ("
                + (gpuCount > 0 ? gpuCount + " GPU(s)" : "CPU") + ")";
    }
}
