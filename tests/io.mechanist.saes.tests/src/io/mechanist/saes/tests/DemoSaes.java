package io.mechanist.saes.tests;

import java.io.IOException;
import java.nio.file.Path;

import org.eclipse.core.runtime.NullProgressMonitor;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.demo.EmbeddedDemo;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.saes.CaptureRows;
import io.mechanist.saes.SaeFolder;
import io.mechanist.saes.TopKTrainer;
import io.mechanist.store.ActivationStore;

/**
 * The demo model captured at every layer's resid_post on its training prompts ({@value #TRAIN}) and its held-out
 * prompts ({@value #TEST}), and a TopK SAE trained on {@value #LAYER}'s rows of the training capture.
 */
final class DemoSaes {
    static final String TRAIN = "demo-train";
    static final String TEST = "demo-test";
    static final int LAYER = 2;
    static final HookSite SITE = HookSite.of(HookPoint.RESID_POST, LAYER);

    final Path storeFolder;
    final Path saeFolder;
    final TopKTrainer.Result training;

    private DemoSaes(Path storeFolder, Path saeFolder, TopKTrainer.Result training) {
        this.storeFolder = storeFolder;
        this.saeFolder = saeFolder;
        this.training = training;
    }

    private static DemoSaes shared;

    /** One instance for every test class of this run (capturing and training take a while on two cores). */
    static synchronized DemoSaes shared() throws IOException {
        if (shared == null) {
            Path dir = java.nio.file.Files.createTempDirectory("demo-saes");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            shared = create(dir);
        }
        return shared;
    }

    private static void deleteTree(Path dir) {
        try (var paths = java.nio.file.Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temporary folder is harmless
        }
    }

    static DemoSaes create(Path dir) throws IOException {
        Path store = dir.resolve("store");
        Path model = EmbeddedDemo.modelFolder();
        Capturer.capture(CaptureJob.builder(store, model, EmbeddedDemo.dataset("train.jsonl"))
                .sites("blocks.*.resid_post").captureId(TRAIN).build(), new NullProgressMonitor());
        Capturer.capture(CaptureJob.builder(store, model, EmbeddedDemo.dataset(EmbeddedDemo.TEST_SET))
                .sites("blocks.*.resid_post").captureId(TEST).build(), new NullProgressMonitor());
        TopKTrainer.Result result;
        try (ActivationStore opened = ActivationStore.open(store); ActivationSet train = opened.openCapture(TRAIN)) {
            CaptureRows rows = CaptureRows.read(train, SITE.id(), Integer.MAX_VALUE);
            result = TopKTrainer.train(rows.values(), rows.width(), SITE, "mechanist-demo-gpt2",
                    TopKTrainer.Options.defaults(), null);
        }
        Path sae = dir.resolve("sae-" + SITE.id());
        SaeFolder.write(sae, result.sae(), result.logDensity(), null);
        return new DemoSaes(store, sae, result);
    }
}
