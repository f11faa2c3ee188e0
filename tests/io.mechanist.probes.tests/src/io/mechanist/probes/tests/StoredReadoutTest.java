package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.OutputReadout.ReadoutCell;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeDirection;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.StoredProbeResults;
import io.mechanist.probes.capture.CaptureModel;
import io.mechanist.probes.capture.CaptureProbes;
import io.mechanist.probes.capture.ReadoutRequest;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoreCorruptionException;

/**
 * The stored probe analysis with the output read-out, on a capture of a tiny real checkpoint: the read-out at the
 * last layer and each prompt's last position is the model's own logit difference (from the double reference
 * forward), and the stored result reads back equal to the in-memory run.
 */
class StoredReadoutTest {

    private static final int POSITIONS = 10;

    private static Map<String, String> parameters(Path model) {
        Map<String, String> p = new HashMap<>();
        p.put("label", "answer");
        p.put("alignment", "start");
        p.put("positions", Integer.toString(POSITIONS));
        p.put("folds", "2");
        p.put("threads", "2");
        p.put("tokenA", "A");
        p.put("tokenB", "B");
        p.put("answerA", "A");
        if (model != null) {
            p.put("model", model.toString());
        }
        return p;
    }

    private static String runAnalysis(ReadoutStore tiny, Map<String, String> parameters) throws Exception {
        try (ActivationStore store = ActivationStore.open(tiny.folder)) {
            return new AnalysisRunner(store, ReadoutStore.registry()).run(new AnalysisRequest(
                    StoredProbeResults.ANALYSIS_ID, parameters, Map.of("activations", ReadoutStore.CAPTURE)),
                    new NullProgressMonitor());
        }
    }

    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA", "GEMMA2"})
    void readoutAtTheLastLayerIsTheModelsOwnLogitDifference(ArchitectureFamily family, @TempDir Path dir)
            throws Exception {
        ReadoutStore tiny = ReadoutStore.create(family, dir);
        String resultId = runAnalysis(tiny, parameters(tiny.checkpoint));
        StoredProbeResults stored;
        try (ActivationStore store = ActivationStore.openReadOnly(tiny.folder)) {
            stored = StoredProbeResults.read(store, resultId);
        }
        ReadoutResults readout = stored.readout();
        assertNotNull(readout, stored.readoutNote());
        int last = tiny.layers - 1;
        for (int p = 0; p < ReadoutStore.TEXTS.size(); p++) {
            int position = tiny.tokenCount(p) - 1;
            if (position >= POSITIONS) {
                continue;
            }
            assertEquals(tiny.referenceLogitDifference(p), readout.logRatios(last, position)[p], 1e-4,
                    family + " prompt " + p + " at its last position " + position);
        }
        // accuracy at the last layer and first position, counted independently from the reference logits
        int correct = 0;
        for (int p = 0; p < tiny.labels.size(); p++) {
            double[][] logits = tiny.forwards.get(p).logits();
            int a = io.mechanist.testing.checkpoints.TinyTokenizer.vocabulary().indexOf("A");
            int b = io.mechanist.testing.checkpoints.TinyTokenizer.vocabulary().indexOf("B");
            double diff = logits[0][a] - logits[0][b];
            correct += (tiny.labels.get(p).equals("A") ? diff > 0 : diff < 0) ? 1 : 0;
        }
        ReadoutCell first = readout.cell(last, 0);
        assertEquals(tiny.labels.size(), first.n());
        assertEquals(correct, first.correct());
        assertTrue(stored.readoutNote().contains(tiny.checkpoint.toString()), stored.readoutNote());
    }

