package io.mechanist.ui.steering.tests;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.RunResult;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * A real sweep on the embedded demo model: per-layer Contrastive Activation Addition vectors (mean over the shipped
 * contrast pairs of answer-A member minus answer-B member, at the last prompt token of resid_post), evaluated on
 * held-out prompts with answer A as the target (the pairs differ only in which option holds the answer).
 */
final class DemoSweep {
    static final double[] MULTIPLIERS = { -1, -0.5, -0.25, 0, 0.25, 0.5, 1 };
    static final int HELD_OUT = 60;

    final Path model;
    final SweepResult result;
    final Map<Integer, SteeringVector> vectors;

    private DemoSweep(Path model, SweepResult result, Map<Integer, SteeringVector> vectors) {
        this.model = model;
        this.result = result;
        this.vectors = vectors;
    }

    static DemoSweep run() throws IOException {
        Path folder = EmbeddedDemo.modelFolder();
        try (HookedTransformer model = HookedTransformer.load(folder)) {
            int layers = model.spec().layerCount();
            List<HookSite> sites = new ArrayList<>();
            for (int l = 0; l < layers; l++) {
                sites.add(HookSite.of(HookPoint.RESID_POST, l));
            }
            Map<String, DatasetRecord[]> pairs = new LinkedHashMap<>();
            for (DatasetRecord r : DatasetParser.parse(EmbeddedDemo.dataset(EmbeddedDemo.CONTRAST_PAIRS))) {
                pairs.computeIfAbsent(r.pair(), k -> new DatasetRecord[2])[r.answer().equals("A") ? 0 : 1] = r;
            }
            List<long[]> tokens = new ArrayList<>();
            for (DatasetRecord[] pair : pairs.values()) {
                tokens.add(model.tokenizer().encode(pair[0].text()));
                tokens.add(model.tokenizer().encode(pair[1].text()));
            }
            RunResult run = model.run(RunRequest.builder(tokens).capture(sites).batchSize(32).build());
            int width = model.spec().dModel();
            Map<Integer, SteeringVector> vectors = new LinkedHashMap<>();
            for (int l = 0; l < layers; l++) {
                double[] sum = new double[width];
                for (int p = 0; p < tokens.size(); p += 2) {
                    float[] a = run.capture(sites.get(l), p).rowAt(tokens.get(p).length - 1);
                    float[] b = run.capture(sites.get(l), p + 1).rowAt(tokens.get(p + 1).length - 1);
                    for (int j = 0; j < width; j++) {
                        sum[j] += (double) a[j] - b[j];
                    }
                }
                float[] mean = new float[width];
                for (int j = 0; j < width; j++) {
                    mean[j] = (float) (sum[j] / pairs.size());
                }
                vectors.put(l, new SteeringVector(sites.get(l).id(), "mean-difference", mean,
                        Map.of("pairCount", Integer.toString(pairs.size()), "target", "A")));
            }
            List<AbPrompt> prompts = new ArrayList<>();
            for (DatasetRecord r : DatasetParser.parse(EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET))) {
                if (prompts.size() == HELD_OUT) {
                    break;
                }
                prompts.add(new AbPrompt(model.tokenizer().encode(r.text()), true));
            }
            List<Integer> swept = new ArrayList<>(vectors.keySet());
            SweepResult result = SteeringSweep.run(model, prompts, AnswerTokens.of(model.tokenizer(), " A", " B"),
                    vectors::get, SweepConfig.of(swept, MULTIPLIERS), null, null);
            return new DemoSweep(folder, result, vectors);
        }
    }
}
