package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.ModelRef;
import io.mechanist.steering.ProbeCausalSweep;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.ShardBuilder;
import io.mechanist.store.internal.AtomicFiles;

/**
 * Captures whose checkpoint and shard staging are on Hadoop filesystems (docs/scale-out.md): Hadoop's local
 * filesystem ({@code file:}) and a filesystem of another scheme ({@link OtherSchemeFileSystem}), which java.nio
 * cannot open. The store on the driver's disk ends up as the single-machine capture of the same job, through
 * failed and lost task attempts and an interrupted job resumed; the staging folder is emptied; a pickled
 * checkpoint, an unknown staged name and a staged shard whose bytes changed are refused, naming the file.
 */
class HadoopCaptureTest {

    /** The demo checkpoint in three shards ({@link #writeSharded}) on the other filesystem. */
    static final String SHARDED = "othersfs:/models/demo-sharded";

    static JavaSparkContext spark;
    static Configuration hadoop;
    static Path otherRoot;

    @TempDir
    Path temp;

    @BeforeAll
    static void start(@TempDir Path root) throws IOException {
        spark = LocalSpark.context();
        hadoop = spark.hadoopConfiguration();
        otherRoot = root;
        OtherSchemeFileSystem.register(hadoop, otherRoot);
        // the demo checkpoint on the other filesystem, beside files a checkpoint copy must leave out
        Path model = Files.createDirectories(otherRoot.resolve("models/demo"));
        try (Stream<Path> files = Files.list(SparkCaptureTest.MODEL)) {
            for (Path file : files.toList()) {
                Files.copy(file, model.resolve(file.getFileName()));
            }
        }
        Files.writeString(model.resolve("README.md"), "not part of the model");
        Files.writeString(model.resolve(".hidden.safetensors"), "hidden files are not copied");
        Files.writeString(model.resolve("training_args.bin"), "a pickle beside safetensors weights is never copied");
        Files.createDirectories(model.resolve("original"));
        Files.createDirectories(otherRoot.resolve("staging"));
        writeSharded(otherRoot.resolve(SHARDED.substring("othersfs:/".length())));
    }

    @AfterEach
    void removeObserver() {
        AtomicFiles.observeSteps(null);
    }

    private static CaptureJob job(Path store, String model) throws IOException {
        CaptureJob shared = SparkCaptureTest.job(store).build();
        return new CaptureJob(shared.store(), HadoopCheckpoints.forDriver(model, hadoop).folder(), shared.dataset(), shared.sites(),
                shared.positions(), shared.batchSize(), shared.storage(), shared.padding(), shared.captureId(),
                shared.name(), shared.shardBytes());
    }

