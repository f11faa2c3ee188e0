package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeInputException;

class InputErrorsTest {

    private static InMemoryProbeData data(String[] labels, String[] groups) {
        int n = labels.length;
        String[] ids = new String[n];
        for (int p = 0; p < n; p++) {
            ids[p] = "q" + p;
        }
        InMemoryProbeData data = new InMemoryProbeData(1, 1, 2, ids, labels, groups);
        data.setMatrix(0, 0, new float[n * 2]);
        return data;
    }

    private static String message(InMemoryProbeData data, ProbeConfig config) {
        return assertThrows(ProbeInputException.class, () -> ProbeAnalysis.run(data, config)).getMessage();
    }

    @Test
    void missingLabelsNameThePrompts() {
        String[] labels = {"A", "B", null, "A", "B", " ", "A", "B", "A", "B"};
        String m = message(data(labels, null), ProbeConfig.defaults());
        assertTrue(m.contains("label missing on 2 of 10 prompts") && m.contains("q2") && m.contains("q5"), m);
    }

    @Test
    void singleClassIsRejected() {
        String m = message(data(new String[] {"A", "A", "A", "A", "A", "A"}, null), ProbeConfig.defaults());
        assertTrue(m.contains("single class 'A'") && m.contains("two classes"), m);
    }

    @Test
    void threeClassesAreRejected() {
        String m = message(data(new String[] {"A", "B", "C", "A", "B", "C"}, null), ProbeConfig.defaults());
        assertTrue(m.contains("3 classes") && m.contains("binary"), m);
    }

    @Test
    void tooFewPromptsForFolds() {
        String m = message(data(new String[] {"A", "B", "A", "B"}, null), ProbeConfig.defaults().withFolds(5));
        assertTrue(m.contains("5-fold") && m.contains("at least 5 prompts, got 4"), m);
    }

    @Test
    void tooFewGroupsForFolds() {
        String[] labels = {"A", "B", "A", "B", "A", "B", "A", "B"};
        String[] groups = {"x", "x", "y", "y", "z", "z", "x", "y"};
        String m = message(data(labels, groups), ProbeConfig.defaults().withFolds(5));
        assertTrue(m.contains("at least 5 prompt groups") && m.contains("got 3 groups in 8 prompts"), m);
    }

    @Test
    void classInOneGroupIsRejected() {
        String[] labels = {"A", "A", "B", "B", "B", "B"};
        String[] groups = {"g1", "g1", "g2", "g3", "g4", "g5"};
        String m = message(data(labels, groups), ProbeConfig.defaults().withFolds(2));
        assertTrue(m.contains("class 'A'") && m.contains("single prompt group ('g1')"), m);
    }

    @Test
    void badConfigurationIsRejected() {
        assertTrue(assertThrows(ProbeInputException.class, () -> ProbeConfig.defaults().withFolds(1))
                .getMessage().contains("k >= 2"));
        assertTrue(assertThrows(ProbeInputException.class, () -> ProbeConfig.defaults().withL2(0))
                .getMessage().contains("L2 penalty"));
        assertTrue(assertThrows(ProbeInputException.class, () -> ProbeConfig.defaults().withMethods(java.util.Set.of()))
                .getMessage().contains("no probe method"));
    }

    @Test
    void missingAnchorNamesThePrompts() {
        TokenActivations source = new TokenActivations(List.of(
                List.of("Q", ":", "x", "Answer", ":"),
                List.of("Q", ":", "y", "y"),
                List.of("Q", "Answer")), new String[] {"A", "B", "A"}, 3);
        String m = assertThrows(ProbeInputException.class,
                () -> AlignedProbeData.align(source, PositionAlignment.relativeToAnchor("Answer", 2, 1))).getMessage();
        assertTrue(m.contains("'Answer' not found in 1 of 3 prompts: t1"), m);
    }
}
