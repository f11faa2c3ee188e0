package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonObject;

import io.mechanist.headless.Cli;
import io.mechanist.runtime.reference.ArchitectureFamily;

/**
 * {@code mechanist patch} end to end: pairs captured by the capture verb, patched on a tiny GPT-2, stored, printed
 * and written as CSV.
 */
class PatchCommandTest {

    private static final String[][] PAIRS = {
        {"the cat is big . so :", "the dog is big . so :"},
        {"the fox is red . so :", "the bird is red . so :"},
        {"a cat was very happy . so :", "a dog was very happy . so :"},
        {"the horse likes the river . so :", "the mouse likes the river . so :"},
    };

    @TempDir
    Path temp;

    @Test
    void patchesStoresAndWritesEveryCell() throws Exception {
        CliRunner.ensureRegistry();
        Path model = CliRunner.checkpoint(ArchitectureFamily.GPT2);
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PAIRS.length; i++) {
            for (int member = 0; member < 2; member++) {
                String answer = member == 0 ? "A" : "B";
                lines.add("{\"id\":\"p" + i + answer + "\",\"text\":\"" + PAIRS[i][member] + "\",\"labels\":"
                        + "{\"answer\":\"" + answer + "\"},\"pair\":\"p" + i + "\",\"answer_marker\":\":\"}");
            }
        }
        Path dataset = temp.resolve("pairs.jsonl");
        Files.write(dataset, lines);
        Path store = temp.resolve("store");
        CliRunner.Outcome capture = CliRunner.run("capture", "--store", store.toString(), "--model", model.toString(),
                "--dataset", dataset.toString(), "--sites", "blocks.0.resid_post", "--id", "pairs");
        assertEquals(Cli.OK, capture.code(), capture.err());

        Path csv = temp.resolve("grid.csv");
        CliRunner.Outcome patch = CliRunner.run("patch", "--store", store.toString(), "--pairs", "pairs",
                "--points", "resid_pre,blocks.0.attn.hook_z", "--directions", "denoising", "--token-a", "A",
                "--token-b", "B", "--resamples", "100", "--out", csv.toString(), "--json");
        assertEquals(Cli.OK, patch.code(), patch.err());
        JsonObject json = patch.json();
        assertTrue(json.get("result").getAsString().length() > 0);
        JsonObject strongest = json.getAsJsonObject("strongest");
        assertEquals(3, strongest.getAsJsonArray("denoising/resid_pre").size());
        assertEquals(3, strongest.getAsJsonArray("denoising/attn_z").size());
        assertEquals(3, strongest.getAsJsonArray("denoising/attn_z (attribution)").size());
        List<String> rows = Files.readAllLines(csv);
        assertEquals("method,grid,direction,point,layer,column,position,token,value,ciLow,ciHigh,n", rows.get(0));
        // activation and attribution x (2 layers x 8 positions (the longest pair) + 2 layers x 4 heads)
        assertEquals(1 + 2 * (2 * 8 + 2 * 4), rows.size());
        assertTrue(json.has("agreement"), patch.out());

        CliRunner.Outcome text = CliRunner.run("patch", "--store", store.toString(), "--pairs", "pairs",
                "--points", "resid_pre", "--directions", "noising", "--token-a", "A", "--token-b", "B",
                "--resamples", "50");
        assertEquals(Cli.OK, text.code(), text.err());
        assertTrue(text.out().contains("noising/resid_pre:"), text.out());
        CliRunner.Outcome bad = CliRunner.run("patch", "--store", store.toString(), "--pairs", "pairs",
                "--points", "attn_pattern", "--token-a", "A", "--token-b", "B");
        assertEquals(Cli.FAILED, bad.code());
        assertTrue(bad.err().contains("attn_pattern"), bad.err());
    }
}
