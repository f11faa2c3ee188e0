package io.mechanist.headless;

import java.util.List;

import io.mechanist.headless.commands.AnalysesCommand;
import io.mechanist.headless.commands.CaptureCommand;
import io.mechanist.headless.commands.DemoCommand;
import io.mechanist.headless.commands.HeatmapCommand;
import io.mechanist.headless.commands.MakeCheckpointCommand;
import io.mechanist.headless.commands.ProbeCommand;
import io.mechanist.headless.commands.RemoveCaptureCommand;
import io.mechanist.headless.commands.RunCommand;
import io.mechanist.headless.commands.SteerCommand;
import io.mechanist.headless.commands.VerifyCommand;
import io.mechanist.headless.commands.VersionCommand;

/** The verbs of the CLI, in the order {@code --help} lists them. */
public final class Commands {

    private Commands() {
    }

    public static List<Command> all() {
        return List.of(new DemoCommand(), new VersionCommand(), new HeatmapCommand(), new ProbeCommand(), new SteerCommand(),
                new CaptureCommand(), new RemoveCaptureCommand(), new AnalysesCommand(), new RunCommand(), new VerifyCommand(),
                new MakeCheckpointCommand());
    }
}