    @Test
    void storedResultsReadBackEqualToTheInMemoryRun(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        String resultId = runAnalysis(tiny, parameters(tiny.checkpoint));
        try (ActivationStore store = ActivationStore.openReadOnly(tiny.folder);
                ActivationSet capture = store.openCapture(ReadoutStore.CAPTURE)) {
            StoredProbeResults stored = StoredProbeResults.read(store, resultId);
            assertEquals(tiny.checkpoint, CaptureModel.folder(store, ReadoutStore.CAPTURE));
            ProbeConfig config = ProbeConfig.defaults().withFolds(2).withThreads(1)
                    .withMethods(EnumSet.allOf(ProbeMethod.class)).withInterval(IntervalMethod.WILSON, 2000);
            CaptureProbes.Run run = CaptureProbes.run(capture, "resid_post", "answer",
                    PositionAlignment.fromStart(POSITIONS), config,
                    new ReadoutRequest(tiny.checkpoint, "A", "B", "A"), ProbeProgress.NONE);
            ProbeResults expected = run.results();
            ProbeResults actual = stored.results();
            assertEquals(ReadoutStore.CAPTURE, stored.captureId());
            assertEquals("answer", stored.labelKey());
            assertEquals("resid_post", stored.point());
            assertEquals(expected.methods(), actual.methods());
            assertEquals(expected.positiveLabel(), actual.positiveLabel());
            assertEquals(expected.negativeLabel(), actual.negativeLabel());
            assertEquals(expected.promptCount(), actual.promptCount());
            assertEquals(expected.groupCount(), actual.groupCount());
            assertEquals(expected.layerCount(), actual.layerCount());
            assertEquals(expected.positionCount(), actual.positionCount());
            for (ProbeMethod m : expected.methods()) {
                assertEquals(expected.cells(m), actual.cells(m), m.id());
                for (int l = 0; l < expected.layerCount(); l++) {
                    assertEquals(expected.layerName(l), actual.layerName(l));
                    for (int k = 0; k < expected.positionCount(); k++) {
                        assertEquals(expected.positionLabel(k), actual.positionLabel(k));
                        assertEquals(expected.positionToken(k), actual.positionToken(k));
                        ProbeDirection e = expected.direction(m, l, k);
                        ProbeDirection a = actual.direction(m, l, k);
                        if (e == null) {
                            assertNull(a);
                            continue;
                        }
                        assertArrayEquals(e.weights(), a.weights());
                        assertEquals(e.bias(), a.bias());
                        assertEquals(e.trainCount(), a.trainCount());
                        assertEquals(e.positiveLabel(), a.positiveLabel());
                    }
                }
            }
            assertEquals(run.readout().cells(), stored.readout().cells());
            for (int i = 0; i < run.readout().logRatios().length; i++) {
                assertArrayEquals(run.readout().logRatios()[i], stored.readout().logRatios()[i]);
            }
        }
    }

    @Test
    void withoutAModelParameterTheReadoutUsesTheFolderTheCaptureRecords(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        String withFolder = runAnalysis(tiny, parameters(tiny.checkpoint));
        String recorded = runAnalysis(tiny, parameters(null));
        try (ActivationStore store = ActivationStore.openReadOnly(tiny.folder);
                ActivationSet capture = store.openCapture(ReadoutStore.CAPTURE)) {
            assertEquals(tiny.checkpoint, capture.modelFolder().orElseThrow());
            StoredProbeResults expected = StoredProbeResults.read(store, withFolder);
            StoredProbeResults actual = StoredProbeResults.read(store, recorded);
            assertNotNull(actual.readout(), actual.readoutNote());
            assertTrue(actual.readoutNote().contains(tiny.checkpoint.toString()), actual.readoutNote());
            assertEquals(expected.readout().cells(), actual.readout().cells());
        }
    }

