package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.runtime.HookedTransformer;

/**
 * The Spark capture's driver prepares and commits a capture from the checkpoint's shape and tokenizer, without
 * loading its weights: its shape equals the loaded model's, and a capture whose driver checkpoint lacks a weight
 * the model needs (so it cannot be loaded) still runs on executors that load the complete one.
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

        Path store = temp.resolve("store");
        CaptureJob shared = SparkCaptureTest.job(store).build();
        CaptureJob job = new CaptureJob(store, driverModel, shared.dataset(), shared.sites(), shared.positions(),
                shared.batchSize(), shared.storage(), shared.padding(), shared.captureId(), shared.name(),
                shared.shardBytes());
        SparkCapture.capture(LocalSpark.context(), job,
                new SparkCapture.Locations(SparkCaptureTest.MODEL.toString(), null), System.out::println);

        SparkCaptureTest.assertSameCapture(SparkCaptureTest.reference(), store);
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
