package io.mechanist.headless.commands;

import java.util.Set;

import org.osgi.framework.FrameworkUtil;

import com.google.gson.JsonObject;

import ai.djl.engine.Engine;
import io.mechanist.djl.DjlEngines;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;

/** {@code mechanist version}: Mechanist's, DJL's and the engine's versions, proving the engine starts. */
public final class VersionCommand implements Command {

    @Override
    public String name() {
        return "version";
    }

    @Override
    public String summary() {
        return "versions of Mechanist, DJL and the PyTorch engine (starts the engine)";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist version [--json]

                Prints the versions of Mechanist, DJL and the PyTorch engine, the number of GPUs the engine sees,
                and the folder DJL's native libraries are extracted into. Starting the engine the first time
                extracts about 430 MB of natives into that folder (a few seconds).""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Engine engine = DjlEngines.engine();
        JsonObject result = new JsonObject();
        var bundle = FrameworkUtil.getBundle(VersionCommand.class);
        result.addProperty("mechanist", bundle != null ? bundle.getVersion().toString() : "development");
        result.addProperty("djl", Engine.getDjlVersion());
        result.addProperty("engine", engine.getEngineName());
        result.addProperty("engineVersion", engine.getVersion());
        result.addProperty("gpus", engine.getGpuCount());
        result.addProperty("djlCache", DjlEngines.cacheDir().toString());
        result.addProperty("java", System.getProperty("java.version"));
        if (context.json()) {
            context.printJson(result);
        } else {
            context.out().printf("Mechanist %s%nDJL %s, %s %s (%s)%nJava %s%nDJL natives in %s%n",
                    result.get("mechanist").getAsString(), result.get("djl").getAsString(),
                    result.get("engine").getAsString(), result.get("engineVersion").getAsString(),
                    engine.getGpuCount() > 0 ? engine.getGpuCount() + " GPU(s)" : "CPU",
                    result.get("java").getAsString(), result.get("djlCache").getAsString());
        }
        return 0;
    }
}
