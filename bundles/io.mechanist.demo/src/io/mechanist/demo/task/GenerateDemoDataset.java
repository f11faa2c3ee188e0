package io.mechanist.demo.task;

import io.mechanist.core.datasets.DatasetWriter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the demo dataset: {@code train.jsonl}, {@code test.jsonl} and {@code contrast-pairs.jsonl}.
 * Usage: {@code GenerateDemoDataset --out DIR [--seed N]} (seed 1 gives the shipped files).
 */
public final class GenerateDemoDataset {

    public static final int TRAIN_SIZE = 400;
    public static final int TEST_SIZE = 400;
    public static final int CONTRAST_PAIRS = 200;

    private GenerateDemoDataset() {
    }

    public static void main(String[] args) throws IOException {
        Path out = null;
        long seed = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--out" -> out = Path.of(value(args, ++i, "--out"));
                case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (out == null) {
            usage("--out DIR is required");
        }
        write(out, seed);
        System.out.println("wrote " + TRAIN_SIZE + " train, " + TEST_SIZE + " test prompts and " + CONTRAST_PAIRS
                + " contrast pairs (seed " + seed + ") to " + out);
    }

    /** Writes the three files into {@code dir}. */
    public static void write(Path dir, long seed) throws IOException {
        Files.createDirectories(dir);
        DemoDatasetGenerator generator = new DemoDatasetGenerator(seed);
        DatasetWriter.write(dir.resolve("train.jsonl"), generator.trainSplit(TRAIN_SIZE));
        DatasetWriter.write(dir.resolve("test.jsonl"), generator.testSplit(TEST_SIZE));
        DatasetWriter.write(dir.resolve("contrast-pairs.jsonl"), generator.contrastPairs(CONTRAST_PAIRS));
    }

    private static String value(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: GenerateDemoDataset --out DIR [--seed N]");
        System.exit(2);
    }
}
