package io.mechanist.headless.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.mechanist.demo.trainer.TrainDemoModel;
import io.mechanist.djl.DjlEngines;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;

/** {@code mechanist train-demo}: retrains the embedded demo model from its seed (docs/demo-model.md). */
public final class TrainDemoCommand implements Command {

    @Override
    public String name() {
        return "train-demo";
    }

    @Override
    public String summary() {
        return "retrain the embedded demo model from its seed into a checkpoint folder (a few minutes)";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist train-demo --out DIR [--seed N] [--data-seed N] [--steps N] [--threads N]

                Trains the demo model (GPT-2 architecture, 4 layers, d_model 64) on the demo task's training
                split with DJL and writes it as a Hugging Face checkpoint folder into DIR (which must not exist
                yet). The shipped model is --seed 1 --data-seed 1 with the default 2,500 steps; the same seeds
                give the same weights. --threads sets PyTorch's compute threads (default 1: on a busy 2-core
                machine one thread was faster). See docs/demo-model.md.""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("out", "seed", "data-seed", "steps", "threads");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path out = Path.of(line.required("out"));
        if (Files.exists(out)) {
            throw new UsageException("train-demo: --out " + out + " exists already; choose a new folder");
        }
        List<String> args = new ArrayList<>(List.of("--out", out.toString()));
        for (String option : List.of("seed", "data-seed", "steps", "threads")) {
            int value = line.integer(option, -1);
            if (value >= 0) {
                args.add("--" + option);
                args.add(Integer.toString(value));
            } else if (line.option(option, null) != null) {
                throw new UsageException("train-demo: --" + option + " must not be negative");
            }
        }
        DjlEngines.engine(); // DJL's first start under its own bundle's class loader
        DjlEngines.withBundleLoader(() -> {
            TrainDemoModel.main(args.toArray(String[]::new));
            return null;
        });
        return 0;
    }
}
