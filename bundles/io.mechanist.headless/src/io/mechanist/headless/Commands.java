package io.mechanist.headless;

import java.util.List;

import io.mechanist.headless.commands.AnalysesCommand;
import io.mechanist.headless.commands.CaptureCommand;
import io.mechanist.headless.commands.ControlVectorCommand;
import io.mechanist.headless.commands.DemoCommand;
import io.mechanist.headless.commands.DiffCommand;
import io.mechanist.headless.commands.HeatmapCommand;
import io.mechanist.headless.commands.MakeCheckpointCommand;
import io.mechanist.headless.commands.PerturbCommand;
import io.mechanist.headless.commands.PatchCommand;
import io.mechanist.headless.commands.NewPluginCommand;
import io.mechanist.headless.commands.PluginsCommand;
import io.mechanist.headless.commands.ProbeCommand;
import io.mechanist.headless.commands.RemoveCaptureCommand;
import io.mechanist.headless.commands.RunCommand;
import io.mechanist.headless.commands.SaeCommand;
import io.mechanist.headless.commands.SteerCommand;
import io.mechanist.headless.commands.VerifyCommand;
import io.mechanist.headless.commands.VersionCommand;

/** The verbs of the CLI, in the order {@code --help} lists them. */
public final class Commands {

    private Commands() {
    }

    public static List<Command> all() {
        return List.of(new DemoCommand(), new VersionCommand(), new HeatmapCommand(), new ProbeCommand(), new SteerCommand(),
                new PatchCommand(), new PerturbCommand(), new DiffCommand(), new CaptureCommand(), new RemoveCaptureCommand(),
                new AnalysesCommand(), new RunCommand(), new SaeCommand(), new ControlVectorCommand(), new VerifyCommand(),
                new MakeCheckpointCommand(), new PluginsCommand(), new NewPluginCommand());
    }
}
