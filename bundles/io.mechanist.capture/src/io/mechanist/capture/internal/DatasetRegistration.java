package io.mechanist.capture.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.datasets.DatasetFormatException;
import io.mechanist.core.datasets.DatasetRecord;
import io.mechanist.core.datasets.ParsedDataset;
import io.mechanist.model.Dataset;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.store.ActivationStore;

/**
 * Records a dataset in a store, tokenised by the model's tokenizer: per prompt its text, token ids, token strings,
 * labels, group and pair. Token ids depend on the tokenizer, so the entry's id combines the file's name with the
 * hashes of the file and of the tokenizer; the same file tokenised the same way reuses the existing entry.
 */
public final class DatasetRegistration {

    private DatasetRegistration() {
    }

    /** The dataset's id in the store: {@code <file stem>-<8 hex digits>}. */
    public static String datasetId(Path file, String fileSha256, String tokenizerSha256) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(".jsonl") ? name.substring(0, name.length() - 6) : name;
        return FileHashes.toId(stem) + "-" + FileHashes.sha256(fileSha256 + "/" + tokenizerSha256).substring(0, 8);
    }

    /**
     * The prompts of {@code dataset} as the model sees them, each checked against the model's positions before
     * anything is written, so that a prompt the model cannot take never leaves a capture behind.
     *
     * @param maxTokens the most tokens a prompt may have, 0 for no limit
     * @param limitSource what sets the limit, for the message (e.g. "n_positions in .../config.json")
     * @throws DatasetFormatException naming the file, line and prompt id of a prompt with no tokens or too many
     */
    public static List<PromptInfo> tokenize(ParsedDataset dataset, ModelTokenizer tokenizer, int maxTokens,
            String limitSource) throws DatasetFormatException {
        List<DatasetRecord> records = dataset.records();
        List<PromptInfo> prompts = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            DatasetRecord record = records.get(i);
            long[] ids = tokenizer.encode(record.text());
            if (ids.length == 0) {
                throw dataset.problem(i, "has no tokens");
            }
            if (maxTokens > 0 && ids.length > maxTokens) {
                throw dataset.problem(i, "has " + ids.length + " tokens (" + record.text().length()
                        + " characters); the model takes at most " + maxTokens + " (" + limitSource + ")");
            }
            int[] tokenIds = new int[ids.length];
            for (int t = 0; t < ids.length; t++) {
                tokenIds[t] = Math.toIntExact(ids[t]);
            }
            prompts.add(new PromptInfo(i, record.text(), tokenIds, tokenizer.tokenTexts(ids), record.labels(),
                    record.group(), record.pair()));
        }
        return prompts;
    }

    /**
     * Adds the dataset unless an entry with {@code id} exists; an existing entry must have the same token ids.
     *
     * @throws IllegalStateException if an entry with that id holds different prompts
     */
    public static void register(ActivationStore store, String id, Path file, List<PromptInfo> prompts)
            throws IOException {
        String mismatch = store.read(s -> {
            Dataset existing = s.getDatasets().stream().filter(d -> id.equals(d.getId())).findFirst().orElse(null);
            if (existing == null) {
                return null;
            }
            if (existing.getPrompts().size() != prompts.size()) {
                return existing.getPrompts().size() + " prompts, the file " + prompts.size();
            }
            for (int i = 0; i < prompts.size(); i++) {
                List<Integer> stored = existing.getPrompts().get(i).getTokenIds();
                int[] ids = prompts.get(i).tokenIds();
                if (stored.size() != ids.length || !java.util.stream.IntStream.range(0, ids.length)
                        .allMatch(t -> stored.get(t) == ids[t])) {
                    return "different token ids for prompt " + i;
                }
            }
            return "";
        });
        if (mismatch == null) {
            store.addDataset(id, file.getFileName().toString(), prompts);
            store.update(s -> s.getDatasets().stream().filter(d -> id.equals(d.getId())).findFirst()
                    .ifPresent(d -> d.setSource(file.toAbsolutePath().normalize().toString())));
        } else if (!mismatch.isEmpty()) {
            throw new IllegalStateException("store " + store.folder() + " has a dataset '" + id
                    + "' that differs from " + file + ": the store has " + mismatch);
        }
    }
}
