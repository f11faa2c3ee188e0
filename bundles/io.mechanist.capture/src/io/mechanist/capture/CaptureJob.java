package io.mechanist.capture;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

import io.mechanist.model.StorageType;
import io.mechanist.runtime.Padding;
import io.mechanist.store.CaptureSpec;

/**
 * What to capture: a dataset (JSONL, docs/dataset-format.md) run through a checkpoint folder, the chosen hook
 * sites at the chosen positions written into a store. Build with {@link #builder(Path, Path, Path)}.
 *
 * @param store the store folder (created if it holds no store yet)
 * @param model the Hugging Face checkpoint folder
 * @param dataset the dataset JSONL file
 * @param sites hook-site ids or patterns ({@link SiteSelection})
 * @param positions positions kept per prompt
 * @param batchSize prompts per forward pass (results do not depend on it)
 * @param storage F32 or F16 storage in the shards
 * @param padding where a batch pads shorter prompts (results do not depend on it)
 * @param captureId the capture's id, or null: a new generated id, or the id of an interrupted capture of the same
 *     model, dataset, sites, positions and storage, which is resumed
 * @param name display name, or null
 * @param shardBytes activation bytes per shard file of a new capture (a resumed one keeps the size it was started
 *     with)
 */
public record CaptureJob(Path store, Path model, Path dataset, List<String> sites, CapturePositions positions,
        int batchSize, StorageType storage, Padding padding, String captureId, String name, long shardBytes) {

    public CaptureJob {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(dataset, "dataset");
        sites = List.copyOf(sites);
        Objects.requireNonNull(positions, "positions");
        Objects.requireNonNull(storage, "storage");
        Objects.requireNonNull(padding, "padding");
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, was " + batchSize);
        }
        if (storage != StorageType.F32 && storage != StorageType.F16) {
            throw new IllegalArgumentException("storage must be F32 or F16, was " + storage);
        }
        if (shardBytes < 1) {
            throw new IllegalArgumentException("shard size must be at least 1 byte, was " + shardBytes);
        }
    }

    public static Builder builder(Path store, Path model, Path dataset) {
        return new Builder(store, model, dataset);
    }

    /** Fluent construction; defaults: sites {@code blocks.*.resid_post}, all positions, batch 8, F32, right padding. */
    public static final class Builder {
        private final Path store;
        private final Path model;
        private final Path dataset;
        private List<String> sites = List.of("blocks.*.resid_post");
        private CapturePositions positions = CapturePositions.all();
        private int batchSize = 8;
        private StorageType storage = StorageType.F32;
        private Padding padding = Padding.RIGHT;
        private String captureId;
        private String name;
        private long shardBytes = CaptureSpec.DEFAULT_SHARD_BYTES;

        private Builder(Path store, Path model, Path dataset) {
            this.store = store;
            this.model = model;
            this.dataset = dataset;
        }

        public Builder sites(String... idsOrPatterns) {
            this.sites = List.of(idsOrPatterns);
            return this;
        }

        public Builder sites(List<String> idsOrPatterns) {
            this.sites = List.copyOf(idsOrPatterns);
            return this;
        }

        public Builder positions(CapturePositions chosen) {
            this.positions = chosen;
            return this;
        }

        public Builder batchSize(int size) {
            this.batchSize = size;
            return this;
        }

        public Builder storage(StorageType type) {
            this.storage = type;
            return this;
        }

        public Builder padding(Padding side) {
            this.padding = side;
            return this;
        }

        public Builder captureId(String id) {
            this.captureId = id;
            return this;
        }

        public Builder name(String displayName) {
            this.name = displayName;
            return this;
        }

        /** Activation bytes per shard file (default {@link CaptureSpec#DEFAULT_SHARD_BYTES}). */
        public Builder shardBytes(long bytes) {
            this.shardBytes = bytes;
            return this;
        }

        public CaptureJob build() {
            return new CaptureJob(store, model, dataset, sites, positions, batchSize, storage, padding, captureId, name,
                    shardBytes);
        }
    }
}
