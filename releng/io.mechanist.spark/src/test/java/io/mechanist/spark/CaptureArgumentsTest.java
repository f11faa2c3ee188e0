package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.mechanist.capture.CaptureJob;

/**
 * The {@code capture} mode's command line: a checkpoint given as a Hadoop URI is what the executors load (the
 * driver loads its own copy), a local one is used as it is; {@code --staging} must be a Hadoop URI; a store given
 * as a Hadoop URI is written there ({@link RemoteStore}), without staging.
 */
class CaptureArgumentsTest {

    @Test
    void aHadoopCheckpointAndStagingBecomeTheExecutorsLocations() {
        SparkCaptureMain.CaptureArguments parsed = SparkCaptureMain.parse(List.of("--store", "/data/st", "--model",
                "hdfs://nn:8020/models/gpt2", "--dataset", "/data/p.jsonl", "--staging", "s3a://scratch/mechanist",
                "--shard-mb", "128", "--batch", "4"));

        assertEquals(new SparkCapture.Locations("hdfs://nn:8020/models/gpt2", "s3a://scratch/mechanist"),
                parsed.where());
        CaptureJob job = parsed.job(Path.of("/tmp/copy/gpt2"));
        assertEquals(Path.of("/tmp/copy/gpt2"), job.model());
        assertEquals(Path.of("/data/st"), job.store());
        assertEquals(128L << 20, job.shardBytes());
        assertEquals(4, job.batchSize());
    }

    @Test
    void aLocalCheckpointIsUsedAsItIs() {
        SparkCaptureMain.CaptureArguments parsed = SparkCaptureMain.parse(List.of("--store", "/shared/st", "--model",
                "/shared/gpt2", "--dataset", "/shared/p.jsonl"));

        assertNull(parsed.where().model());
        assertNull(parsed.where().staging());
        assertEquals("/shared/gpt2", parsed.model());
    }

    @Test
    void aStoreGivenAsAHadoopUriIsTheStoresLocationAndTakesNoStaging() {
        SparkCaptureMain.CaptureArguments parsed = SparkCaptureMain.parse(List.of("--store", "s3a://bucket/stores/cot",
                "--model", "/shared/gpt2", "--dataset", "/shared/p.jsonl"));

        assertEquals(new SparkCapture.Locations(null, null, "s3a://bucket/stores/cot"), parsed.where());
        assertEquals(new SparkCapture.Locations(null, null), SparkCaptureMain.parse(List.of("--store", "/shared/st",
                "--model", "/shared/gpt2", "--dataset", "/shared/p.jsonl")).where(), "a local store stays local");
        IllegalArgumentException staged = assertThrows(IllegalArgumentException.class, () -> SparkCaptureMain.parse(
                List.of("--store", "hdfs://nn/st", "--model", "m", "--dataset", "d", "--staging", "hdfs://nn/tmp")));
        assertTrue(staged.getMessage().startsWith("--staging is for a store on the driver's disk"),
                staged.getMessage());
    }

    @Test
    void aLocalStagingFolderAndBadOptionsAreRefused() {
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class, () -> SparkCaptureMain.parse(
                List.of("--store", "s", "--model", "m", "--dataset", "d", "--staging", "/tmp/staging")));
        assertTrue(local.getMessage().startsWith("--staging must be a Hadoop URI"), local.getMessage());
        assertThrows(IllegalArgumentException.class, () -> SparkCaptureMain.parse(
                List.of("--store", "s", "--model", "m", "--dataset", "d", "--dtype", "f8")));
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> SparkCaptureMain.parse(
                List.of("--store", "s", "--model", "m", "--dataset", "d", "--stagin", "file:/x")));
        assertTrue(unknown.getMessage().contains("--stagin"), unknown.getMessage());
    }
}
