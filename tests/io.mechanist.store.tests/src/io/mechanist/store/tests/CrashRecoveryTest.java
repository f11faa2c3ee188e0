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
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.xmi.impl.XMIResourceFactoryImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.Gson;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.MechanistPackage;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.internal.ShardLayout;

/**
 * Crashes a child JVM in the middle of a capture, for real: it halts itself (Runtime.halt, no cleanup) at a chosen
 * step of the commit protocol, or the parent kills it with SIGKILL at a random moment while it writes without
 * pausing; prompt by prompt, or in batches whose rows go straight into their shard files. Afterwards the earlier
 * capture is intact, the killed one is INCOMPLETE with every committed prompt
 * readable, only Mechanist's temporaries were removed, and resuming it gives shards bit-identical to a capture
 * that was never interrupted.
 */
class CrashRecoveryTest {

    private static final List<String> SITES = CrashingCaptureWriter.SITES;
    private static final int WIDTH = CrashingCaptureWriter.WIDTH;
    private static final int PROMPTS = 60;
    private static final long SEED = Long.getLong("mechanist.crash.seed", System.nanoTime());

    @TempDir
    Path temp;
    private Path folder;
    private List<String> beforeDigests;
    private List<String> reference;

    @BeforeEach
    void storeWithACompleteCapture() throws IOException {
        folder = temp.resolve("store");
        try (ActivationStore store = StoreFixtures.newStore(folder, PROMPTS);
                CaptureWriter writer = store.beginCapture(StoreFixtures.spec("before", SITES, WIDTH).shardBytes(4096))) {
            StoreFixtures.writePrompts(writer, SITES, WIDTH, 0, PROMPTS);
            writer.complete();
            beforeDigests = StoreFixtures.shardDigests(store, "before");
        }
        reference = StoreFixtures.uninterruptedDigests(temp.resolve("reference"), PROMPTS, "killed", SITES, WIDTH,
                CrashingCaptureWriter.SHARD_BYTES);
    }

    private Process startChild(String mode, String... extra) throws IOException {
        List<String> args = new ArrayList<>(List.of(folder.toString(), "killed", mode));
        args.addAll(List.of(extra));
        return ChildJvm.command(CrashingCaptureWriter.class,
                List.of(CrashingCaptureWriter.class, ActivationStore.class, MechanistPackage.class, SafetensorsWriter.class,
                        ActivationSet.class, EObject.class, org.eclipse.emf.common.util.URI.class,
                        XMIResourceFactoryImpl.class, Gson.class, org.eclipse.core.runtime.IProgressMonitor.class),
                args.toArray(String[]::new)).start();
    }

    @ParameterizedTest
    @EnumSource(CommitPoint.class)
    void childHaltedAtAStepOfTheCommitProtocol(CommitPoint point) throws Exception {
        haltAt(point, "buffered");
    }

    @ParameterizedTest
    @EnumSource(CommitPoint.class)
    void childWritingBatchesInPlaceHaltedAtAStepOfTheCommitProtocol(CommitPoint point) throws Exception {
        haltAt(point, "streamed");
    }

