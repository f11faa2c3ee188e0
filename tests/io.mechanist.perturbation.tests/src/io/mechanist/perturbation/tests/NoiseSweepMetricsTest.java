package io.mechanist.perturbation.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.perturbation.PerturbationAnalysis;
import io.mechanist.probes.InMemoryProbeData;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;

/**
 * The noise sweep's probe and steering metrics on the demo model: unperturbed, the probe metric is the probe
 * analysis's cross-validated accuracy on the same activations and the steering effect is the plain difference of
 * P(A) with and without the vector; heavy noise takes the probe's accuracy down.
 */
class NoiseSweepMetricsTest {

    private static final int PROMPTS = 60;
    private static final int BATCH = 16;
    private static final String SITE = "blocks.3.resid_post";

    @TempDir
    static Path dir;
    static ActivationStore store;
    static Path model;
    static String vectorId;
    static float[] vector;

    @BeforeAll
    static void captureAndStoreAVector() throws Exception {
        model = EmbeddedDemo.modelFolder();
        List<String> lines = Files.readAllLines(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET));
        Path dataset = Files.write(dir.resolve("held-out.jsonl"), lines.subList(0, PROMPTS));
        Capturer.capture(CaptureJob.builder(dir.resolve("store"), model, dataset).sites(SITE).captureId("held-out")
                .build(), new NullProgressMonitor());
        store = ActivationStore.open(dir.resolve("store"));
        // a vector that writes "A rather than B" into the last residual: the difference of their (tied) embeddings
        try (HookedTransformer demo = HookedTransformer.load(model);
                SafetensorsFile weights = SafetensorsFile.open(model.resolve("model.safetensors"))) {
            AnswerTokens answers = AnswerTokens.of(demo.tokenizer(), " A", " B");
            float[] wte = weights.readFloats("transformer.wte.weight");
            int d = wte.length / (int) weights.info("transformer.wte.weight").shape()[0];
            vector = new float[d];
            for (int i = 0; i < d; i++) {
                vector[i] = 10f * (wte[(int) answers.idA() * d + i] - wte[(int) answers.idB() * d + i]);
            }
        }
        vectorId = store.saveVector("A minus B", SITE, "test", vector, Map.of(), null);
    }

    @Test
    void unperturbedMetricsEqualThePlainRecomputation() throws Exception {
        Map<String, String> p = new HashMap<>();
        p.put("scales", "0,2");
        p.put("seeds", "2");
        p.put("bootstrap", "100");
        p.put("batchSize", Integer.toString(BATCH));
        p.put("target", "fixed:A");
        p.put("probeSite", SITE);
        p.put("steerCoefficient", "1");
        String id = new AnalysisRunner(store, AnalysisRegistry.fromPlatform()).run(new AnalysisRequest(
                PerturbationAnalysis.ID, p, Map.of("heldOut", "held-out", "vector", vectorId)), new NullProgressMonitor());
        AnalysisOutput.Table summary = new StoredResults(store).result(id).table("summary");
        double[] probe = summary.column("probeAccuracy").numbers();
        double[] steer = summary.column("steerEffect").numbers();

        List<PromptInfo> infos;
        try (var capture = store.openCapture("held-out")) {
            infos = capture.prompts();
        }
        List<AbPrompt> prompts = infos.stream().map(info -> {
            long[] ids = new long[info.tokenIds().length];
            for (int t = 0; t < ids.length; t++) {
                ids[t] = info.tokenIds()[t];
            }
            return new AbPrompt(ids, true);
        }).toList();
        List<long[]> tokens = prompts.stream().map(AbPrompt::tokens).toList();
        HookSite site = HookSite.parse(SITE);
        float[][] rows = new float[PROMPTS][];
        double plainEffect = 0;
        try (HookedTransformer demo = HookedTransformer.load(model)) {
            AnswerTokens answers = AnswerTokens.of(demo.tokenizer(), " A", " B");
            RunResult plain = demo.run(RunRequest.builder(tokens).batchSize(BATCH).capture(site)
                    .positions(Positions.last()).build());
            RunResult steered = demo.run(RunRequest.builder(tokens).batchSize(BATCH).plan(InterventionPlan.of("steer",
                    new AddVector(site, Positions.all(), vector, 1))).build());
            float[] before = SteeringSweep.metrics(plain, prompts, answers)[0];
            float[] after = SteeringSweep.metrics(steered, prompts, answers)[0];
            for (int i = 0; i < PROMPTS; i++) {
                rows[i] = plain.capture(site, i).row(0);
                plainEffect += ((double) after[i] - before[i]) / PROMPTS;
            }
        }
        assertEquals(plainEffect, steer[0], 1e-6, "steering effect without noise");
        assertTrue(plainEffect > 0.05, "the vector pushes towards A: " + plainEffect);

        int d = rows[0].length;
        String[] ids = new String[PROMPTS];
        String[] labels = new String[PROMPTS];
        String[] groups = new String[PROMPTS];
        float[] matrix = new float[PROMPTS * d];
        for (int i = 0; i < PROMPTS; i++) {
            ids[i] = "p" + i;
            labels[i] = infos.get(i).label("answer");
            groups[i] = infos.get(i).groupId();
            System.arraycopy(rows[i], 0, matrix, i * d, d);
        }
        InMemoryProbeData data = new InMemoryProbeData(1, 1, d, ids, labels, groups);
        data.setMatrix(0, 0, matrix);
        ProbeCell cell = ProbeAnalysis.run(data, ProbeConfig.defaults().withMethods(EnumSet.of(ProbeMethod.MASS_MEAN))
                .withSeed(1).withControlTask(false).withFoldRepeats(1)).cell(ProbeMethod.MASS_MEAN, 0, 0);
        assertEquals(cell.accuracy(), probe[0], 0, "the probe metric without noise is the probe's own accuracy");
        assertTrue(probe[0] > 0.9, "the answer is readable at the marker: " + probe[0]);
        assertTrue(probe[1] < probe[0] - 0.1, "noise of twice the weights' RMS degrades it: " + probe[1]);
        System.out.printf("demo, %s at the marker: probe accuracy %.3f -> %.3f [%.3f, %.3f] at 2 x RMS;"
                + " steering effect %.3f -> %.3f%n", SITE, probe[0], probe[1], summary.column("probeLow").numbers()[1],
                summary.column("probeHigh").numbers()[1], steer[0], steer[1]);
    }
}
