package io.mechanist.patching;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.core.analysis.StoredResultReader;

/**
 * A stored patching result read back for views and exports: each grid's cells (value, interval, n) and every pair's
 * value of a cell, without EMF.
 *
 * @param grids activation patching grids first, then attribution patching
 * @param pairIds the pair ids, in the order of the per-pair values
 * @param differences per pair, where its prompts differ ({@code -17 26/0}: position from the end, clean/corrupted)
 */
public record StoredPatching(List<Grid> grids, List<String> pairIds, List<String> differences, float[] perPair,
        int[] perPairShape) {

    /**
     * One grid.
     *
     * @param method {@code activation} or {@code attribution}
     * @param id e.g. {@code denoising/resid_pre}
     * @param index the grid's index in the per-pair array
     * @param rowLabels per row: the layer ({@code L3}), or the point's name for a global point
     * @param columnLabels per column: the position ({@code -1}) or the head ({@code 2})
     * @param tokens per column: the token at that position (empty for heads)
     * @param value [row][column] 0 = corrupted, 1 = clean; NaN where no pair reaches
     */
    public record Grid(String method, String id, int index, String[] rowLabels, String[] columnLabels,
            String[] tokens, double[][] value, double[][] low, double[][] high, int[][] n) {

        public int rows() {
            return rowLabels.length;
        }

        public int columns() {
            return columnLabels.length;
        }

        /** What a user reads, e.g. {@code activation patching: denoising/resid_pre}. */
        public String title() {
            return method + " patching: " + id;
        }

        /** One cell in words: where, the value with its interval, and n. */
        public String describe(int row, int column) {
            String where = rowLabels[row] + (tokens[column].isEmpty() ? " head " + columnLabels[column]
                    : " position " + columnLabels[column] + " '" + tokens[column] + "'");
            return String.format(java.util.Locale.ROOT, "%s: %.3f [%.3f, %.3f], n = %d pairs", where,
                    value[row][column], low[row][column], high[row][column], n[row][column]);
        }

        /** Every cell as CSV: row, column, token, value, ciLow, ciHigh, n. */
        public String csv() {
            StringBuilder out = new StringBuilder("row,column,token,value,ciLow,ciHigh,n\n");
            for (int r = 0; r < rows(); r++) {
                for (int c = 0; c < columns(); c++) {
                    out.append(rowLabels[r]).append(',').append(columnLabels[c]).append(',')
                            .append(quote(tokens[c])).append(',').append(value[r][c]).append(',')
                            .append(low[r][c]).append(',').append(high[r][c]).append(',').append(n[r][c])
                            .append('\n');
                }
            }
            return out.toString();
        }
    }

    /** The per-pair normalised values of one cell (NaN for pairs not in it). */
    public float[] pairValues(Grid grid, int row, int column) {
        int pairs = perPairShape[3];
        int offset = ((grid.index() * perPairShape[1] + row) * perPairShape[2] + column) * pairs;
        return java.util.Arrays.copyOfRange(perPair, offset, offset + pairs);
    }

    /**
     * Reads result {@code resultId} of the patching analysis.
     *
     * @throws IOException when the per-pair array cannot be read
     * @throws IllegalArgumentException when the result is not a patching result
     */
    public static StoredPatching read(StoredResultReader reader, String resultId) throws IOException {
        StoredResult result = reader.result(resultId);
        AnalysisOutput.Table cells = result == null ? null : result.table("cells");
        AnalysisOutput.Table pairs = result == null ? null : result.table("pairs");
        if (cells == null || pairs == null) {
            throw new IllegalArgumentException("result " + resultId + " is not an activation patching result (it has no"
                    + " 'cells' and 'pairs' tables)");
        }
        String[] method = cells.column("method").texts();
        String[] grid = cells.column("grid").texts();
        String[] point = cells.column("point").texts();
        double[] layer = cells.column("layer").numbers();
        double[] column = cells.column("column").numbers();
        String[] position = cells.column("position").texts();
        String[] token = cells.column("token").texts();
        double[] value = cells.column("value").numbers();
        double[] low = cells.column("ciLow").numbers();
        double[] high = cells.column("ciHigh").numbers();
        double[] n = cells.column("n").numbers();
        Map<String, List<Integer>> rowsByGrid = new LinkedHashMap<>();
        for (int r = 0; r < method.length; r++) {
            rowsByGrid.computeIfAbsent(method[r] + "\u0000" + grid[r], k -> new ArrayList<>()).add(r);
        }
        List<Grid> grids = new ArrayList<>();
        for (List<Integer> rows : rowsByGrid.values()) {
            int first = rows.get(0);
            int layers = rows.stream().mapToInt(r -> row(layer[r])).max().orElseThrow() + 1;
            int columns = rows.stream().mapToInt(r -> (int) column[r]).max().orElseThrow() + 1;
            String[] rowLabels = new String[layers];
            String[] columnLabels = new String[columns];
            String[] tokens = new String[columns];
            double[][] v = new double[layers][columns];
            double[][] lo = new double[layers][columns];
            double[][] hi = new double[layers][columns];
            int[][] count = new int[layers][columns];
            for (int r : rows) {
                int i = row(layer[r]);
                int c = (int) column[r];
                rowLabels[i] = layer[r] < 0 ? point[r] : "L" + (int) layer[r];
                columnLabels[c] = position[r];
                tokens[c] = grid[r].endsWith("/attn_z") ? "" : token[r];
                v[i][c] = value[r];
                lo[i][c] = low[r];
                hi[i][c] = high[r];
                count[i][c] = (int) n[r];
            }
            grids.add(new Grid(method[first], grid[first], grids.size(), rowLabels, columnLabels, tokens, v, lo, hi,
                    count));
        }
        AnalysisOutput.ArrayData perPair = reader.array(resultId, "perPair");
        return new StoredPatching(grids, List.of(pairs.column("pair").texts()),
                List.of(pairs.column("difference").texts()), perPair.values(), perPair.shape());
    }

    private static int row(double layer) {
        return layer < 0 ? 0 : (int) layer;
    }

    private static String quote(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
