package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.internal.GroupedFolds;
import io.mechanist.probes.internal.Labels;

class GroupedSplitTest {

    @ParameterizedTest(name = "{0} prompts, groups up to {1}, k={2}")
    @CsvSource({"500, 4, 5", "97, 9, 3", "40, 1, 10", "300, 25, 5"})
    void groupsNeverStraddleFoldsAndFoldsAreBalanced(int n, int maxGroupSize, int k) {
        SplittableRandom random = new SplittableRandom(n * 31L + k);
        String[] ids = new String[n];
        String[] labels = new String[n];
        String[] groups = new String[n];
        int group = 0;
        int left = 0;
        for (int p = 0; p < n; p++) {
            if (left == 0) {
                group++;
                left = 1 + random.nextInt(maxGroupSize);
            }
            left--;
            ids[p] = "p" + p;
            groups[p] = "g" + group;
            labels[p] = random.nextInt(3) == 0 ? "B" : "A";
        }
        InMemoryProbeData data = new InMemoryProbeData(1, 1, 1, ids, labels, groups);
        Labels encoded = Labels.of(data);
        int[] fold = GroupedFolds.assign(encoded, k, 7);
        Map<String, Integer> foldOfGroup = new HashMap<>();
        int[] size = new int[k];
        int[] positives = new int[k];
        for (int p = 0; p < n; p++) {
            Integer previous = foldOfGroup.putIfAbsent(groups[p], fold[p]);
            if (previous != null) {
                assertEquals(previous.intValue(), fold[p], "group " + groups[p] + " split across folds");
            }
            size[fold[p]]++;
            positives[fold[p]] += encoded.classOf()[p];
        }
        int totalPositives = 0;
        for (int f = 0; f < k; f++) {
            assertTrue(size[f] > 0, "fold " + f + " is empty");
            totalPositives += positives[f];
        }
        for (int f = 0; f < k; f++) {
            assertEquals((double) n / k, size[f], maxGroupSize + 1.0, "fold sizes balanced");
            assertEquals((double) totalPositives / k, positives[f], maxGroupSize + 1.0, "classes spread");
        }
        // the assignment is a pure function of the seed
        assertEquals(java.util.Arrays.toString(fold), java.util.Arrays.toString(GroupedFolds.assign(encoded, k, 7)));
    }

    @ParameterizedTest(name = "seed {0}")
    @CsvSource({"1", "2", "3"})
    void controlLabelsKeepEveryFoldsBalanceAndAreShuffled(long seed) {
        int[] classes = new int[400];
        int[] folds = new int[400];
        for (int i = 0; i < 400; i++) {
            classes[i] = i < 150 ? 1 : 0;
            folds[i] = (i * 7) % 5;
        }
        int[] first = GroupedFolds.permutedWithinFolds(classes, folds, seed, 0);
        int[] second = GroupedFolds.permutedWithinFolds(classes, folds, seed, 1);
        int same = 0;
        int agree = 0;
        for (int f = 0; f < 5; f++) {
            int real = 0;
            int control = 0;
            for (int i = 0; i < 400; i++) {
                if (folds[i] == f) {
                    real += classes[i];
                    control += first[i];
                }
            }
            assertEquals(real, control, "fold " + f + " keeps its class count");
        }
        for (int i = 0; i < 400; i++) {
            same += first[i] == classes[i] ? 1 : 0;
            agree += first[i] == second[i] ? 1 : 0;
        }
        assertTrue(same < 280, "permutation left " + same + " of 400 labels in place");
        assertTrue(agree < 280, "two permutations agree on " + agree + " of 400 labels");
    }
}
