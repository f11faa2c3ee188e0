package io.mechanist.saes.analysis;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.StoredResult;
import io.mechanist.core.analysis.StoredResultReader;
import io.mechanist.core.activations.PromptInfo;

/**
 * Features as rows over the token positions of one prompt, from the {@code promptActivations [feature, position]}
 * array of a stored {@link SaeFeaturesAnalysis} result (the prompt given by its {@code prompt} parameter). What
 * the heatmap shows when a feature is picked in the Features view. Only stored numbers are read: no SAE file named
 * by the result is opened.
 *
 * @param prompt    the prompt's index in the capture's dataset
 * @param capture   the capture the features were computed on
 * @param positions the captured token positions (the columns)
 * @param tokens    the token at each of those positions
 * @param values    {@code [feature][column]} activations
 */
public record FeaturePromptRows(String resultId, int prompt, String capture, int[] positions, List<String> tokens,
        float[][] values) {

    /**
     * Reads result {@code resultId}; {@code openCapture} opens a capture by id (for the prompt's tokens).
     *
     * @throws IllegalArgumentException when the result is not of the features analysis or has no prompt array
     */
    public static FeaturePromptRows read(StoredResultReader reader, String resultId,
            Function<String, ActivationSet> openCapture) throws IOException {
        StoredResult result = reader.result(resultId);
        if (!SaeFeaturesAnalysis.ID.equals(result.analysisId()) || result.array(SaeFeaturesAnalysis.PROMPT_ROWS) == null
                || result.inputCaptures().isEmpty()) {
            throw new IllegalArgumentException("result " + resultId + " has no " + SaeFeaturesAnalysis.PROMPT_ROWS
                    + " array of " + SaeFeaturesAnalysis.ID);
        }
        int prompt;
        try {
            prompt = Integer.parseInt(result.notes().getOrDefault("prompt", result.parameters().get("prompt")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("result " + resultId + " does not say which prompt it encoded");
        }
        AnalysisOutput.ArrayData array = reader.array(resultId, SaeFeaturesAnalysis.PROMPT_ROWS);
        int features = array.shape()[0];
        int columns = array.shape()[1];
        String captureId = result.inputCaptures().get(0);
        int[] positions;
        List<String> tokens = new ArrayList<>();
        ActivationSet capture = openCapture.apply(captureId);
        try {
            if (prompt < 0 || prompt >= capture.promptCount()) {
                throw new IllegalArgumentException("result " + resultId + " names prompt " + prompt + ", which capture "
                        + captureId + " does not have");
            }
            positions = capture.positions(prompt);
            PromptInfo info = capture.prompts().get(prompt);
            for (int p : positions) {
                tokens.add(p < info.tokens().size() ? info.tokens().get(p) : "<" + p + ">");
            }
        } finally {
            capture.close();
        }
        if (positions.length != columns) {
            throw new IllegalArgumentException("result " + resultId + ": " + SaeFeaturesAnalysis.PROMPT_ROWS + " has "
                    + columns + " positions, but prompt " + prompt + " of " + captureId + " has " + positions.length);
        }
        float[][] values = new float[features][columns];
        for (int f = 0; f < features; f++) {
            System.arraycopy(array.values(), f * columns, values[f], 0, columns);
        }
        return new FeaturePromptRows(resultId, prompt, captureId, positions, List.copyOf(tokens), values);
    }

    /**
     * The rows to show for {@code selected}: that feature first, then up to {@code others} features that fire on the
     * prompt, by their largest activation on it (ties: lower index).
     */
    public int[] rowsFor(int selected, int others) {
        if (selected < 0 || selected >= values.length) {
            throw new IllegalArgumentException("feature " + selected + " is not in 0.." + (values.length - 1));
        }
        IntStream firing = IntStream.range(0, values.length).filter(f -> f != selected && max(f) > 0);
        return IntStream.concat(IntStream.of(selected), firing.boxed()
                .sorted(Comparator.comparingDouble((Integer f) -> -max(f)).thenComparingInt(f -> f))
                .limit(others).mapToInt(Integer::intValue)).toArray();
    }

    /** The largest activation of {@code feature} on the prompt. */
    public float max(int feature) {
        float m = 0;
        for (float v : values[feature]) {
            m = Math.max(m, v);
        }
        return m;
    }
}
