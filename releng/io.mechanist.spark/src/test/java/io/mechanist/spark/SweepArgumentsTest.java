package io.mechanist.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.steering.analysis.SweepAnalysis;

/** The {@code sweep} mode reads {@code mechanist steer}'s options into the same analysis parameters and inputs. */
class SweepArgumentsTest {

    @Test
    void steersOptionsBecomeTheAnalysisParameters() {
        SweepArguments sweep = SweepArguments.parse(List.of("--store", "/shared/st", "--model", "/shared/gpt2",
                "--held-out", "ab", "--contrast", "pairs", "--layers", "2,4", "--multipliers", "-1,0,1",
                "--token-a", " A", "--no-control", "--null-directions", "10", "--batch-size", "8",
                "--steer-positions", "last", "--prompts-per-task", "32"));
        AnalysisRequest request = sweep.request(null);

        assertEquals("/shared/st", sweep.store());
        assertEquals(32, sweep.promptsPerTask());
        assertEquals(SweepAnalysis.ID, request.analysisId());
        assertEquals(Map.of("heldOut", "ab", "contrast", "pairs"), request.inputs());
        assertEquals(Map.of("model", "/shared/gpt2", "layers", "2,4", "multipliers", "-1,0,1", "tokenA", "\\sA",
                "control", "false", "nullDirections", "10", "batchSize", "8", "steerPositions", "last"),
                request.parameters());
    }

    @Test
    void aHadoopUriModelIsTheRequestsModelAsGiven() {
        SweepArguments sweep = SweepArguments.parse(List.of("--store", "st", "--model", "hdfs://nn:8020/models/gpt2",
                "--held-out", "ab", "--contrast", "pairs"));

        assertEquals("hdfs://nn:8020/models/gpt2", sweep.request(null).parameters().get("model"),
                "the stored sweep records the URI, not the driver's temporary copy");
    }

    @Test
    void refusesAMissingOrDoubleVectorSourceAndUnknownOptions() {
        List<String> base = List.of("--store", "st", "--model", "m", "--held-out", "ab");
        assertEquals("give exactly one of --contrast, --vector, --vector-file",
                assertThrows(IllegalArgumentException.class, () -> SweepArguments.parse(base)).getMessage());
        assertEquals("give exactly one of --contrast, --vector, --vector-file", assertThrows(
                IllegalArgumentException.class, () -> SweepArguments.parse(concat(base, "--contrast", "c", "--vector", "v")))
                .getMessage());
        assertEquals("unknown option(s) [--layer]", assertThrows(IllegalArgumentException.class,
                () -> SweepArguments.parse(concat(base, "--vector", "v", "--layer", "2"))).getMessage());
        assertEquals("--prompts-per-task must be a positive whole number, was 0", assertThrows(
                IllegalArgumentException.class,
                () -> SweepArguments.parse(concat(base, "--vector", "v", "--prompts-per-task", "0"))).getMessage());
    }

    private static List<String> concat(List<String> base, String... more) {
        return java.util.stream.Stream.concat(base.stream(), java.util.Arrays.stream(more)).toList();
    }
}