    @Test
    void checkpointAndStagingOnAnotherSchemeGiveTheSingleMachineCaptureThroughLostAttempts() throws IOException {
        String model = "othersfs:/models/demo";
        Path store = temp.resolve("store");
        // shard 5's first attempt fails after its first batch; shard 2's after staging its file, as if its
        // executor were lost then: its staged file is left behind and must not be committed
        SparkCapture.capture(spark, job(store, model), new SparkCapture.Locations(model, "othersfs:/staging"),
                System.out::println, new SparkCapture.Settings(0, new SparkCapture.Faults(5, 2)));

        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), store);
        assertEquals(List.of(), list(otherRoot.resolve("staging")), "the run's staging folder is deleted");
        assertEquals(List.of("config.json", "generation_config.json", "model.safetensors", "tokenizer.json",
                "tokenizer_config.json"), list(HadoopCheckpoints.local(model, hadoop)),
                "only the files that define the model are copied");
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            assertEquals(model, opened.read(s -> s.getCaptures().get(0).getProvenance().getParameters()
                    .get("model_folder")), "the provenance names the checkpoint as given, not the driver's copy");
        }
    }

    @Test
    void aStoppedJobStagingOnHadoopsLocalFileSystemResumes() throws IOException {
        String model = SparkCaptureTest.MODEL.toUri().toString(); // file:/...
        String staging = Files.createDirectories(temp.resolve("staging")).toUri().toString();
        Path store = temp.resolve("store");
        AtomicFiles.observeSteps((step, target) -> {
            if (step == AtomicFiles.Step.TEMPORARY_WRITTEN
                    && target.getFileName().toString().equals("shard-00004.safetensors")) {
                throw new IOException("injected: shard 4 cannot be written");
            }
        });
        SparkCapture.Locations where = new SparkCapture.Locations(model, staging);
        assertThrows(Exception.class, () -> SparkCapture.capture(spark, job(store, model), where, System.out::println));
        AtomicFiles.observeSteps(null);
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            opened.read(s -> {
                Capture capture = s.getCaptures().get(0);
                assertEquals(CaptureStatus.INCOMPLETE, capture.getStatus());
                assertEquals(4, capture.getShards().size(), "shards 0-3 are committed, nothing after the gap");
                return null;
            });
        }
        assertEquals(List.of(), list(temp.resolve("staging")), "a stopped run deletes its staging folder too");

        CaptureSummary summary = SparkCapture.capture(spark, job(store, model), where, System.out::println);

        assertTrue(summary.resumedFrom() > 0);
        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), store);
    }

    @Test
    void aPickledCheckpointIsRefusedNamingItsFile() throws IOException {
        Path pickled = Files.createDirectories(otherRoot.resolve("models/pickled"));
        Files.writeString(pickled.resolve("config.json"), "{}");
        Files.writeString(pickled.resolve("pytorch_model.bin"), "not to be unpickled");

        IOException refused = assertThrows(IOException.class,
                () -> HadoopCheckpoints.local("othersfs:/models/pickled", hadoop));

        assertTrue(refused.getMessage().startsWith("othersfs:/models/pickled/pytorch_model.bin: refusing to load a"
                + " pickle checkpoint"), refused.getMessage());
        IOException missing = assertThrows(IOException.class,
                () -> HadoopCheckpoints.local("othersfs:/models/none", hadoop));
        assertTrue(missing.getMessage().contains("othersfs:/models/none"), missing.getMessage());
        IOException driver = assertThrows(IOException.class,
                () -> HadoopCheckpoints.forDriver("othersfs:/models/pickled", hadoop));
        assertEquals(refused.getMessage(), driver.getMessage(), "the driver's copy refuses it the same way");
    }

    @Test
    void theDriversCopyKeepsToItsFolderWhateverTheIndexNames() throws IOException {
        Path sharded = otherRoot.resolve("models/demo-sharded");
        Path crafted = Files.createDirectories(otherRoot.resolve("models/crafted"));
        for (String file : list(sharded)) {
            Files.copy(sharded.resolve(file), crafted.resolve(file));
        }
        String index = Files.readString(crafted.resolve("model.safetensors.index.json"));
        String outside = "../../model-00003-of-00003.safetensors";
        String craftedIndex = index.replace("\"transformer.ln_f.weight\":\"model-00003-of-00003.safetensors\"",
                "\"transformer.ln_f.weight\":\"" + outside + "\"");
        assertTrue(!craftedIndex.equals(index), index);
        Files.writeString(crafted.resolve("model.safetensors.index.json"), craftedIndex);

        Path copy = HadoopCheckpoints.forDriver("othersfs:/models/crafted", hadoop).folder();

        assertTrue(Files.notExists(copy.resolve(outside).normalize()), "nothing is written where the index points");
        assertEquals(List.of("config.json", "generation_config.json", "model-00003-of-00003.safetensors",
                "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json"), list(copy));
        try (SafetensorsFile kept = SafetensorsFile.open(copy.resolve("model-00003-of-00003.safetensors"))) {
            assertEquals(java.util.Set.of("transformer.ln_f.weight", "transformer.ln_f.bias"),
                    java.util.Set.copyOf(kept.tensorNames()), "the norm's tensors come from the shard that holds"
                            + " them (found through the bias), by its own header, never from where the index points");
        }
    }

    @Test
    void theDriverCommitsOnlyTheNextShardAsTheExecutorWroteIt() throws IOException {
        String runFolder = HadoopStaging.createRunFolder("othersfs:/staging", "demo", hadoop);
        try (Capturer.Session session = Capturer.open(SparkCaptureTest.job(temp.resolve("store")).build(), w -> { },
                null)) {
            CaptureWriter writer = session.writer();
            ShardBuilder.Staged first = HadoopStaging.stage(CommitStagedTest.fill(session, 0, 3), 0, runFolder, hadoop);
            Path remote = otherRoot.resolve(runFolder.substring("othersfs:/".length())).resolve(first.temporaryName());
            assertTrue(Files.isRegularFile(remote), "staged through the other scheme at " + remote);

            IllegalArgumentException notOurs = assertThrows(IllegalArgumentException.class, () -> HadoopStaging.commit(
                    writer, new ShardBuilder.Staged("../" + first.temporaryName(), first.size(), first.sha256(), 0, 3,
                            first.rowCount()), runFolder, hadoop));
            assertTrue(notOurs.getMessage().contains("is not a staged name of shard-00000.safetensors"),
                    notOurs.getMessage());
            byte[] bytes = Files.readAllBytes(remote);
            bytes[bytes.length - 1] ^= 1;
            Files.write(remote, bytes);
            IOException changed = assertThrows(IOException.class, () -> HadoopStaging.commit(writer, first, runFolder,
                    hadoop));
            assertTrue(changed.getMessage().startsWith(runFolder + "/" + first.temporaryName() + ": staged shard reads"
                    + " as"), changed.getMessage());
            assertEquals(0, writer.nextPrompt(), "nothing committed");
            assertEquals(List.of(), list(writer.captureFolder()), "no copy left in the capture folder");

            bytes[bytes.length - 1] ^= 1;
            Files.write(remote, bytes);
            HadoopStaging.commit(writer, first, runFolder, hadoop);
            assertEquals(3, writer.nextPrompt());
            assertEquals(List.of("shard-00000.safetensors"), list(writer.captureFolder()));
            assertTrue(Files.notExists(remote), "the staged file is deleted once committed");
        } finally {
            assertTrue(HadoopStaging.deleteRunFolder(runFolder, hadoop));
        }
    }

    @Test
    void theDriverKeepsOnlyTheFinalNormOfTheWeightsAndRegistersTheWholeCheckpoint() throws IOException {
        String model = SHARDED;
        Path reference = temp.resolve("single-machine");
        // the same folder, read as a local one
        Capturer.capture(SparkCaptureTest.job(reference, otherRoot.resolve("models/demo-sharded")).build(), null);
        Path store = temp.resolve("store");

        SparkCapture.capture(spark, job(store, model), new SparkCapture.Locations(model, null), System.out::println);

        Path driverCopy = HadoopCheckpoints.forDriver(model, hadoop).folder();
        assertEquals(List.of("config.json", "generation_config.json", "model-00003-of-00003.safetensors",
                "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json"), list(driverCopy),
                "the driver's copy has no weight shard but the final norm's");
        assertHoldsTheFinalNormOnly(driverCopy.resolve("model-00003-of-00003.safetensors"));
        SparkCaptureTest.assertSameCapture(reference, store);
        assertEquals(modelEntry(reference), modelEntry(store), "the same model entry: files, hashes, weight dtype");
    }

    @Test
    void aCaptureRecordsTheUriAsItsModelsFolderAndResolvingItSaysToGiveALocalFolder() throws IOException {
        String model = "othersfs:/models/demo";
        Path store = temp.resolve("store");
        SparkCapture.capture(spark, job(store, model), new SparkCapture.Locations(model, null), System.out::println);

        Path driverCopy = HadoopCheckpoints.forDriver(model, hadoop).folder();
        assertEquals(List.of("config.json", "generation_config.json", "model.safetensors", "tokenizer.json",
                "tokenizer_config.json"), list(driverCopy));
        assertHoldsTheFinalNormOnly(driverCopy.resolve("model.safetensors"));
        try (ActivationStore opened = ActivationStore.open(store)) {
            assertEquals(model, opened.read(s -> s.getModels().get(0).getFolder()),
                    "the model entry names the checkpoint as given, not the driver's temporary copy");
            try (ActivationSet capture = opened.openCapture("demo")) {
                assertEquals(400, capture.promptCount(), "the capture itself opens as any other");
                // what mechanist steer, patch, sae fit and the steering view resolve the capture's model with
                IllegalArgumentException unresolved = assertThrows(IllegalArgumentException.class,
                        capture::modelFolder);
                assertEquals("the model of capture 'demo' was read from othersfs:/models/demo (a Spark capture of a"
                        + " checkpoint on a Hadoop filesystem), which Mechanist does not load from: copy the"
                        + " checkpoint to a local folder and pass it with --model (the parameter 'model')",
                        unresolved.getMessage());
            }
            IOException steer = assertThrows(IOException.class, () -> ProbeCausalSweep.modelFolder(opened, "demo"));
            assertTrue(steer.getMessage().contains("othersfs:/models/demo") && steer.getMessage().contains("--model"),
                    steer.getMessage());
        }
    }

    @Test
    void aSweepOfAHadoopCheckpointEqualsTheSingleMachineSweepAndRecordsTheUri() throws Exception {
        try (ActivationStore store = ActivationStore.open(SparkStoredSweepTest.demoStore(temp))) {
            AnalysisRegistry registry = SparkSweep.analyses();
            String single = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), new SweepAnalysis(),
                    SparkStoredSweepTest.request(SparkCaptureTest.MODEL), null);
            AnalysisRequest local = SparkStoredSweepTest.request(SparkCaptureTest.MODEL);
            Map<String, String> parameters = new LinkedHashMap<>(local.parameters());
            parameters.put("model", SHARDED);
            SparkSweep.Stored spark = SparkSweep.store(HadoopCaptureTest.spark, store,
                    new AnalysisRequest(local.analysisId(), parameters, local.inputs()), SHARDED, 16,
                    System.out::println, null);

            SparkStoredSweepTest.assertSameResult(store, single, spark.resultId(), SHARDED);
            assertEquals(List.of("config.json", "generation_config.json", "model-00003-of-00003.safetensors",
                    "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json"),
                    list(HadoopCheckpoints.forDriver(SHARDED, hadoop).folder()),
                    "the driver's copy has no weight shard but the final norm's");
        }
    }

    /** {@code file} holds the demo's final norm, weight and bias, as the demo checkpoint has them, and nothing else. */
    private static void assertHoldsTheFinalNormOnly(Path file) throws IOException {
        try (SafetensorsFile kept = SafetensorsFile.open(file);
                SafetensorsFile whole = SafetensorsFile.open(SparkCaptureTest.MODEL.resolve("model.safetensors"))) {
            assertEquals(java.util.Set.of("transformer.ln_f.weight", "transformer.ln_f.bias"),
                    java.util.Set.copyOf(kept.tensorNames()), file.toString());
            for (String name : kept.tensorNames()) {
                assertEquals(whole.info(name).dtype(), kept.info(name).dtype(), name);
                assertArrayEquals(whole.info(name).shape(), kept.info(name).shape(), name);
                assertArrayEquals(whole.readFloats(name), kept.readFloats(name), name);
            }
        }
    }

    /** The demo checkpoint in three shards with an index, the final norm alone in the last, as the Hub has them. */
    static void writeSharded(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (String file : List.of("config.json", "generation_config.json", "tokenizer.json", "tokenizer_config.json")) {
            Files.copy(SparkCaptureTest.MODEL.resolve(file), folder.resolve(file));
        }
        try (SafetensorsFile whole = SafetensorsFile.open(SparkCaptureTest.MODEL.resolve("model.safetensors"))) {
            List<String> norm = whole.tensorNames().stream().filter(n -> n.contains("ln_f")).toList();
            List<String> rest = whole.tensorNames().stream().filter(n -> !norm.contains(n)).toList();
            List<List<String>> shards = List.of(rest.subList(0, rest.size() / 2),
                    rest.subList(rest.size() / 2, rest.size()), norm);
            com.google.gson.JsonObject weightMap = new com.google.gson.JsonObject();
            for (int i = 0; i < shards.size(); i++) {
                String file = String.format("model-%05d-of-%05d.safetensors", i + 1, shards.size());
                SafetensorsWriter writer = new SafetensorsWriter();
                for (String name : shards.get(i)) {
                    TensorInfo info = whole.info(name);
                    writer.addRaw(name, info.dtype(), info.shape(), whole.buffer(name));
                    weightMap.addProperty(name, file);
                }
                writer.write(folder.resolve(file));
            }
            com.google.gson.JsonObject index = new com.google.gson.JsonObject();
            index.add("metadata", new com.google.gson.JsonObject());
            index.add("weight_map", weightMap);
            Files.writeString(folder.resolve("model.safetensors.index.json"), index.toString());
        }
    }

    /** The store's one model entry: id, name, weight dtype, and its files' paths, sizes and hashes. */
    private static List<String> modelEntry(Path store) throws IOException {
        try (ActivationStore opened = ActivationStore.openReadOnly(store)) {
            return opened.read(s -> {
                assertEquals(1, s.getModels().size());
                ModelRef model = s.getModels().get(0);
                List<String> entry = new java.util.ArrayList<>(List.of(model.getId(), model.getName(),
                        model.getWeightDtype()));
                model.getFiles().forEach(f -> entry.add(f.getPath() + " " + f.getSize() + " " + f.getSha256()));
                return entry;
            });
        }
    }

    private static List<String> list(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
