package io.mechanist.capture.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.Capturer;
import io.mechanist.core.datasets.DatasetFormatException;
import io.mechanist.runtime.reference.ArchitectureFamily;

/** Bad inputs fail before anything is written, with messages naming the file, line or site. */
class CaptureErrorTest {

    @TempDir
    Path temp;

    @Test
    void missingModelFolder() throws Exception {
        Path missing = temp.resolve("no-such-model");
        Exception e = assertThrows(IOException.class, () -> Capturer.capture(
                CaptureJob.builder(temp.resolve("store"), missing, CaptureFixtures.dataset(temp)).build(), null));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
        assertTrue(Files.notExists(temp.resolve("store")), "nothing written for a failed capture");
    }

    @Test
    void pickleOnlyFolderIsRefused() throws Exception {
        Path model = Files.createDirectories(temp.resolve("pickle"));
        Files.copy(CaptureFixtures.checkpoint(ArchitectureFamily.GPT2).resolve("config.json"), model.resolve("config.json"));
        Files.write(model.resolve("pytorch_model.bin"), new byte[] {(byte) 0x80, 2, 0x7d});
        Exception e = assertThrows(IOException.class, () -> Capturer.capture(
                CaptureJob.builder(temp.resolve("store"), model, CaptureFixtures.dataset(temp)).build(), null));
        assertTrue(e.getMessage().contains("pytorch_model.bin") && e.getMessage().contains("pickle"), e.getMessage());
        assertTrue(e.getMessage().contains("safetensors"), e.getMessage());
    }

    @Test
    void unknownSite() throws Exception {
        Path model = CaptureFixtures.checkpoint(ArchitectureFamily.GPT2);
        Path dataset = CaptureFixtures.dataset(temp);
        for (String bad : List.of("blocks.99.resid_post", "blocks.*.resid_psot", "nonsense")) {
            Exception e = assertThrows(IllegalArgumentException.class, () -> Capturer.capture(
                    CaptureJob.builder(temp.resolve("store"), model, dataset).sites(bad).build(), null));
            assertTrue(e.getMessage().contains(bad) && e.getMessage().contains("resid_post"), e.getMessage());
        }
    }

    @Test
    void datasetErrorNamesTheLine() throws Exception {
        Path dataset = temp.resolve("broken.jsonl");
        Files.write(dataset, List.of(CaptureFixtures.DATASET_LINES.get(3),
                "{\"id\":\"q\",\"text\":\"the cat :\",\"labels\":{\"answer\":\"A\"}, oops}"));
        DatasetFormatException e = assertThrows(DatasetFormatException.class, () -> Capturer.capture(
                CaptureJob.builder(temp.resolve("store"), CaptureFixtures.checkpoint(ArchitectureFamily.GPT2), dataset)
                        .build(), null));
        assertEquals(2, e.line());
        assertTrue(e.getMessage().contains(dataset.toString() + ":2:"), e.getMessage());
    }

    @Test
    void positionsThatDoNotParse() {
        Exception e = assertThrows(IllegalArgumentException.class, () -> CapturePositions.parse("first"));
        assertTrue(e.getMessage().contains("'first'") && e.getMessage().contains("START:END"), e.getMessage());
        assertEquals(CapturePositions.range(2, -1), CapturePositions.parse("2:-1"));
        assertEquals(CapturePositions.of(0, -1), CapturePositions.parse("0,-1"));
    }
}
