package io.mechanist.demo.tests;

import io.mechanist.testing.RepositoryFiles;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.demo.task.ComparisonPrompt;
import io.mechanist.demo.task.DemoDatasetGenerator;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.demo.task.GenerateDemoDataset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoDatasetTest {

    @TempDir
    Path dir;

    @Test
    void promptTextTraceAndAnswer() {
        ComparisonPrompt p = new ComparisonPrompt(7, 4, true, false, false);
        assertEquals("Q : 7 vs 4 . which is larger ? A = 4 B = 7 . think : 7 > 4 . larger is 7 . so :", p.text());
        assertEquals("B", p.answer());
        assertEquals("A", p.withOptionsSwapped().answer());
        assertEquals(Map.of("answer", "B", "question", "larger", "comparison", ">", "winner_position", "first",
                "winner", "7"), p.labels());
        ComparisonPrompt smaller = new ComparisonPrompt(7, 4, false, false, true);
        assertEquals("Q : 7 vs 4 . which number is smaller ? A = 4 B = 7 . think : 7 > 4 . smaller is 4 . so :",
                smaller.text());
        assertEquals("A", smaller.answer());
        assertEquals(p.text() + " B <|endoftext|>", p.trainingText());
    }

    @Test
    void sameSeedSameFilesOtherSeedOtherFiles() throws IOException {
        GenerateDemoDataset.write(dir.resolve("a"), 5);
        GenerateDemoDataset.write(dir.resolve("b"), 5);
        GenerateDemoDataset.write(dir.resolve("c"), 6);
        for (String name : List.of("train.jsonl", "test.jsonl", "contrast-pairs.jsonl")) {
            String a = Files.readString(dir.resolve("a").resolve(name));
            assertEquals(a, Files.readString(dir.resolve("b").resolve(name)), name);
            assertNotEquals(a, Files.readString(dir.resolve("c").resolve(name)), name);
        }
    }

    @Test
    void shippedDataIsWhatSeedOneGenerates() throws IOException {
        GenerateDemoDataset.write(dir, 1);
        for (String name : List.of("train.jsonl", "test.jsonl", "contrast-pairs.jsonl")) {
            assertEquals(Files.readString(dir.resolve(name)),
                    Files.readString(RepositoryFiles.shippedData().resolve(name)), name);
        }
    }

    @Test
    void splitsAreBalancedTokenisableAndGroupDisjoint() throws IOException {
        GenerateDemoDataset.write(dir, 1);
        List<DatasetRecord> train = DatasetParser.parse(dir.resolve("train.jsonl"));
        List<DatasetRecord> test = DatasetParser.parse(dir.resolve("test.jsonl"));
        List<DatasetRecord> pairs = DatasetParser.parse(dir.resolve("contrast-pairs.jsonl"));
        assertEquals(GenerateDemoDataset.TRAIN_SIZE, train.size());
        assertEquals(GenerateDemoDataset.TEST_SIZE, test.size());
        assertEquals(2 * GenerateDemoDataset.CONTRAST_PAIRS, pairs.size());
        for (List<DatasetRecord> split : List.of(train, test, pairs)) {
            assertEquals(split.size() / 2, split.stream().filter(r -> r.answer().equals("A")).count());
            for (DatasetRecord r : split) {
                assertTrue(r.text().endsWith(" " + r.answerMarker()), r.text());
                int[] ids = DemoVocabulary.encode(r.text());
                assertTrue(ids.length == 29 || ids.length == 30, r.text());
                for (int id : ids) {
                    assertNotEquals(DemoVocabulary.UNKNOWN_ID, id, r.text());
                }
            }
        }
        Set<String> trainGroups = groups(train);
        Set<String> testGroups = groups(test);
        Set<String> pairGroups = groups(pairs);
        assertFalse(intersects(trainGroups, testGroups));
        assertFalse(intersects(trainGroups, pairGroups));
        assertFalse(intersects(testGroups, pairGroups));
        Set<String> corpusGroups = new DemoDatasetGenerator(1).trainingCorpus().stream()
                .map(ComparisonPrompt::group).collect(Collectors.toSet());
        assertFalse(intersects(corpusGroups, testGroups), "the model never trains on test number pairs");
        assertFalse(intersects(corpusGroups, pairGroups), "nor on contrast-pair number pairs");
    }

    @Test
    void contrastPairsDifferOnlyInTheOptions() throws IOException {
        List<DatasetRecord> pairs = new DemoDatasetGenerator(1).contrastPairs(50);
        for (int i = 0; i < pairs.size(); i += 2) {
            DatasetRecord a = pairs.get(i);
            DatasetRecord b = pairs.get(i + 1);
            assertEquals(a.pair(), b.pair());
            assertEquals("A", a.answer());
            assertEquals("B", b.answer());
            List<String> ta = DemoVocabulary.tokenTexts(a.text());
            List<String> tb = DemoVocabulary.tokenTexts(b.text());
            assertEquals(ta.size(), tb.size());
            int differing = 0;
            for (int t = 0; t < ta.size(); t++) {
                differing += ta.get(t).equals(tb.get(t)) ? 0 : 1;
            }
            assertEquals(2, differing, "only the two option values swap: " + a.text() + " / " + b.text());
            assertEquals(a.labels().get("winner"), b.labels().get("winner"));
        }
    }

    @Test
    void encodeFollowsTheWhitespacePreTokenizer() {
        assertEquals(List.of("Q", ":", "12", "vs", "3", "?", "so", ":", "A", "<|endoftext|>", "<unk>"),
                DemoVocabulary.tokenTexts("Q :12 vs 3? so: A<|endoftext|>zebra"));
    }

    private static Set<String> groups(List<DatasetRecord> records) {
        return records.stream().map(DatasetRecord::group).collect(Collectors.toSet());
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        Set<String> both = new HashSet<>(a);
        both.retainAll(b);
        return !both.isEmpty();
    }
}
