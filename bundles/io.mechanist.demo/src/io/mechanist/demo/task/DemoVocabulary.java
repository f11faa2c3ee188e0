package io.mechanist.demo.task;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo model's word-level vocabulary: two special tokens, the numbers 0..{@value #NUMBER_COUNT}-1 and the
 * template words. Text is split like the Hugging Face {@code Whitespace} pre-tokenizer ({@code \w+|[^\w\s]+}) after
 * the special tokens are cut out, so {@link #encode} agrees with the tokenizer.json written by
 * {@link DemoTokenizerFiles}.
 */
public final class DemoVocabulary {

    public static final String END_OF_TEXT = "<|endoftext|>";
    public static final String UNKNOWN = "<unk>";
    public static final int END_OF_TEXT_ID = 0;
    public static final int UNKNOWN_ID = 1;
    /** Numbers 0..NUMBER_COUNT-1 are single tokens. */
    public static final int NUMBER_COUNT = 30;

    private static final List<String> WORDS = List.of("Q", ":", "vs", ".", "which", "number", "is", "larger",
            "smaller", "?", "A", "=", "B", "think", ">", "<", "so");
    private static final Pattern PRE_TOKEN = Pattern.compile("\\w+|[^\\w\\s]+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final List<String> TOKENS = buildTokens();
    private static final Map<String, Integer> IDS = buildIds();

    private DemoVocabulary() {
    }

    /** All tokens in id order. */
    public static List<String> tokens() {
        return TOKENS;
    }

    public static int size() {
        return TOKENS.size();
    }

    /** The id of a token, or {@link #UNKNOWN_ID}. */
    public static int id(String token) {
        return IDS.getOrDefault(token, UNKNOWN_ID);
    }

    public static String token(int id) {
        return TOKENS.get(id);
    }

    /** Token ids of a text (no special tokens are added). */
    public static int[] encode(String text) {
        List<Integer> ids = new ArrayList<>();
        int start = 0;
        while (start <= text.length()) {
            int special = text.indexOf(END_OF_TEXT, start);
            int end = special < 0 ? text.length() : special;
            Matcher m = PRE_TOKEN.matcher(text.substring(start, end));
            while (m.find()) {
                ids.add(id(m.group()));
            }
            if (special < 0) {
                break;
            }
            ids.add(END_OF_TEXT_ID);
            start = special + END_OF_TEXT.length();
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Token texts of a text, for display. */
    public static List<String> tokenTexts(String text) {
        List<String> out = new ArrayList<>();
        for (int id : encode(text)) {
            out.add(token(id));
        }
        return out;
    }

    private static List<String> buildTokens() {
        List<String> tokens = new ArrayList<>(List.of(END_OF_TEXT, UNKNOWN));
        for (int n = 0; n < NUMBER_COUNT; n++) {
            tokens.add(Integer.toString(n));
        }
        tokens.addAll(WORDS);
        return Collections.unmodifiableList(tokens);
    }

    private static Map<String, Integer> buildIds() {
        Map<String, Integer> ids = new HashMap<>();
        for (int i = 0; i < TOKENS.size(); i++) {
            ids.put(TOKENS.get(i), i);
        }
        return ids;
    }
}