    private void haltAt(CommitPoint point, String mode) throws Exception {
        int occurrence = 1 + new Random(SEED + point.ordinal()).nextInt(12);
        String where = mode + ", " + point + " #" + occurrence + " (seed " + SEED + ")";
        Process process = startChild(mode, point + ":" + occurrence);
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
            }
        } finally {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
        assertEquals(CrashingCaptureWriter.HALTED, process.exitValue(), where + ": the child halted there; its output:\n"
                + String.join("\n", output));
        checkRecovery(where, committedBefore(output));
    }

    @RepeatedTest(3)
    void childKilledAtARandomMomentWhileWriting(org.junit.jupiter.api.RepetitionInfo repetition) throws Exception {
        killAfterRandomCommits(repetition.getCurrentRepetition(), "buffered");
    }

    @RepeatedTest(3)
    void childWritingBatchesInPlaceKilledAtARandomMoment(org.junit.jupiter.api.RepetitionInfo repetition)
            throws Exception {
        killAfterRandomCommits(repetition.getCurrentRepetition() + 3, "streamed");
    }

    private void killAfterRandomCommits(int repetition, String mode) throws Exception {
        int commits = 1 + new Random(SEED * 31 + repetition).nextInt(10);
        String where = mode + ", SIGKILL after " + commits + " commits (seed " + SEED + ")";
        Process process = startChild(mode);
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            int seen = 0;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                if (line.startsWith("COMMITTED ") && ++seen == commits || line.equals("FINISHED")) {
                    process.destroyForcibly(); // SIGKILL while it keeps writing
                    break;
                }
            }
        } finally {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        checkRecovery(where, committedBefore(output));
    }

    /** The prompts the child reported committed. */
    private static int committedBefore(List<String> output) {
        return output.stream().filter(l -> l.startsWith("COMMITTED ")).mapToInt(l -> Integer.parseInt(l.substring(10)))
                .max().orElse(0);
    }

    private void checkRecovery(String where, int reported) throws IOException {
        try (ActivationStore store = ActivationStore.open(folder)) {
            assertEquals(beforeDigests, StoreFixtures.shardDigests(store, "before"), where + ": earlier capture intact");
            assertEquals(CaptureStatus.COMPLETE, store.read(s -> s.getCaptures().get(0).getStatus()));
            if (store.incompleteCaptures().isEmpty()) {
                // Halted while saving the capture's very first record (its registration): the capture never
                // existed, nothing was committed, and capturing it again gives the uninterrupted shards.
                assertEquals(0, reported, where + ": the child reported committed prompts");
                assertTrue(store.read(s -> s.getCaptures().stream().noneMatch(c -> c.getId().equals("killed"))), where);
                try (CaptureWriter again = store.beginCapture(StoreFixtures.spec("killed", SITES, WIDTH)
                        .shardBytes(CrashingCaptureWriter.SHARD_BYTES))) {
                    StoreFixtures.writePrompts(again, SITES, WIDTH, 0, PROMPTS);
                    again.complete();
                }
                assertEquals(reference, StoreFixtures.shardDigests(store, "killed"), where + ": captured again");
                assertTrue(store.verify(null).isEmpty(), where);
                return;
            }
            assertEquals(List.of("killed"), store.incompleteCaptures(), where);
            assertTrue(store.verify(null).isEmpty(), where + ": every committed file passes its checksum");
            List<String> committed = StoreFixtures.shardDigests(store, "killed");
            assertEquals(reference.subList(0, committed.size()), committed, where + ": committed shards as uninterrupted");
            int readable;
            try (ActivationSet killed = store.openCapture("killed")) {
                readable = killed.promptCount();
                assertTrue(readable >= reported, where + ": " + readable + " prompts readable, child reported " + reported);
                for (int p = 0; p < readable; p++) {
                    assertEquals(StoreFixtures.value(0, p, 1, 3), killed.prompt(SITES.get(0), p).get(1, 3), where);
                }
            }
            // a halt right after the capture's record was committed leaves no folder yet: resuming creates it
            Path killedFolder = folder.resolve("captures/killed");
            try (Stream<Path> files = Files.exists(killedFolder) ? Files.list(killedFolder) : Stream.empty()) {
                List<String> names = files.map(f -> f.getFileName().toString()).sorted().toList();
                assertTrue(names.stream().noneMatch(n -> n.endsWith(".tmp")), where + ": temporaries removed: " + names);
                List<String> recorded = committed.stream().map(d -> d.substring(0, d.indexOf(' '))).toList();
                List<String> leftover = names.stream().filter(n -> !recorded.contains(n)).toList();
                assertTrue(leftover.isEmpty() || leftover.equals(List.of(ShardLayout.shardFileName(recorded.size()))),
                        where + ": besides committed shards at most the interrupted commit's shard: " + names);
            }
            try (CaptureWriter resumed = store.resumeCapture("killed", CrashingCaptureWriter.SHARD_BYTES)) {
                assertEquals(readable, resumed.nextPrompt());
                StoreFixtures.writePrompts(resumed, SITES, WIDTH, readable, resumed.promptCount());
                resumed.complete();
            }
            assertEquals(reference, StoreFixtures.shardDigests(store, "killed"), where + ": resume is bit-identical");
            assertTrue(store.verify(null).isEmpty(), where);
        }
    }
}
