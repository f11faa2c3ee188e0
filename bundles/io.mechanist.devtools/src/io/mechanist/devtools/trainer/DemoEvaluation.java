package io.mechanist.devtools.trainer;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import io.mechanist.demo.task.ComparisonPrompt;
import io.mechanist.demo.task.DemoVocabulary;
import io.mechanist.djl.DjlEngines;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Greedy generation on the trained weights (DJL, float32): the model is given each prompt up to "think :" and must
 * write the whole reasoning trace and the answer; a prompt counts as solved when the generated trace and answer
 * equal the expected ones token for token.
 */
public final class DemoEvaluation {

    /** Tokens the model writes after "think :": 3 (comparison) + 4 (winner) + 3 (". so :") + answer. */
    private static final int GENERATED_TOKENS = 11;

    /** @param solved prompts whose trace and answer were generated exactly; @param answerCorrect answer only */
    public record Score(int prompts, int solved, int answerCorrect) {
        public double solvedRate() {
            return solved / (double) prompts;
        }

        public double answerRate() {
            return answerCorrect / (double) prompts;
        }
    }

    private DemoEvaluation() {
    }

    public static Score greedy(GptConfig config, Map<String, float[]> weights, List<ComparisonPrompt> prompts) {
        return DjlEngines.withBundleLoader(() -> {
            try (NDManager root = DjlEngines.engine().newBaseManager()) {
                Map<String, NDArray> parameters = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> e : GptParameters.shapes(config).entrySet()) {
                    parameters.put(e.getKey(), root.create(weights.get(e.getKey()), new Shape(e.getValue())));
                }
                GptForward forward = new GptForward(config, parameters);
                Map<Integer, List<ComparisonPrompt>> byLength = new LinkedHashMap<>();
                for (ComparisonPrompt p : prompts) {
                    byLength.computeIfAbsent(DemoVocabulary.encode(p.text()).length, k -> new ArrayList<>()).add(p);
                }
                int solved = 0;
                int answers = 0;
                for (List<ComparisonPrompt> group : byLength.values()) {
                    int[] counts = solve(root, forward, group);
                    solved += counts[0];
                    answers += counts[1];
                }
                return new Score(prompts.size(), solved, answers);
            }
        });
    }

    /** The argmax token after each whole prompt (up to and including the answer marker). */
    public static int[] answers(GptConfig config, Map<String, float[]> weights, List<ComparisonPrompt> prompts) {
        return DjlEngines.withBundleLoader(() -> {
            try (NDManager root = DjlEngines.engine().newBaseManager()) {
                Map<String, NDArray> parameters = new LinkedHashMap<>();
                for (Map.Entry<String, long[]> e : GptParameters.shapes(config).entrySet()) {
                    parameters.put(e.getKey(), root.create(weights.get(e.getKey()), new Shape(e.getValue())));
                }
                GptForward forward = new GptForward(config, parameters);
                int[] out = new int[prompts.size()];
                for (int i = 0; i < prompts.size(); i++) {
                    out[i] = nextTokens(root, forward, new int[][] {DemoVocabulary.encode(prompts.get(i).text())})[0];
                }
                return out;
            }
        });
    }

    private static int[] solve(NDManager root, GptForward forward, List<ComparisonPrompt> prompts) {
        int n = prompts.size();
        int[][] expected = new int[n][];
        int[][] tokens = new int[n][];
        for (int i = 0; i < n; i++) {
            expected[i] = DemoVocabulary.encode(prompts.get(i).text() + " " + prompts.get(i).answer());
            tokens[i] = Arrays.copyOf(expected[i], expected[i].length - GENERATED_TOKENS);
        }
        for (int step = 0; step < GENERATED_TOKENS; step++) {
            int[] next = nextTokens(root, forward, tokens);
            for (int i = 0; i < n; i++) {
                tokens[i] = Arrays.copyOf(tokens[i], tokens[i].length + 1);
                tokens[i][tokens[i].length - 1] = next[i];
            }
        }
        // The answer alone, read with the expected trace in context (teacher forcing).
        int[][] fullPrompts = new int[n][];
        for (int i = 0; i < n; i++) {
            fullPrompts[i] = Arrays.copyOf(expected[i], expected[i].length - 1);
        }
        int[] answer = nextTokens(root, forward, fullPrompts);
        int solved = 0;
        int answers = 0;
        for (int i = 0; i < n; i++) {
            solved += Arrays.equals(tokens[i], expected[i]) ? 1 : 0;
            answers += answer[i] == expected[i][expected[i].length - 1] ? 1 : 0;
        }
        return new int[] {solved, answers};
    }

    /** Argmax next token after each row (all rows have the same length). */
    static int[] nextTokens(NDManager root, GptForward forward, int[][] rows) {
        try (NDScope scope = new NDScope(); NDManager pass = root.newSubManager()) {
            scope.suppressNotUsedWarning();
            NDArray logits = forward.logits(pass, rows);
            int last = rows[0].length - 1;
            NDArray lastLogits = logits.get(":, {}, :", last);
            long[] argmax = lastLogits.argMax(-1).toLongArray();
            int[] out = new int[argmax.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) argmax[i];
            }
            return out;
        }
    }
}
