package io.mechanist.store.internal;

import java.util.regex.Pattern;

/** Names inside a store folder and inside capture shards; documented in docs/store-format.md. */
public final class ShardLayout {

    public static final String STORE_FILE = "store.xmi";
    public static final String LOCK_FILE = ".lock";
    public static final String CAPTURES = "captures";
    public static final String VECTORS = "vectors";
    public static final String RESULTS = "results";
    /** Sparse autoencoders added to the store, one folder each (written by io.mechanist.saes). */
    public static final String SAES = "saes";

    /** Shard metadata value of {@code format}. */
    public static final String SHARD_FORMAT = "mechanist.capture-shard/1";
    /** I32 {@code [prompts]}: dataset index of each prompt in the shard. */
    public static final String PROMPT_INDEX = "prompt_index";
    /** I64 {@code [prompts + 1]}: row offsets, prompt i owns rows {@code [start[i], start[i+1])}. */
    public static final String PROMPT_ROW_START = "prompt_row_start";
    /** I32 {@code [prompts]}: number of tokens of each prompt. */
    public static final String PROMPT_TOKEN_COUNT = "prompt_token_count";
    /** I32 {@code [rows]}: token position of each row. */
    public static final String ROW_POSITION = "row_position";
    /** Tensor name of a stored vector in its file. */
    public static final String VECTOR_TENSOR = "vector";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final Pattern SHARD = Pattern.compile("shard-\\d{5,}\\.safetensors");

    private ShardLayout() {
    }

    public static String shardFileName(int shardIndex) {
        return String.format("shard-%05d.safetensors", shardIndex);
    }

    public static boolean isShardFileName(String name) {
        return SHARD.matcher(name).matches();
    }

    /**
     * Checks an id used as a folder or file name.
     *
     * @throws IllegalArgumentException if it is not 1-128 characters of letters, digits, '.', '_' or '-'
     */
    public static String checkId(String id) {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("id '" + id + "' must be 1-128 characters of letters, digits, '.', '_' "
                    + "or '-', starting with a letter or digit");
        }
        return id;
    }
}
