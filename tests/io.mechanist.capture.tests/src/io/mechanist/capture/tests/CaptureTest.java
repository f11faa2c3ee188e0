package io.mechanist.capture.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.Padding;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.SiteActivations;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.store.ActivationStore;

/**
 * Captures of tiny checkpoints read back through the slice API equal a direct run of each prompt alone (the
 * runtime) and the double-precision reference.
 */
class CaptureTest {

    private static final String SITES = "embed,blocks.*.resid_post,blocks.1.attn_out,blocks.0.attn_pattern,"
            + "blocks.0.attn_scores,blocks.1.attn_z,blocks.0.attn_k,blocks.1.mlp_post,final_norm,logits";

    @TempDir
    Path temp;

    /**
     * Batch size 1: every stored row equals the runtime's run of that prompt alone (1e-6) and the double-precision
     * reference (1e-4), for every kind of site (residual, attention output, pattern, final norm, logits).
     */
    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA", "QWEN3", "GEMMA2"})
    void capturedRowsEqualSinglePromptRunsAndReference(ArchitectureFamily family) throws Exception {
        compareWithSinglePromptRuns(family, 1, Padding.RIGHT, 1e-6);
    }

    /**
     * Batches of 3 with left padding: padding changes nothing beyond the float rounding of differently shaped
     * matrix products, the runtime's documented batched-vs-single tolerance (2e-5); the reference bound is 1e-4.
     */
    @ParameterizedTest
    @EnumSource(value = ArchitectureFamily.class, names = {"GPT2", "LLAMA", "QWEN3", "GEMMA2"})
    void batchedCaptureMatchesSinglePromptRunsWithinTheRuntimeTolerance(ArchitectureFamily family) throws Exception {
        compareWithSinglePromptRuns(family, 3, Padding.LEFT, 2e-5);
    }

    private void compareWithSinglePromptRuns(ArchitectureFamily family, int batch, Padding padding, double tolerance)
            throws Exception {
        Path model = CaptureFixtures.checkpoint(family);
        CaptureSummary summary = Capturer.capture(CaptureJob.builder(temp.resolve("store"), model,
                CaptureFixtures.dataset(temp)).sites(SITES).batchSize(batch).padding(padding).build(),
                new NullProgressMonitor());
        assertTrue(summary.complete());
        assertEquals(7, summary.promptCount());
        assertEquals(0, summary.resumedFrom());

        ReferenceModel reference = ReferenceModel.load(model);
        try (ActivationStore store = ActivationStore.openReadOnly(temp.resolve("store"));
                ActivationSet set = store.openCapture(summary.captureId());
                HookedTransformer direct = HookedTransformer.load(model)) {
            assertEquals(7, set.promptCount());
            int maxTokens = set.prompts().stream().mapToInt(PromptInfo::tokenCount).max().orElseThrow();
            for (int p = 0; p < set.promptCount(); p++) {
                int[] ids = set.prompts().get(p).tokenIds();
                long[] tokens = java.util.Arrays.stream(ids).asLongStream().toArray();
                List<HookSite> sites = set.siteIds().stream().map(HookSite::parse).toList();
                RunResult alone = direct.run(tokens, sites.toArray(HookSite[]::new));
                ReferenceForward ref = reference.run(ids);
                for (HookSite site : sites) {
                    FloatMatrix stored = set.prompt(site.id(), p);
                    assertEquals(ids.length, stored.rows(), site.id());
                    SiteActivations single = alone.capture(site, 0);
                    double[][] expected = referenceRows(ref, site, maxTokens);
                    for (int pos = 0; pos < ids.length; pos++) {
                        float[] row = stored.row(pos);
                        float[] singleRow = singleRow(single, site, pos, maxTokens);
                        for (int k = 0; k < row.length; k++) {
                            String where = family + " " + site.id() + " prompt " + p + " pos " + pos + " [" + k + "]";
                            assertEquals(singleRow[k], row[k], tolerance, where + " vs single-prompt run");
                            assertEquals(expected[pos][k], row[k], 1e-4, where + " vs reference");
                        }
                    }
                }
            }
        }
    }

