package io.mechanist.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.model.PositionKind;
import io.mechanist.model.StorageType;

/**
 * What to capture: the model and dataset (ids in the store), the hook sites with the shape of one row each, the
 * token positions, the storage type and provenance. Built fluently:
 *
 * <pre>
 * CaptureSpec spec = CaptureSpec.of("gpt2", "questions").site("blocks.3.resid_post", 768).lastPosition();
 * </pre>
 */
public final class CaptureSpec {

    /** Default shard size: large enough for fast sequential I/O, small enough to buffer in a modest heap. */
    public static final long DEFAULT_SHARD_BYTES = 64L << 20;

    final String modelId;
    final String datasetId;
    String id;
    String name;
    final Map<String, int[]> sites = new LinkedHashMap<>();
    PositionKind positionKind = PositionKind.ALL;
    int rangeStart;
    int rangeEnd;
    final List<Integer> positionList = new ArrayList<>();
    StorageType storage = StorageType.F32;
    long shardBytes = DEFAULT_SHARD_BYTES;
    final Map<String, String> parameters = new LinkedHashMap<>();
    final Map<String, String> versions = new LinkedHashMap<>();

    private CaptureSpec(String modelId, String datasetId) {
        this.modelId = Objects.requireNonNull(modelId, "modelId");
        this.datasetId = Objects.requireNonNull(datasetId, "datasetId");
    }

    /** A capture of model {@code modelId} on dataset {@code datasetId} (ids of the store's models and datasets). */
    public static CaptureSpec of(String modelId, String datasetId) {
        return new CaptureSpec(modelId, datasetId);
    }

    /** The capture's id (default: generated); letters, digits, '.', '_', '-'. */
    public CaptureSpec id(String captureId) {
        this.id = captureId;
        return this;
    }

    public CaptureSpec name(String displayName) {
        this.name = displayName;
        return this;
    }

    /**
     * Adds a hook site with the shape of one row: {@code [d_model]} for residual-stream sites, {@code [head, key]}
     * for attention patterns (keys padded with zeros up to the longest prompt), {@code [vocab]} for logits.
     */
    public CaptureSpec site(String siteId, int... rowShape) {
        HookSite.parse(siteId);
        if (rowShape.length == 0) {
            throw new IllegalArgumentException("site " + siteId + ": a row shape needs at least one dimension");
        }
        for (int d : rowShape) {
            if (d <= 0) {
                throw new IllegalArgumentException("site " + siteId + ": row dimensions must be positive");
            }
        }
        if (sites.putIfAbsent(siteId, rowShape.clone()) != null) {
            throw new IllegalArgumentException("site " + siteId + " was added twice");
        }
        return this;
    }

    /** Capture every token position (the default). */
    public CaptureSpec allPositions() {
        positionKind = PositionKind.ALL;
        return this;
    }

    /** Capture only each prompt's last token. */
    public CaptureSpec lastPosition() {
        positionKind = PositionKind.LAST;
        return this;
    }

    /** Capture positions {@code [start, end)}; negative bounds count from the prompt's end. */
    public CaptureSpec positionRange(int start, int end) {
        positionKind = PositionKind.RANGE;
        rangeStart = start;
        rangeEnd = end;
        return this;
    }

    /** Capture the listed positions (negative: from the end); positions a prompt does not have are skipped. */
    public CaptureSpec positions(int... positions) {
        positionKind = PositionKind.LIST;
        positionList.clear();
        for (int p : positions) {
            positionList.add(p);
        }
        return this;
    }

    /** Storage type of the numbers: F32 (default) or F16 (half the size, about 3 significant digits). */
    public CaptureSpec storage(StorageType type) {
        this.storage = Objects.requireNonNull(type);
        return this;
    }

    /** Target size of a shard in bytes (1 MiB .. 1 GiB); a shard holds whole prompts. */
    public CaptureSpec shardBytes(long bytes) {
        if (bytes < 1 << 10 || bytes > 1L << 30) {
            throw new IllegalArgumentException("shard size " + bytes + " is outside 1 KiB .. 1 GiB");
        }
        this.shardBytes = bytes;
        return this;
    }

    /** A provenance parameter (batch size, seed, dtype of the forward pass, ...). */
    public CaptureSpec parameter(String key, String value) {
        parameters.put(key, value);
        return this;
    }

    /** A library version for provenance (e.g. {@code djl=0.35.1}). */
    public CaptureSpec version(String library, String version) {
        versions.put(library, version);
        return this;
    }
}
