package io.mechanist.headless.commands;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.core.datasets.DatasetWriter;

/**
 * The demo's two datasets (held-out prompts and contrast pairs), either the shipped files of the demo bundle or a
 * smaller subset of them written into the report folder, so that the store's provenance names the files used.
 */
record DemoDatasets(Path heldOut, Path contrastPairs, int heldOutPrompts, int pairs) {

    /** The shipped files of bundle io.mechanist.demo, with a message saying what is missing. */
    static DemoDatasets shipped() throws IOException {
        Path test = EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET);
        Path pairs = EmbeddedDemo.dataset(EmbeddedDemo.CONTRAST_PAIRS);
        return new DemoDatasets(test, pairs, DatasetParser.parse(test).size(), pairCount(DatasetParser.parse(pairs)));
    }

    /**
     * The first {@code prompts} held-out prompts, balanced between the two answers, and the first
     * {@code ceil(prompts / 2)} contrast pairs (the shipped files' ratio), written to {@code folder}.
     */
    DemoDatasets subset(int prompts, Path folder) throws IOException {
        List<DatasetRecord> test = DatasetParser.parse(heldOut);
        Map<String, Integer> quota = new LinkedHashMap<>();
        for (DatasetRecord r : test) {
            quota.putIfAbsent(r.answer(), 0);
        }
        List<String> answers = new ArrayList<>(quota.keySet());
        for (int i = 0; i < answers.size(); i++) {
            quota.put(answers.get(i), prompts / answers.size() + (i < prompts % answers.size() ? 1 : 0));
        }
        List<DatasetRecord> keptTest = new ArrayList<>();
        for (DatasetRecord r : test) {
            int left = quota.get(r.answer());
            if (left > 0) {
                keptTest.add(r);
                quota.put(r.answer(), left - 1);
            }
        }
        Map<String, List<DatasetRecord>> byPair = new LinkedHashMap<>();
        for (DatasetRecord r : DatasetParser.parse(contrastPairs)) {
            byPair.computeIfAbsent(r.pair(), k -> new ArrayList<>()).add(r);
        }
        int wantedPairs = Math.min(byPair.size(), (prompts + 1) / 2);
        List<DatasetRecord> keptPairs = new ArrayList<>();
        byPair.values().stream().limit(wantedPairs).forEach(keptPairs::addAll);
        Files.createDirectories(folder);
        Path testFile = folder.resolve(EmbeddedDemo.TEST_SET);
        Path pairsFile = folder.resolve(EmbeddedDemo.CONTRAST_PAIRS);
        DatasetWriter.write(testFile, keptTest);
        DatasetWriter.write(pairsFile, keptPairs);
        return new DemoDatasets(testFile, pairsFile, keptTest.size(), wantedPairs);
    }

    private static int pairCount(List<DatasetRecord> records) {
        return (int) records.stream().map(DatasetRecord::pair).filter(p -> p != null).distinct().count();
    }
}
