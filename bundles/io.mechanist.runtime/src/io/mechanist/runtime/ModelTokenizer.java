package io.mechanist.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import io.mechanist.djl.DjlEngines;
import io.mechanist.runtime.internal.JsonConfig;

/**
 * A checkpoint's tokenizer (tokenizer.json through DJL's Hugging Face tokenizers), with truncation and padding
 * off and special tokens under explicit control: the tokenizer itself never adds them; {@link #encode(String)}
 * adds exactly the prefix/suffix the model expects, read from tokenizer_config.json ({@code add_bos_token},
 * {@code add_eos_token}) or else from tokenizer.json's post-processor template.
 */
public final class ModelTokenizer implements AutoCloseable {
    private final HuggingFaceTokenizer tokenizer;
    private final long[] prefix;
    private final long[] suffix;
    private final Map<String, Long> specialIds;

    private ModelTokenizer(HuggingFaceTokenizer tokenizer, long[] prefix, long[] suffix, Map<String, Long> specialIds) {
        this.tokenizer = tokenizer;
        this.prefix = prefix;
        this.suffix = suffix;
        this.specialIds = specialIds;
    }

    /** Loads {@code folder}/tokenizer.json (and tokenizer_config.json when present). */
    public static ModelTokenizer load(Path folder) throws IOException {
        Path file = folder.resolve("tokenizer.json");
        JsonConfig json = JsonConfig.read(file);
        JsonConfig model = json.object("model");
        if (model == null) {
            throw new CheckpointException(file, "not a Hugging Face tokenizer file: it has no 'model' section");
        }
        Map<String, Long> specials = addedTokens(json);
        Path configFile = folder.resolve("tokenizer_config.json");
        JsonConfig config = Files.isRegularFile(configFile) ? JsonConfig.read(configFile) : null;
        List<Long> before = new ArrayList<>();
        List<Long> after = new ArrayList<>();
        templateSpecials(json.json().get("post_processor"), before, after);
        if (config != null && config.has("add_bos_token")) {
            before.clear();
            if (config.getBoolean("add_bos_token", false)) {
                before.add(tokenId(config, "bos_token", specials));
            }
        }
        if (config != null && config.has("add_eos_token")) {
            after.clear();
            if (config.getBoolean("add_eos_token", false)) {
                after.add(tokenId(config, "eos_token", specials));
            }
        }
        Map<String, String> options = Map.of("addSpecialTokens", "false", "truncation", "false", "padding", "false");
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = DjlEngines.withBundleLoader(() -> HuggingFaceTokenizer.newInstance(file, options));
        } catch (RuntimeException e) {
            // The native library's messages name neither the file nor, for an unknown section, the problem in a
            // reader's words ("data did not match any variant of untagged enum ModelUntagged").
            String detail = String.valueOf(e.getMessage());
            detail = detail.contains("untagged enum") ? "its 'model' section (type '" + model.getString("type",
                    "not given") + "') is none of BPE, WordPiece, WordLevel, Unigram with their fields" : detail;
            throw new CheckpointException(file, "not a tokenizer the Hugging Face tokenizers library can read: "
                    + detail);
        }
        return new ModelTokenizer(tokenizer, toArray(before), toArray(after), specials);
    }

    /** Token ids of {@code text} with the special tokens the model expects (e.g. BOS for Llama and Gemma). */
    public long[] encode(String text) {
        return encode(text, true);
    }

    /** Token ids of {@code text}, with or without the model's special prefix/suffix. Never truncated. */
    public long[] encode(String text, boolean addSpecialTokens) {
        Encoding encoding = tokenizer.encode(text, false, false);
        long[] ids = encoding.getIds();
        if (!addSpecialTokens) {
            return ids;
        }
        long[] out = new long[prefix.length + ids.length + suffix.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(ids, 0, out, prefix.length, ids.length);
        System.arraycopy(suffix, 0, out, prefix.length + ids.length, suffix.length);
        return out;
    }

    /** The text of {@code ids}; special tokens are kept unless {@code skipSpecialTokens}. */
    public String decode(long[] ids, boolean skipSpecialTokens) {
        return tokenizer.decode(ids, skipSpecialTokens);
    }

    /** Each token's own text (special tokens included), for labelling positions. */
    public List<String> tokenTexts(long[] ids) {
        List<String> out = new ArrayList<>(ids.length);
        for (long id : ids) {
            out.add(tokenizer.decode(new long[] {id}, false));
        }
        return out;
    }

    /** Ids added in front of every encoded text (e.g. BOS); may be empty. */
    public long[] prefixIds() {
        return prefix.clone();
    }

    /** Ids added after every encoded text; usually empty. */
    public long[] suffixIds() {
        return suffix.clone();
    }

    /** The id of a special (added) token by its text, or -1. */
    public long specialTokenId(String content) {
        return specialIds.getOrDefault(content, -1L);
    }

    @Override
    public void close() {
        tokenizer.close();
    }

    private static Map<String, Long> addedTokens(JsonConfig json) throws CheckpointException {
        Map<String, Long> out = new HashMap<>();
        JsonElement added = json.json().get("added_tokens");
        if (added != null && added.isJsonArray()) {
            for (JsonElement e : added.getAsJsonArray()) {
                try {
                    JsonObject token = e.getAsJsonObject();
                    out.put(token.get("content").getAsString(), token.get("id").getAsLong());
                } catch (RuntimeException bad) {
                    throw new CheckpointException(json.file(), "added_tokens entry " + e
                            + " needs a string 'content' and a numeric 'id'");
                }
            }
        }
        return out;
    }

    /** Special tokens before and after the sequence in a TemplateProcessing post-processor (possibly nested). */
    private static void templateSpecials(JsonElement processor, List<Long> before, List<Long> after) {
        if (processor == null || !processor.isJsonObject()) {
            return;
        }
        JsonObject p = processor.getAsJsonObject();
        String type = p.has("type") ? p.get("type").getAsString() : "";
        if (type.equals("Sequence") && p.has("processors")) {
            for (JsonElement inner : p.getAsJsonArray("processors")) {
                templateSpecials(inner, before, after);
            }
            return;
        }
        if (!type.equals("TemplateProcessing") || !p.has("single")) {
            return;
        }
        JsonObject specials = p.has("special_tokens") ? p.getAsJsonObject("special_tokens") : new JsonObject();
        boolean sequenceSeen = false;
        for (JsonElement piece : p.getAsJsonArray("single")) {
            JsonObject item = piece.getAsJsonObject();
            if (item.has("Sequence")) {
                sequenceSeen = true;
            } else if (item.has("SpecialToken")) {
                String id = item.getAsJsonObject("SpecialToken").get("id").getAsString();
                JsonObject special = specials.getAsJsonObject(id);
                if (special != null) {
                    JsonArray ids = special.getAsJsonArray("ids");
                    for (JsonElement tokenId : ids) {
                        (sequenceSeen ? after : before).add(tokenId.getAsLong());
                    }
                }
            }
        }
    }

    private static long tokenId(JsonConfig config, String key, Map<String, Long> specials) throws IOException {
        JsonElement value = config.json().get(key);
        String content = value == null || value.isJsonNull() ? null
                : value.isJsonObject() ? value.getAsJsonObject().get("content").getAsString() : value.getAsString();
        Long id = content == null ? null : specials.get(content);
        if (id == null) {
            throw new CheckpointException(config.file(), "'" + key + "' (" + content
                    + ") is not an added token of tokenizer.json");
        }
        return id;
    }

    private static long[] toArray(List<Long> ids) {
        return ids.stream().mapToLong(Long::longValue).toArray();
    }
}
