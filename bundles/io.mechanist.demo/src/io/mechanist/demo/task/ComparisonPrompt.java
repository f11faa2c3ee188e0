package io.mechanist.demo.task;

import io.mechanist.core.datasets.DatasetRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One question of the demo task: "which of two numbers is larger (or smaller)", asked as an A/B choice, with a short
 * reasoning trace before the answer:
 *
 * <pre>
 * Q : 7 vs 4 . which is larger ? A = 4 B = 7 . think : 7 &gt; 4 . larger is 7 . so : B
 * </pre>
 *
 * The trace first compares the numbers in the order they were asked ({@code 7 > 4}), then names the winner
 * ({@code larger is 7}); only then can the letter be read off the options. So the answer depends on three
 * independent coin flips (number order, question word, option order) and becomes known once the options are read;
 * the tokens {@code . so :} before the answer carry no new information, like an end-of-turn marker.
 *
 * @param first the number mentioned first ("first vs second")
 * @param second the number mentioned second, never equal to {@code first}
 * @param asksLarger whether the question asks for the larger number (else the smaller)
 * @param optionAHoldsFirst whether option A shows {@code first} (else option A shows {@code second})
 * @param longTemplate whether the question reads "which number is" instead of "which is" (one token longer, so
 *     prompts differ in length and positions must be aligned on the answer marker)
 */
public record ComparisonPrompt(int first, int second, boolean asksLarger, boolean optionAHoldsFirst,
        boolean longTemplate) {

    /** The token after which the answer is written. */
    public static final String ANSWER_MARKER = ":";

    public ComparisonPrompt {
        if (first == second) {
            throw new IllegalArgumentException("the two numbers must differ, both are " + first);
        }
        if (first < 0 || second < 0) {
            throw new IllegalArgumentException("numbers must not be negative: " + first + ", " + second);
        }
    }

    public String questionWord() {
        return asksLarger ? "larger" : "smaller";
    }

    /** {@code >} when the first number is larger than the second, else {@code <}. */
    public String comparison() {
        return first > second ? ">" : "<";
    }

    public int winner() {
        return asksLarger ? Math.max(first, second) : Math.min(first, second);
    }

    public boolean winnerIsFirst() {
        return winner() == first;
    }

    /** "A" or "B": the option showing the winner. */
    public String answer() {
        return winnerIsFirst() == optionAHoldsFirst ? "A" : "B";
    }

    /** The prompt up to and including the answer marker. */
    public String text() {
        int optionA = optionAHoldsFirst ? first : second;
        int optionB = optionAHoldsFirst ? second : first;
        return "Q : " + first + " vs " + second + " . which " + (longTemplate ? "number " : "") + "is "
                + questionWord() + " ? A = " + optionA + " B = " + optionB + " . think : " + first + " "
                + comparison() + " " + second + " . " + questionWord() + " is " + winner() + " . so "
                + ANSWER_MARKER;
    }

    /** The whole training sequence: prompt, answer and end-of-text marker. */
    public String trainingText() {
        return text() + " " + answer() + " " + DemoVocabulary.END_OF_TEXT;
    }

    /** The unordered pair of numbers: prompts about the same two numbers share it. */
    public String group() {
        return "numbers-" + Math.min(first, second) + "-" + Math.max(first, second);
    }

    /** The same question with the options swapped: identical reasoning, the other letter. */
    public ComparisonPrompt withOptionsSwapped() {
        return new ComparisonPrompt(first, second, asksLarger, !optionAHoldsFirst, longTemplate);
    }

    /**
     * Labels: {@code answer} (A/B), {@code question} (larger/smaller), {@code comparison} (&gt;/&lt;, first vs
     * second), {@code winner_position} (first/second: which mentioned number wins) and {@code winner} (the number).
     */
    public Map<String, String> labels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(DatasetRecord.ANSWER, answer());
        labels.put("question", questionWord());
        labels.put("comparison", comparison());
        labels.put("winner_position", winnerIsFirst() ? "first" : "second");
        labels.put("winner", Integer.toString(winner()));
        return labels;
    }

    public DatasetRecord toRecord(String id, String pair) {
        return new DatasetRecord(id, text(), labels(), group(), pair, ANSWER_MARKER);
    }
}