    /** The reference's rows of a site in the store's row layout (patterns: [head, key] zero-padded). */
    private static double[][] referenceRows(ReferenceForward ref, HookSite site, int keys) {
        return switch (site.point()) {
            case ATTN_PATTERN, ATTN_SCORES -> {
                double[][][] pattern = site.point() == io.mechanist.core.hooks.HookPoint.ATTN_SCORES
                        ? ref.attentionScores(site.layer()) : ref.attentionPattern(site.layer());
                int heads = pattern.length;
                int queries = pattern[0].length;
                double[][] rows = new double[queries][heads * keys];
                for (int q = 0; q < queries; q++) {
                    for (int h = 0; h < heads; h++) {
                        System.arraycopy(pattern[h][q], 0, rows[q], h * keys, pattern[h][q].length);
                    }
                }
                yield rows;
            }
            case LOGITS -> ref.logits();
            default -> ref.activation(site.id());
        };
    }

    private static float[] singleRow(SiteActivations single, HookSite site, int pos, int keys) {
        if (!site.point().queryKeyShaped()) {
            return single.rowAt(pos);
        }
        long[] shape = single.shape();
        int heads = (int) shape[0];
        int queries = (int) shape[1];
        int k = (int) shape[2];
        float[] row = new float[heads * keys];
        for (int h = 0; h < heads; h++) {
            System.arraycopy(single.values(), (h * queries + pos) * k, row, h * keys, k);
        }
        return row;
    }

