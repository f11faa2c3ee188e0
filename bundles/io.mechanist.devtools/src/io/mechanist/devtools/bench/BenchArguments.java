package io.mechanist.devtools.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import io.mechanist.runtime.synthetic.PublishedShape;

/**
 * The command line the model-sized benchmarks share: a {@link PublishedShape} id, then {@code --flag value} options
 * and bare switches. {@code --weights} (the runtime's weight budget) is common to all of them and is applied as it is
 * read; each benchmark names its other options and reads them with its own defaults.
 */
final class BenchArguments {
    private final PublishedShape shape;
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> switches = new HashSet<>();

    private BenchArguments(PublishedShape shape) {
        this.shape = shape;
    }

    /**
     * Parses {@code args}, or prints {@code "usage: " + usage} and the shape ids and exits when the shape is missing.
     *
     * @throws IllegalArgumentException for an option that is neither in {@code valueOptions} nor in
     *     {@code switchOptions}
     */
    static BenchArguments parse(String[] args, String usage, Set<String> valueOptions, Set<String> switchOptions) {
        if (args.length == 0 || args[0].startsWith("-")) {
            System.err.println("usage: " + usage + "; shapes: " + PublishedShape.idList());
            System.exit(2);
        }
        BenchArguments parsed = new BenchArguments(PublishedShape.of(args[0]));
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--weights")) {
                System.setProperty("io.mechanist.runtime.weightBudget", args[++i]);
            } else if (valueOptions.contains(args[i])) {
                parsed.values.put(args[i], args[++i]);
            } else if (switchOptions.contains(args[i])) {
                parsed.switches.add(args[i]);
            } else {
                throw new IllegalArgumentException("unknown argument " + args[i]);
            }
        }
        return parsed;
    }

    PublishedShape shape() {
        return shape;
    }

    int intOr(String option, int fallback) {
        String value = values.get(option);
        return value == null ? fallback : Integer.parseInt(value);
    }

    String stringOr(String option, String fallback) {
        return values.getOrDefault(option, fallback);
    }

    /** The {@code --dir} given, or null (the benchmark then picks a folder: {@link ModelBenchmark#writtenOnce}). */
    Path dir() {
        String value = values.get("--dir");
        return value == null ? null : Path.of(value);
    }

    boolean has(String switchOption) {
        return switches.contains(switchOption);
    }
}
