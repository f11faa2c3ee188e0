package io.mechanist.saes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.ReconstructionStats;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.analysis.SaeFitAnalysis;
import io.mechanist.saes.fit.FitCheck;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoredResults;
import io.mechanist.testing.TestRegistries;

/**
 * On the demo model: the TopK SAE trained in Java reconstructs held-out rows well; the fit check passes it at its
 * own layer and flags the same SAE labelled with the wrong layer (and names the layer it fits).
 */
class DemoFitTest {
    @TempDir
    static Path dir;
    static DemoSaes demo;
    static AnalysisRegistry registry;

    @BeforeAll
    static void setUp() throws Exception {
        demo = DemoSaes.shared();
        registry = TestRegistries.analyses("bundles/io.mechanist.core", "bundles/io.mechanist.saes");
    }

    @Test
    void trainedSaeReconstructsHeldOutRows() throws Exception {
        try (ActivationStore store = ActivationStore.open(demo.storeFolder);
                ActivationSet test = store.openCapture(DemoSaes.TEST)) {
            ReconstructionStats held = ReconstructionStats.measure(SaeFolder.load(demo.saeFolder).sae(),
                    CaptureRows.read(test, DemoSaes.SITE.id(), Integer.MAX_VALUE).values());
            System.out.printf("demo TopK SAE (d_sae 256, k 8) at %s: %d steps; train FVE %.4f, L0 %.2f, dead %.3f; "
                    + "held-out FVE %.4f, MSE %.5f, L0 %.2f, dead %.3f%n", DemoSaes.SITE.id(), demo.training.steps(),
                    demo.training.stats().explainedVariance(), demo.training.stats().meanL0(),
                    demo.training.stats().deadFraction(), held.explainedVariance(), held.mse(), held.meanL0(),
                    held.deadFraction());
            assertTrue(held.explainedVariance() > 0.8, "held-out FVE " + held.explainedVariance());
            assertTrue(held.meanL0() <= 8.0);
            assertTrue(demo.training.stats().deadFraction() < 0.25, "dead " + demo.training.stats().deadFraction());
        }
    }

    @Test
    void fitCheckPassesTheRightLayerAndFlagsTheWrongOne() throws Exception {
        FitCheck.Report right = runFit(demo.saeFolder);
        Path mislabelled = dir.resolve("mislabelled");
        Files.createDirectories(mislabelled);
        for (String file : new String[] {SaeFolder.WEIGHTS, SaeFolder.SPARSITY}) {
            Files.copy(demo.saeFolder.resolve(file), mislabelled.resolve(file));
        }
        String cfg = Files.readString(demo.saeFolder.resolve(SaeFolder.CONFIG), StandardCharsets.UTF_8);
        Files.writeString(mislabelled.resolve(SaeFolder.CONFIG),
                cfg.replace("blocks.2.hook_resid_post", "blocks.1.hook_resid_post"), StandardCharsets.UTF_8);
        FitCheck.Report wrong = runFit(mislabelled);
        Files.writeString(mislabelled.resolve(SaeFolder.CONFIG),
                cfg.replace("blocks.2.hook_resid_post", "blocks.0.hook_resid_post"), StandardCharsets.UTF_8);
        FitCheck.Report farOff = runFit(mislabelled);
        for (FitCheck.Report r : new FitCheck.Report[] {right, wrong, farOff}) {
            System.out.printf("fit at %s: verdict %s; FVE %.4f, L0 %.2f, dead %.3f, clean %.4f spliced %.4f ablated "
                    + "%.4f nats, recovered %.3f, KL %.4f; layers %s; findings %s%n", r.site().id(), r.verdict(),
                    r.stats().explainedVariance(), r.stats().meanL0(), r.stats().deadFraction(),
                    r.spliced().orElseThrow().cleanLoss(), r.spliced().orElseThrow().splicedLoss(),
                    r.spliced().orElseThrow().ablatedLoss(), r.spliced().orElseThrow().lossRecovered(),
                    r.spliced().orElseThrow().klDivergence(), r.layers(), r.findings());
        }
        assertEquals("fits", right.verdict(), () -> right.findings().toString());
        assertEquals("does not fit", wrong.verdict());
        assertTrue(wrong.findings().stream().anyMatch(f -> f.severity() == FitCheck.Severity.FAIL
                && f.text().contains("fits blocks.2.resid_post better")), () -> wrong.findings().toString());
        assertTrue(wrong.spliced().orElseThrow().klDivergence() > right.spliced().orElseThrow().klDivergence());
        assertEquals("does not fit", farOff.verdict());
        assertTrue(farOff.findings().stream().anyMatch(f -> f.severity() == FitCheck.Severity.FAIL
                && f.text().contains("explains 0.")), () -> farOff.findings().toString());
        assertTrue(right.spliced().orElseThrow().lossRecovered() > 0.5);
    }

    private static FitCheck.Report runFit(Path sae) throws Exception {
        try (ActivationStore store = ActivationStore.open(demo.storeFolder)) {
            SaeFitAnalysis analysis = new SaeFitAnalysis();
            String id = new AnalysisRunner(store, registry).run(registry.get(SaeFitAnalysis.ID), analysis,
                    new AnalysisRequest(SaeFitAnalysis.ID, Map.of("sae", sae.toString(), "splicePrompts", "16"),
                            Map.of("activations", DemoSaes.TEST)), new NullProgressMonitor());
            StoredResult stored = new StoredResults(store).result(id);
            AnalysisOutput.Table fit = stored.table("fit");
            assertEquals(analysis.lastReport().stats().explainedVariance(),
                    fit.column("value").numbers()[2], 1e-12, "the stored table holds the report's numbers");
            assertEquals(analysis.lastReport().verdict(), stored.notes().get("verdict"));
            return analysis.lastReport();
        }
    }
}
