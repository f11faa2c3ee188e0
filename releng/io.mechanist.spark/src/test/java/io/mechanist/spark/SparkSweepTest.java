package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.steering.AbPrompt;
import io.mechanist.steering.AnswerTokens;
import io.mechanist.steering.SteeringSweep;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.SweepConfig;
import io.mechanist.steering.SweepResult;

/**
 * A steering sweep of the demo model spread over Spark as (vector, layer, multiplier, prompt block) tasks equals
 * the same sweep run on one machine by {@link SteeringSweep}.
 */
class SparkSweepTest {

    @Test
    void sweepOnSparkEqualsTheSingleMachineSweep() throws IOException {
        List<DatasetRecord> records = DatasetParser.parse(SparkCaptureTest.DATASET).subList(0, 72);
        SweepConfig config = SweepConfig.of(List.of(1, 3), -2, 0, 1, 3).withBatchSize(8);
        Map<Integer, SteeringVector> vectors = new HashMap<>();
        SweepResult expected;
        List<AbPrompt> prompts = new ArrayList<>();
        AnswerTokens answers;
        try (HookedTransformer model = HookedTransformer.load(SparkCaptureTest.MODEL)) {
            answers = AnswerTokens.of(model.tokenizer(), " A", " B");
            for (DatasetRecord record : records) {
                prompts.add(new AbPrompt(model.tokenizer().encode(record.text()), "A".equals(record.labels().get("answer"))));
            }
            int width = model.spec().dModel();
            for (int layer : config.layers()) {
                vectors.put(layer, SteeringVectors.random(HookSite.of(HookPoint.RESID_POST, layer).id(), width, 1.0, 77 + layer));
            }
            expected = SteeringSweep.run(model, prompts, answers, vectors::get, config, null, null);
        }

        // 72 prompts in blocks of 16: five blocks, the last one short; 2 vectors x 2 layers x 3 multipliers x 5 tasks
        SweepResult actual = SparkSweep.run(LocalSpark.context(), SparkCaptureTest.MODEL.toString(), prompts, answers,
                vectors::get, config, 16, System.out::println, null, null);

        assertEquals(expected.promptCount(), actual.promptCount());
        for (int l = 0; l < config.layers().size(); l++) {
            assertEquals(expected.meanResidNorm()[l], actual.meanResidNorm()[l], 1e-9 * expected.meanResidNorm()[l]);
            for (int k = 0; k < 2; k++) {
                assertEquals(expected.vectorNorm()[k][l], actual.vectorNorm()[k][l], 0);
            }
        }
        assertClose(expected.baselineLogitDiff(), actual.baselineLogitDiff(), "baselineLogitDiff");
        assertClose(expected.probability(), actual.probability(), "probability");
        assertClose(expected.probabilityFull(), actual.probabilityFull(), "probabilityFull");
        assertClose(expected.logitDiff(), actual.logitDiff(), "logitDiff");
    }

    /** Same batches on both sides; only the residual norm's summation order differs (in the coefficient). */
    private static void assertClose(float[] expected, float[] actual, String name) {
        assertEquals(expected.length, actual.length, name);
        for (int i = 0; i < expected.length; i++) {
            if (Math.abs(expected[i] - actual[i]) > 1e-5 * Math.max(1, Math.abs(expected[i]))) {
                throw new AssertionError(name + "[" + i + "]: expected " + expected[i] + ", got " + actual[i]);
            }
        }
    }
}