    @Test
    void lastAndListedPositionsInHalfPrecision() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA);
        Path dataset = CaptureFixtures.dataset(temp);
        CaptureSummary last = Capturer.capture(CaptureJob.builder(temp.resolve("s"), model, dataset)
                .sites("blocks.*.resid_post").positions(CapturePositions.parse("last")).batchSize(4).build(), null);
        CaptureSummary listed = Capturer.capture(CaptureJob.builder(temp.resolve("s"), model, dataset)
                .sites("blocks.1.resid_post").positions(CapturePositions.parse("0,2,-1")).storage(StorageType.F16)
                .batchSize(2).build(), null);
        try (ActivationStore store = ActivationStore.openReadOnly(temp.resolve("s"));
                ActivationSet lastSet = store.openCapture(last.captureId());
                ActivationSet listSet = store.openCapture(listed.captureId());
                HookedTransformer direct = HookedTransformer.load(model)) {
            HookSite site = HookSite.parse("blocks.1.resid_post");
            for (int p = 0; p < lastSet.promptCount(); p++) {
                int[] ids = lastSet.prompts().get(p).tokenIds();
                int n = ids.length;
                SiteActivations alone = direct.run(java.util.Arrays.stream(ids).asLongStream().toArray(), site)
                        .capture(site, 0);
                assertArrayEquals(new int[] {n - 1}, lastSet.positions(p));
                assertArrayEquals(alone.rowAt(n - 1), lastSet.prompt(site.id(), p).row(0), 2e-5f);
                int[] expectedPositions = java.util.stream.IntStream.of(0, 2, n - 1).filter(x -> x < n).sorted()
                        .distinct().toArray();
                assertArrayEquals(expectedPositions, listSet.positions(p));
                FloatMatrix rows = listSet.prompt(site.id(), p);
                for (int i = 0; i < expectedPositions.length; i++) {
                    float[] want = alone.rowAt(expectedPositions[i]);
                    float[] got = rows.row(i);
                    for (int k = 0; k < want.length; k++) {
                        assertEquals(want[k], got[k], Math.abs(want[k]) * 1e-3 + 2e-5, "f16 row " + k);
                    }
                }
            }
        }
    }

    @Test
    void provenanceAndRegistrationsAreRecordedAndReused() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.GPT2);
        Path dataset = CaptureFixtures.dataset(temp);
        CaptureJob job = CaptureJob.builder(temp.resolve("store"), model, dataset).sites("blocks.0.resid_post")
                .batchSize(2).name("first").build();
        CaptureSummary first = Capturer.capture(job, null);
        CaptureSummary second = Capturer.capture(CaptureJob.builder(temp.resolve("store"), model, dataset)
                .sites("blocks.1.resid_mid").build(), null);
        assertEquals(first.modelId(), second.modelId());
        assertEquals(first.datasetId(), second.datasetId());
        assertFalse(first.captureId().equals(second.captureId()));
        try (ActivationStore store = ActivationStore.openReadOnly(temp.resolve("store"))) {
            store.read(s -> {
                assertEquals(1, s.getModels().size());
                assertEquals(1, s.getDatasets().size());
                assertEquals(2, s.getCaptures().size());
                var m = s.getModels().get(0);
                assertEquals("GPT2LMHeadModel", m.getArchitecture());
                assertEquals("gpt2", m.getFamily());
                assertTrue(m.getNumLayers() > 0 && m.getDModel() > 0);
                assertEquals("F32", m.getWeightDtype());
                assertTrue(m.getConfig().containsKey("n_embd"), m.getConfig().keySet().toString());
                List<String> files = m.getFiles().stream().map(f -> f.getPath()).toList();
                assertTrue(files.containsAll(List.of("config.json", "model.safetensors", "tokenizer.json")), files.toString());
                m.getFiles().forEach(f -> assertEquals(64, f.getSha256().length()));
                var prompt = s.getDatasets().get(0).getPrompts().get(0);
                assertEquals("the cat sat on a house . answer :", prompt.getText());
                assertEquals(prompt.getTokenIds().size(), prompt.getTokens().size());
                assertEquals("cat", prompt.getTokens().get(1).strip());
                assertEquals("A", prompt.getLabels().get("answer"));
                assertEquals("g0", prompt.getGroupId());
                assertEquals("x", prompt.getPairId());
                var capture = s.getCaptures().stream().filter(c -> c.getId().equals(first.captureId())).findFirst().orElseThrow();
                assertEquals("first", capture.getName());
                var provenance = capture.getProvenance();
                for (String key : List.of("mechanist", "djl", "pytorch", "java")) {
                    assertNotNull(provenance.getVersions().get(key), key);
                }
                assertEquals("2", provenance.getParameters().get("batch_size"));
                assertEquals("right", provenance.getParameters().get("padding_side"));
                assertEquals("float32", provenance.getParameters().get("compute_dtype"));
                assertEquals("blocks.0.resid_post", provenance.getParameters().get("sites"));
                assertEquals("all", provenance.getParameters().get("positions"));
                assertEquals(64, provenance.getParameters().get("dataset_sha256").length());
                assertEquals(64, provenance.getParameters().get("tokenizer_sha256").length());
                assertNotNull(provenance.getCreatedAt());
                return null;
            });
        }
    }

    @Test
    void cancelledCaptureResumesToTheSameNumbers() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.LLAMA);
        Path dataset = CaptureFixtures.dataset(temp);
        CaptureJob resumed = CaptureJob.builder(temp.resolve("resumed"), model, dataset)
                .sites("blocks.*.resid_post", "blocks.1.attn_pattern").batchSize(2).build();
        NullProgressMonitor cancelAfterTwoBatches = new NullProgressMonitor() {
            int batches;

            @Override
            public void worked(int work) {
                if (++batches == 2) {
                    setCanceled(true);
                }
            }

            @Override
            public void internalWorked(double work) {
                worked(1);
            }
        };
        assertThrows(OperationCanceledException.class, () -> Capturer.capture(resumed, cancelAfterTwoBatches));
        String captureId;
        try (ActivationStore store = ActivationStore.openReadOnly(temp.resolve("resumed"))) {
            captureId = store.incompleteCaptures().get(0);
            try (ActivationSet partial = store.openCapture(captureId)) {
                assertTrue(partial.promptCount() > 0 && partial.promptCount() < 7, "committed " + partial.promptCount());
            }
        }
        CaptureSummary finished = Capturer.capture(resumed, null);
        assertEquals(captureId, finished.captureId());
        assertTrue(finished.resumedFrom() > 0);
        CaptureSummary whole = Capturer.capture(CaptureJob.builder(temp.resolve("whole"), model, dataset)
                .sites("blocks.*.resid_post", "blocks.1.attn_pattern").batchSize(2).build(), null);
        try (ActivationStore a = ActivationStore.openReadOnly(temp.resolve("resumed"));
                ActivationStore b = ActivationStore.openReadOnly(temp.resolve("whole"));
                ActivationSet x = a.openCapture(finished.captureId());
                ActivationSet y = b.openCapture(whole.captureId())) {
            assertTrue(a.incompleteCaptures().isEmpty());
            assertEquals(y.promptCount(), x.promptCount());
            assertEquals(y.siteIds(), x.siteIds());
            for (String site : y.siteIds()) {
                for (int p = 0; p < y.promptCount(); p++) {
                    assertArrayEquals(y.prompt(site, p).data(), x.prompt(site, p).data(), site + " prompt " + p);
                }
            }
        }
    }
}