    /** Indexes read from a crafted store are checked: a clear "corrupt result", not ArrayIndexOutOfBounds. */
    @Test
    void outOfRangeStoredIndexesAreACorruptResult(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        String resultId = runAnalysis(tiny, parameters(tiny.checkpoint));
        for (Craft craft : java.util.List.of(new Craft("accuracy", "layer", 1e9), new Craft("accuracy", "position", -1),
                new Craft("accuracy", "layer", Double.NaN), new Craft("accuracy", "position", 0.5),
                new Craft("readout", "layer", 7), new Craft("readout", "position", 1e6))) {
            try (ActivationStore store = ActivationStore.open(tiny.folder)) {
                java.util.List<Double> original = store.read(s -> java.util.List.copyOf(column(s, resultId, craft)));
                store.update(s -> column(s, resultId, craft).set(1, craft.value()));
                StoreCorruptionException e = assertThrows(StoreCorruptionException.class,
                        () -> StoredProbeResults.read(store, resultId), craft.toString());
                assertTrue(e.getMessage().contains("corrupt result") && e.getMessage().contains(resultId), e.getMessage());
                store.update(s -> {
                    column(s, resultId, craft).clear();
                    column(s, resultId, craft).addAll(original);
                });
                StoredProbeResults.read(store, resultId);
            }
        }
        try (ActivationStore store = ActivationStore.open(tiny.folder)) {
            Craft layer = new Craft("accuracy", "layer", 0);
            store.update(s -> column(s, resultId, layer).remove(0));
            StoreCorruptionException e = assertThrows(StoreCorruptionException.class,
                    () -> StoredProbeResults.read(store, resultId));
            assertTrue(e.getMessage().contains("column 'layer'"), e.getMessage());
        }
    }

    /** A number written into row 1 of a column of a stored result table. */
    private record Craft(String table, String column, double value) {
    }

    private static org.eclipse.emf.common.util.EList<Double> column(io.mechanist.model.Store store, String resultId,
            Craft craft) {
        return store.getResults().stream().filter(r -> r.getId().equals(resultId)).findFirst().orElseThrow()
                .getTables().stream().filter(t -> t.getName().equals(craft.table())).findFirst().orElseThrow()
                .getColumns().stream().filter(c -> c.getName().equals(craft.column())).findFirst().orElseThrow()
                .getNumbers();
    }

    @Test
    void missingModelFolderSkipsTheReadoutWithANote(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        Path missing = dir.resolve("no-such-model");
        String resultId = runAnalysis(tiny, parameters(missing));
        try (ActivationStore store = ActivationStore.openReadOnly(tiny.folder)) {
            StoredProbeResults stored = StoredProbeResults.read(store, resultId);
            assertNull(stored.readout());
            assertTrue(stored.readoutNote().contains("not found") && stored.readoutNote().contains(missing.toString()),
                    stored.readoutNote());
            assertEquals(2, stored.results().methods().size());
        }
    }

    @Test
    void answerTextOfTwoTokensIsAnErrorNamingIt(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        Map<String, String> p = parameters(tiny.checkpoint);
        p.put("tokenA", "quick brown");
        AnalysisException e = assertThrows(AnalysisException.class, () -> runAnalysis(tiny, p));
        assertTrue(e.getMessage().contains("'quick brown' is 2 tokens"), e.getMessage());
    }

    @Test
    void answerLabelThatIsNotALabelValueIsAnError(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        Map<String, String> p = parameters(tiny.checkpoint);
        p.put("answerA", "C");
        AnalysisException e = assertThrows(AnalysisException.class, () -> runAnalysis(tiny, p));
        assertTrue(e.getMessage().contains("'C'"), e.getMessage());
    }

    @Test
    void badLabelsAndTooManyFoldsAreErrorsNamingTheCaptureAndLabel(@TempDir Path dir) throws Exception {
        ReadoutStore tiny = ReadoutStore.create(ArchitectureFamily.GPT2, dir);
        Map<String, String> missing = parameters(null);
        missing.put("label", "colour");
        String m = assertThrows(AnalysisException.class, () -> runAnalysis(tiny, missing)).getMessage();
        assertTrue(m.contains("capture " + ReadoutStore.CAPTURE + ", label 'colour'")
                && m.contains("label missing on 8 of 8 prompts") && m.contains("prompt 0"), m);
        Map<String, String> folds = parameters(null);
        folds.put("folds", "9");
        m = assertThrows(AnalysisException.class, () -> runAnalysis(tiny, folds)).getMessage();
        assertTrue(m.contains("capture " + ReadoutStore.CAPTURE + ", label 'answer'") && m.contains("9-fold")
                && m.contains("got 8"), m);
    }
}
