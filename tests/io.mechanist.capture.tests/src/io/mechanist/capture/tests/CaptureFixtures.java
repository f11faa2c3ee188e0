package io.mechanist.capture.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.testing.checkpoints.TinyCheckpoints;

/** Tiny checkpoints (written once per JVM) and a small dataset in the fixture tokenizer's vocabulary. */
final class CaptureFixtures {

    private static final Map<ArchitectureFamily, Path> CHECKPOINTS = new ConcurrentHashMap<>();

    /** Prompts of different lengths (so batches pad), with labels, groups and one contrast pair. */
    static final List<String> DATASET_LINES = List.of(
            "{\"id\":\"p0\",\"text\":\"the cat sat on a house . answer :\",\"labels\":{\"answer\":\"A\",\"topic\":\"cat\"},\"group\":\"g0\",\"pair\":\"x\",\"answer_marker\":\":\"}",
            "{\"id\":\"p1\",\"text\":\"the dog runs . answer :\",\"labels\":{\"answer\":\"B\",\"topic\":\"dog\"},\"group\":\"g0\",\"pair\":\"x\",\"answer_marker\":\":\"}",
            "{\"id\":\"p2\",\"text\":\"a quick brown fox jumps over the lazy dog . question : is it a fox ? answer :\",\"labels\":{\"answer\":\"A\"},\"group\":\"g1\",\"answer_marker\":\":\"}",
            "{\"id\":\"p3\",\"text\":\"yes :\",\"labels\":{\"answer\":\"B\"},\"answer_marker\":\":\"}",
            "{\"id\":\"p4\",\"text\":\"the sun and the moon . one two three four five . answer :\",\"labels\":{\"answer\":\"A\"},\"group\":\"g2\",\"answer_marker\":\":\"}",
            "{\"id\":\"p5\",\"text\":\"they like the river because it is green . answer :\",\"labels\":{\"answer\":\"B\"},\"group\":\"g2\",\"answer_marker\":\":\"}",
            "{\"id\":\"p6\",\"text\":\"I see a bird in the tree at night . answer :\",\"labels\":{\"answer\":\"A\"},\"answer_marker\":\":\"}");

    private CaptureFixtures() {
    }

    static synchronized Path checkpoint(ArchitectureFamily family) throws IOException {
        Path existing = CHECKPOINTS.get(family);
        if (existing != null) {
            return existing;
        }
        Path dir = Files.createTempDirectory("mechanist-capture-" + family.name().toLowerCase());
        dir.toFile().deleteOnExit();
        TinyCheckpoints.write(family, dir, 7, TinyCheckpoints.Options.DEFAULT);
        CHECKPOINTS.put(family, dir);
        return dir;
    }

    static Path dataset(Path dir) throws IOException {
        Path file = dir.resolve("prompts.jsonl");
        Files.write(file, DATASET_LINES);
        return file;
    }
}
