package io.mechanist.runtime.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.Family;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.generate.GenerationRequest;
import io.mechanist.runtime.generate.GenerationSettings;
import io.mechanist.runtime.intervention.Ablate;
import io.mechanist.runtime.intervention.AddVector;
import io.mechanist.runtime.intervention.InterventionPlan;
import io.mechanist.runtime.intervention.Positions;

/** Nothing but the weights outlives a forward pass: the model's native array count stays flat. */
class MemoryTest {

    @Test
    void manyPassesLeaveNoArraysBehind() throws Exception {
        try (HookedTransformer model = HookedTransformer.load(Fixtures.checkpoint(Family.GEMMA3_TEXT))) {
            List<long[]> prompts = BatchingTest.prompts(Family.GEMMA3_TEXT);
            float[] steer = InterventionTest.randomVector(model.spec().dModel(), 4);
            InterventionPlan plan = InterventionPlan.of("p",
                    new AddVector(HookSite.of(HookPoint.RESID_PRE, 1), Positions.all(), steer, 1),
                    Ablate.zero(HookSite.of(HookPoint.MLP_OUT, 0), Positions.of(-1)));
            RunRequest request = RunRequest.builder(prompts).batchSize(3).padding(io.mechanist.runtime.Padding.LEFT)
                    .capture(model.hookSites()).plan(plan).build();
            model.run(request);
            int baseline = model.liveArrayCount();
            for (int i = 0; i < 100; i++) {
                model.run(request);
            }
            assertEquals(baseline, model.liveArrayCount(), "arrays left behind by forward passes");
            for (int i = 0; i < 5; i++) {
                model.generate(GenerationRequest.of(prompts.get(1), GenerationSettings.sampling(6, 1, 0.9, i)
                        .withStopTokens()).withPlan(plan));
            }
            assertEquals(baseline, model.liveArrayCount(), "arrays left behind by generation");
        }
    }
}
