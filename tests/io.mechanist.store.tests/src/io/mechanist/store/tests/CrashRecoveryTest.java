package io.mechanist.store.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.MechanistPackage;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;

/** Kills a child JVM (SIGKILL) in the middle of a capture and checks what the store looks like afterwards. */
class CrashRecoveryTest {

    private static final List<String> SITES = CrashingCaptureWriter.SITES;
    private static final int WIDTH = CrashingCaptureWriter.WIDTH;

    @TempDir
    Path folder;

    @Test
    void killedCaptureLeavesEarlierCapturesIntactAndItselfIncomplete() throws Exception {
        try (ActivationStore store = StoreFixtures.newStore(folder, 400);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("before", SITES, WIDTH).shardBytes(4096))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, 400);
            writer.complete();
        }

        ProcessBuilder child = ChildJvm.command(CrashingCaptureWriter.class,
                List.of(CrashingCaptureWriter.class, ActivationStore.class, MechanistPackage.class, SafetensorsWriter.class,
                        ActivationSet.class, EObject.class, org.eclipse.emf.common.util.URI.class,
                        XMIResourceFactoryImpl.class, Gson.class, org.eclipse.core.runtime.IProgressMonitor.class),
                folder.toString(), "killed");
        Process process = child.start();
        List<String> output = new ArrayList<>();
        int committedPrompts = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            String line;
            int commits = 0;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("COMMITTED ")) {
                    committedPrompts = Integer.parseInt(line.substring(10));
                    if (++commits == 5) {
                        process.destroyForcibly(); // SIGKILL while it keeps writing
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        if (committedPrompts == 0) {
            fail("the child never committed a shard; its output:\n" + String.join("\n", output));
        }

        try (ActivationStore store = ActivationStore.open(folder)) {
            assertEquals(CaptureStatus.COMPLETE, store.read(s -> s.getCaptures().get(0).getStatus()));
            assertEquals(List.of("killed"), store.incompleteCaptures());
            try (ActivationSet before = store.openCapture("before")) {
                assertEquals(400, before.promptCount());
                assertEquals(StoreFixtures.value(1, 399, 2, 5), before.prompt(SITES.get(1), 399).get(2, 5));
            }
            int committed;
            try (ActivationSet killed = store.openCapture("killed")) {
                committed = killed.promptCount();
                assertTrue(committed >= committedPrompts, committed + " prompts readable, child reported " + committedPrompts);
                for (int p = 0; p < committed; p++) {
                    assertEquals(StoreFixtures.value(0, p, 1, 3), killed.prompt(SITES.get(0), p).get(1, 3));
                }
            }
            assertTrue(store.verify(null).isEmpty(), "every committed file passes its checksum");
            try (Stream<Path> files = Files.list(folder.resolve("captures/killed"))) {
                List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
                assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), "temporary files were cleaned: " + names);
                assertEquals((int) store.<Integer>read(s -> s.getCaptures().get(1).getShards().size()), names.size(),
                        "only committed shards remain: " + names);
            }
            // resumable: finish the interrupted capture
            try (CaptureWriter resumed = store.resumeCapture("killed")) {
                assertEquals(committed, resumed.nextPrompt());
                StoreFixtures.writePrompts(resumed, SITES, WIDTH, committed, resumed.promptCount());
                resumed.complete();
            }
            try (ActivationSet killed = store.openCapture("killed")) {
                assertEquals(400, killed.promptCount());
                assertEquals(StoreFixtures.value(1, 398, 0, 0), killed.prompt(SITES.get(1), 398).get(0, 0));
            }
        }
    }
}
