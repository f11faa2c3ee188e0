package io.mechanist.saes;

import java.util.Arrays;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;

/**
 * The captured rows of one site for the first prompts of a capture, in memory: {@code values [rows, width]} with,
 * per row, its prompt and token position.
 */
public record CaptureRows(int width, float[] values, int[] prompt, int[] position) {

    public int rows() {
        return prompt.length;
    }

    /**
     * Reads every captured position of {@code siteId} for prompts {@code 0 .. min(maxPrompts, promptCount) - 1}.
     *
     * @throws IllegalArgumentException when the capture lacks the site
     */
    public static CaptureRows read(ActivationSet capture, String siteId, int maxPrompts) {
        if (!capture.hasSite(siteId)) {
            throw new IllegalArgumentException("capture " + capture.id() + " has no site " + siteId + "; it has "
                    + capture.siteIds());
        }
        int prompts = Math.min(maxPrompts, capture.promptCount());
        int width = capture.rowWidth(siteId);
        int total = 0;
        for (int p = 0; p < prompts; p++) {
            total += capture.positions(p).length;
        }
        float[] values = new float[Math.multiplyExact(total, width)];
        int[] promptOf = new int[total];
        int[] positionOf = new int[total];
        int row = 0;
        for (int p = 0; p < prompts; p++) {
            FloatMatrix matrix = capture.prompt(siteId, p);
            int[] positions = capture.positions(p);
            System.arraycopy(matrix.data(), 0, values, row * width, positions.length * width);
            Arrays.fill(promptOf, row, row + positions.length, p);
            System.arraycopy(positions, 0, positionOf, row, positions.length);
            row += positions.length;
        }
        return new CaptureRows(width, values, promptOf, positionOf);
    }
}
