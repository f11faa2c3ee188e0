package io.mechanist.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.ui.results.ResultCsv;
import io.mechanist.ui.workflow.NewStoreDialog;

/** The Result view's CSV export and New Store's folder rule, without the GUI. */
class ResultCsvTest {

    @TempDir
    Path dir;

    @Test
    void aTableIsWrittenAsStoredWithQuotedTextsAndFullPrecision() throws Exception {
        AnalysisOutput.Table table = new AnalysisOutput().table("t", AnalysisOutput.texts("name", "a,b", "say \"hi\""),
                AnalysisOutput.numbers("value", "", 0.1 + 0.2, Double.NaN), AnalysisOutput.numbers("n", "", 3, -4))
                .tables().get(0);
        Path file = dir.resolve("t.csv");
        ResultCsv.write(table, file);
        assertEquals(List.of("name,value,n", "\"a,b\",0.30000000000000004,3", "\"say \"\"hi\"\"\",NaN,-4"),
                Files.readAllLines(file));
    }

    @Test
    void anArrayIsWrittenInLongFormWithItsIndexOnEveryAxis() throws Exception {
        int[] shape = {2, 3, 4};
        float[] values = new float[24];
        for (int i = 0; i < values.length; i++) {
            values[i] = i * 0.5f - 3;
        }
        AnalysisOutput.ArrayData array = new AnalysisOutput().array("a", List.of("method", "layer", "position"), shape,
                values).arrays().get(0);
        Path file = dir.resolve("a.csv");
        ResultCsv.write(array, file);
        List<String> lines = Files.readAllLines(file);
        assertEquals("method,layer,position,a", lines.get(0));
        assertEquals(25, lines.size());
        for (int m = 0; m < 2; m++) {
            for (int l = 0; l < 3; l++) {
                for (int p = 0; p < 4; p++) {
                    String[] cells = lines.get(1 + (m * 3 + l) * 4 + p).split(",");
                    assertEquals(List.of(Integer.toString(m), Integer.toString(l), Integer.toString(p)),
                            List.of(cells[0], cells[1], cells[2]));
                    assertEquals(values[(m * 3 + l) * 4 + p], Float.parseFloat(cells[3]), 0f);
                }
            }
        }
    }

    /** Table cells show six significant digits; the CSV of the same column keeps every digit. */
    @Test
    void cellsAreRoundedAndTheCsvKeepsFullPrecision() throws Exception {
        assertEquals("0.123457", io.mechanist.ui.results.ResultView.display(0.1234567891234));
        assertEquals("3", io.mechanist.ui.results.ResultView.display(3.0));
        assertEquals("-0.5", io.mechanist.ui.results.ResultView.display(-0.5));
        assertEquals("1.23457e-7", io.mechanist.ui.results.ResultView.display(1.234567891e-7));
        assertEquals("1.23457e+7", io.mechanist.ui.results.ResultView.display(12345678.91));
        assertEquals("NaN", io.mechanist.ui.results.ResultView.display(Double.NaN));
        double precise = 0.1234567891234;
        AnalysisOutput.Table table = new AnalysisOutput.Table("t",
                List.of(AnalysisOutput.numbers("x", "", new double[] {precise})));
        Path file = dir.resolve("precise.csv");
        ResultCsv.write(table, file);
        assertEquals(precise, Double.parseDouble(Files.readAllLines(file).get(1)), 0.0);
    }

    @Test
    void aNewStoreNeedsAnEmptyOrMissingFolder() throws Exception {
        assertNull(NewStoreDialog.problem(dir.resolve("new")));
        assertNull(NewStoreDialog.problem(Files.createDirectories(dir.resolve("empty"))));
        Path busy = Files.createDirectories(dir.resolve("busy"));
        Files.writeString(busy.resolve("x.txt"), "x");
        assertTrue(NewStoreDialog.problem(busy).contains("is not empty and holds no store"));
        Path store = Files.createDirectories(dir.resolve("store"));
        Files.writeString(store.resolve("store.xmi"), "<xmi/>");
        assertTrue(NewStoreDialog.problem(store).contains("already holds a store"));
        assertTrue(NewStoreDialog.problem(busy.resolve("x.txt")).contains("is a file"));
    }
}
