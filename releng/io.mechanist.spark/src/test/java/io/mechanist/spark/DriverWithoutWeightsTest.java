package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.steering.SteeringVectorFiles;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;

/**
 * The Spark capture's and sweep's driver prepares the work from the checkpoint's shape and tokenizer, without
 * loading its weights: its shape equals the loaded model's, and a capture or a sweep whose driver checkpoint lacks a
 * weight the model needs (so it cannot be loaded) still runs on executors that load the complete one, with the same
 * result as on one machine.
 */
class DriverWithoutWeightsTest {

    @TempDir
    Path temp;

    @Test
    void theDriversShapeIsTheLoadedModels() throws IOException {
        try (DriverCheckpoint driver = DriverCheckpoint.read(SparkCaptureTest.MODEL);
                HookedTransformer model = HookedTransformer.load(SparkCaptureTest.MODEL)) {
            assertEquals(model.spec(), driver.spec());
            assertEquals(model.hookSites(), driver.hookSites());
            for (HookSite site : model.hookSites()) {
                assertArrayEquals(model.rowShape(site.point(), 7), driver.rowShape(site.point(), 7), site.id());
            }
            String text = "The answer is (A), not (B).";
            assertArrayEquals(model.tokenizer().encode(text), driver.tokenizer().encode(text));
        }
    }

    @Test
    void aDriverThatCannotLoadTheWeightsStillCapturesThroughTheExecutors() throws IOException {
        Path driverModel = unloadableCopy();
        Path store = temp.resolve("store");
        CaptureJob shared = SparkCaptureTest.job(store).build();
        CaptureJob job = new CaptureJob(store, driverModel, shared.dataset(), shared.sites(), shared.positions(),
                shared.batchSize(), shared.storage(), shared.padding(), shared.captureId(), shared.name(),
                shared.shardBytes());
        SparkCapture.capture(LocalSpark.context(), job,
                new SparkCapture.Locations(SparkCaptureTest.MODEL.toString(), null), System.out::println);

        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), store);
    }

    @Test
    void aSweepDriverThatCannotLoadTheWeightsStillSweepsThroughTheExecutors() throws Exception {
        Path driverModel = unloadableCopy();
        try (ActivationStore store = ActivationStore.open(SparkStoredSweepTest.demoStore(temp))) {
            AnalysisRegistry registry = SparkSweep.analyses();
            String single = new AnalysisRunner(store, registry).run(registry.get(SweepAnalysis.ID), new SweepAnalysis(),
                    SparkStoredSweepTest.request(SparkCaptureTest.MODEL), null);
            SparkSweep.Stored spark = SparkSweep.store(LocalSpark.context(), store,
                    SparkStoredSweepTest.request(driverModel), SparkCaptureTest.MODEL.toString(), 16,
                    System.out::println, null);

            SparkStoredSweepTest.assertSameResult(store, single, spark.resultId(), driverModel.toString());
        }
    }

    /**
     * What the single-machine sweep refuses with the loaded model, a Spark sweep's driver refuses from the shape
     * alone, with the same message: a layer out of range, an answer that is two tokens, a vector whose width is not
     * d_model (without the driver's check, the executors would fail on it instead).
     */
    @Test
    void aSweepDriverChecksTheSweepAgainstTheShapeAsTheLoadedModelDoes() throws Exception {
        Path driverModel = unloadableCopy();
        try (ActivationStore store = ActivationStore.open(SparkStoredSweepTest.demoStore(temp))) {
            String wide = SteeringVectorFiles.save(store, "too wide",
                    SteeringVectors.random("blocks.1.resid_post", 65, 1.0, 5));
            Map<String, UnaryOperator<AnalysisRequest>> refused = new LinkedHashMap<>();
            refused.put("layer 9 is out of range: the model has layers 0..3", r -> with(r, "layers", "9"));
            refused.put("answer text ' A B' is 2 tokens", r -> with(r, "tokenA", "\\sA\\sB"));
            refused.put("steering vector for layer 1 has width 65 but d_model is 64",
                    r -> new AnalysisRequest(r.analysisId(), with(r, "layers", "1").parameters(),
                            Map.of("heldOut", "held-out", "vector", wide)));
            AnalysisRegistry registry = SparkSweep.analyses();
            for (var bad : refused.entrySet()) {
                AnalysisException local = assertThrows(AnalysisException.class, () -> new AnalysisRunner(store,
                        registry).run(registry.get(SweepAnalysis.ID), new SweepAnalysis(),
                                bad.getValue().apply(SparkStoredSweepTest.request(SparkCaptureTest.MODEL)), null));
                assertTrue(local.getMessage().startsWith(bad.getKey()), local.getMessage());
                AnalysisException driver = assertThrows(AnalysisException.class, () -> SparkSweep.store(
                        LocalSpark.context(), store, bad.getValue().apply(SparkStoredSweepTest.request(driverModel)),
                        SparkCaptureTest.MODEL.toString(), 16, System.out::println, null));
                assertEquals(local.getMessage(), driver.getMessage());
            }
            assertEquals(0, (int) store.read(s -> s.getResults().size()), "no result is stored");
        }
    }

    private static AnalysisRequest with(AnalysisRequest request, String parameter, String value) {
        Map<String, String> parameters = new LinkedHashMap<>(request.parameters());
        parameters.put(parameter, value);
        return new AnalysisRequest(request.analysisId(), parameters, request.inputs());
    }

    /**
     * A copy of the demo checkpoint without one weight of block 0, which {@link HookedTransformer#load} refuses
     * naming the weight; its config and tokenizer are the demo's.
     */
    private Path unloadableCopy() throws IOException {
        Path driverModel = Files.createDirectories(temp.resolve("driver-model"));
        try (Stream<Path> files = Files.list(SparkCaptureTest.MODEL)) {
            for (Path file : files.toList()) {
                if (!file.getFileName().toString().equals("model.safetensors")) {
                    Files.copy(file, driverModel.resolve(file.getFileName()));
                }
            }
        }
        String removed = withoutOneBlockWeight(SparkCaptureTest.MODEL.resolve("model.safetensors"),
                driverModel.resolve("model.safetensors"));
        IOException unloadable = assertThrows(IOException.class, () -> HookedTransformer.load(driverModel).close());
        assertTrue(unloadable.getMessage().contains(removed), unloadable.getMessage());
        return driverModel;
    }

    /** Copies a safetensors file leaving out one weight of block 0; returns its name. */
    private static String withoutOneBlockWeight(Path from, Path to) throws IOException {
        try (SafetensorsFile source = SafetensorsFile.open(from)) {
            String removed = source.tensorNames().stream().filter(n -> n.contains(".0.") && n.endsWith("weight"))
                    .findFirst().orElseThrow();
            SafetensorsWriter copy = new SafetensorsWriter();
            source.metadata().forEach(copy::metadata);
            for (String name : source.tensorNames()) {
                if (!name.equals(removed)) {
                    TensorInfo info = source.info(name);
                    copy.addRaw(name, info.dtype(), info.shape(), source.buffer(name));
                }
            }
            copy.write(to);
            return removed;
        }
    }
}
