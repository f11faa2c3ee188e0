package io.mechanist.store.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.model.Capture;
import io.mechanist.model.HookSiteRef;
import io.mechanist.model.Shard;
import io.mechanist.model.StorageType;
import io.mechanist.store.StoreCorruptionException;

/**
 * {@link ActivationSet} over the committed shards of one capture. Row locations are computed from the capture's
 * position selection and the prompts' token counts (no shard is touched to answer {@link #positions}); a shard is
 * size- and checksum-verified and mapped on first use, and its own index tensors are checked against the computed
 * layout.
 */
public final class CaptureReader implements ActivationSet {

    /**
     * Files verified in this JVM, keyed by path + size + modification time + expected hash; the least recently
     * used are forgotten beyond {@link #VERIFIED_CAPACITY} (they are then hashed again on their next first use).
     */
    private static final Map<String, Boolean> VERIFIED = new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > VERIFIED_CAPACITY;
        }
    };

    /** How many verified files the JVM remembers (about 200 bytes each). */
    public static final int VERIFIED_CAPACITY = 8192;

    /** How many verified files the JVM remembers now (at most {@link #VERIFIED_CAPACITY}). */
    public static int rememberedVerifications() {
        synchronized (VERIFIED) {
            return VERIFIED.size();
        }
    }

    private record SiteInfo(String id, int[] rowShape, int width) {
    }

    private final class ShardHandle {
        final Path file;
        final long size;
        final String sha256;
        final int firstPrompt;
        final int promptCount;
        private volatile SafetensorsFile opened;
        private final Map<String, FloatBuffer> floats = new ConcurrentHashMap<>();
        private final Map<String, ShortBuffer> halves = new ConcurrentHashMap<>();

        final String element;

        ShardHandle(Path file, String element, long size, String sha256, int firstPrompt, int promptCount) {
            this.file = file;
            this.element = element;
            this.size = size;
            this.sha256 = sha256;
            this.firstPrompt = firstPrompt;
            this.promptCount = promptCount;
        }

        SafetensorsFile file() {
            SafetensorsFile f = opened;
            if (f == null) {
                synchronized (this) {
                    f = opened;
                    if (f == null) {
                        try {
                            if (closed) {
                                throw new IllegalStateException("capture " + id + " reader is closed");
                            }
                            f = paths.openInside(file, element, checked -> {
                                verifyFile(checked, size, sha256);
                                return SafetensorsFile.open(checked);
                            });
                            checkLayout(this, f);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                        opened = f;
                    }
                }
            }
            return f;
        }

        void read(String siteId, long row, int width, float[] target, int offset) {
            // A mapped tensor holds under 2^31 elements; a larger index means rows the shard cannot have.
            int element = Math.toIntExact(Math.multiplyExact(row, (long) width));
            if (storage == StorageType.F16) {
                ShortBuffer buffer = halves.computeIfAbsent(siteId, s -> file().buffer(s).asShortBuffer());
                for (int i = 0; i < width; i++) {
                    target[offset + i] = HalfFloats.f16ToFloat(buffer.get(element + i));
                }
            } else {
                FloatBuffer buffer = floats.computeIfAbsent(siteId, s -> file().buffer(s).asFloatBuffer());
                buffer.get(element, target, offset, width);
            }
        }

        void close() throws IOException {
            SafetensorsFile f = opened;
            if (f != null) {
                f.close();
            }
        }
    }

    private final StorePaths paths;
    private final String id;
    private final String recordedModel;
    private final StorageType storage;
    private final Map<String, SiteInfo> sites = new LinkedHashMap<>();
    private final List<PromptInfo> prompts;
    private final int promptCount;
    private final int[][] positions;
    private final int[] shardOfPrompt;
    private final long[] rowStartOfPrompt;
    private final boolean allPositions;
    private final List<ShardHandle> shards = new ArrayList<>();
    private volatile boolean closed;

    private CaptureReader(StorePaths paths, Capture capture) throws StoreCorruptionException {
        this.paths = paths;
        this.id = capture.getId();
        this.recordedModel = capture.getModel() == null ? null : capture.getModel().getFolder();
        this.storage = capture.getStorageType();
        String element = "capture '" + id + "'";
        for (HookSiteRef site : capture.getSites()) {
            int[] shape = site.getRowShape().stream().mapToInt(Integer::intValue).toArray();
            sites.put(site.getSiteId(), new SiteInfo(site.getSiteId(), shape, rowWidth(paths, element, site.getSiteId(), shape)));
        }
        if (capture.getDataset() == null) {
            throw paths.corrupt(element + " names no dataset");
        }
        this.prompts = ModelLookup.prompts(capture.getDataset());
        paths.requireInsideOnDisk(paths.captureFolder(capture), "folder of " + element);
        int committed = 0;
        for (Shard shard : capture.getShards()) {
            Path file = paths.shardFile(capture, shard);
            String shardElement = "shard " + shard.getFile() + " of " + element;
            if (shard.getFirstPrompt() != committed) {
                throw paths.corrupt(shardElement + " starts at prompt " + shard.getFirstPrompt() + ", expected "
                        + committed);
            }
            if (shard.getPromptCount() < 0 || (long) committed + shard.getPromptCount() > prompts.size()) {
                throw paths.corrupt(shardElement + " holds " + shard.getPromptCount() + " prompts from prompt "
                        + committed + ", but the dataset has " + prompts.size());
            }
            shards.add(new ShardHandle(file, shardElement, shard.getSize(), shard.getSha256(), shard.getFirstPrompt(),
                    shard.getPromptCount()));
            committed += shard.getPromptCount();
        }
        this.promptCount = committed;
        this.positions = new int[committed][];
        this.shardOfPrompt = new int[committed];
        this.rowStartOfPrompt = new long[committed];
        this.allPositions = capture.getPositions() == null
                || capture.getPositions().getKind() == io.mechanist.model.PositionKind.ALL;
        for (int s = 0; s < shards.size(); s++) {
            ShardHandle shard = shards.get(s);
            long row = 0;
            for (int p = shard.firstPrompt; p < shard.firstPrompt + shard.promptCount; p++) {
                positions[p] = Positions.resolve(capture.getPositions(), prompts.get(p).tokenCount());
                shardOfPrompt[p] = s;
                rowStartOfPrompt[p] = row;
                row += positions[p].length;
            }
        }
    }

    /** The number of floats in one row of shape {@code shape}: positive and small enough to index an array. */
    private static int rowWidth(StorePaths paths, String element, String siteId, int[] shape)
            throws StoreCorruptionException {
        long width = 1;
        for (int d : shape) {
            width *= d;
            if (d < 1 || width > Integer.MAX_VALUE) {
                throw paths.corrupt(element + ": site '" + siteId + "' has row shape " + Arrays.toString(shape)
                        + " (each dimension must be at least 1, and a row under 2^31 values)");
            }
        }
        return (int) width;
    }

    /**
     * A reader of the capture's committed shards; call with the store's model lock held.
     *
     * @throws StoreCorruptionException if the metadata names files outside the store or impossible shapes or counts
     */
    public static CaptureReader snapshot(StorePaths paths, Capture capture) throws StoreCorruptionException {
        return new CaptureReader(paths, capture);
    }

    /**
     * Checks that {@code file} exists, has {@code size} bytes (skipped if negative) and the SHA-256
     * {@code sha256}; remembers success (files are immutable once committed), for the most recently used files.
     * Check the path with {@link StorePaths} first: this measures and reads it.
     */
    public static void verifyFile(Path file, long size, String sha256) throws StoreCorruptionException {
        try {
            long actual = Files.size(file);
            if (size >= 0 && actual != size) {
                throw new StoreCorruptionException(file, (actual < size ? "truncated" : "too long") + ": expected "
                        + size + " bytes, found " + actual);
            }
            String key = file.toAbsolutePath() + "|" + actual + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + sha256;
            synchronized (VERIFIED) {
                if (VERIFIED.get(key) != null) {
                    return;
                }
            }
            String hash = AtomicFiles.sha256(file);
            if (!hash.equals(sha256)) {
                throw new StoreCorruptionException(file, "checksum mismatch: SHA-256 is " + hash + ", the store recorded "
                        + sha256 + " (the file was modified or damaged)");
            }
            synchronized (VERIFIED) {
                VERIFIED.put(key, Boolean.TRUE);
            }
        } catch (NoSuchFileException e) {
            throw new StoreCorruptionException(file, "missing");
        } catch (StoreCorruptionException e) {
            throw e;
        } catch (IOException e) {
            StoreCorruptionException wrapped = new StoreCorruptionException(file, "cannot be read: " + e.getMessage());
            wrapped.initCause(e);
            throw wrapped;
        }
    }

    private void checkLayout(ShardHandle shard, SafetensorsFile file) throws StoreCorruptionException {
        long rows = 0;
        for (int p = shard.firstPrompt; p < shard.firstPrompt + shard.promptCount; p++) {
            rows += positions[p].length;
        }
        DType expected = storage == StorageType.F16 ? DType.F16 : DType.F32;
        for (SiteInfo site : sites.values()) {
            if (!file.contains(site.id())) {
                throw new StoreCorruptionException(file.path(), "has no tensor '" + site.id() + "'");
            }
            TensorInfo info = file.info(site.id());
            if (info.dtype() != expected || info.shape().length != site.rowShape().length + 1 || info.shape()[0] != rows
                    || info.elementCount() != Math.multiplyExact(rows, (long) site.width())) {
                throw new StoreCorruptionException(file.path(), "tensor '" + site.id() + "' is " + info.dtype() + " "
                        + Arrays.toString(info.shape()) + ", expected " + expected + " [" + rows + ", "
                        + Arrays.toString(site.rowShape()) + "]");
            }
        }
        requireIndex(file, ShardLayout.ROW_POSITION, DType.I32, rows);
        requireIndex(file, ShardLayout.PROMPT_INDEX, DType.I32, shard.promptCount);
        ByteBuffer promptIndex = file.buffer(ShardLayout.PROMPT_INDEX);
        for (int i = 0; i < shard.promptCount; i++) {
            if (promptIndex.getInt(4 * i) != shard.firstPrompt + i) {
                throw new StoreCorruptionException(file.path(), "prompt_index[" + i + "] is " + promptIndex.getInt(4 * i)
                        + ", expected prompt " + (shard.firstPrompt + i));
            }
        }
        ByteBuffer rowPositions = file.buffer(ShardLayout.ROW_POSITION);
        int r = 0;
        for (int p = shard.firstPrompt; p < shard.firstPrompt + shard.promptCount; p++) {
            for (int position : positions[p]) {
                if (rowPositions.getInt(4 * r++) != position) {
                    throw new StoreCorruptionException(file.path(), "row_position disagrees with the capture's position "
                            + "selection at prompt " + p);
                }
            }
        }
    }

    private static void requireIndex(SafetensorsFile file, String name, DType dtype, long length)
            throws StoreCorruptionException {
        if (!file.contains(name)) {
            throw new StoreCorruptionException(file.path(), "has no tensor '" + name + "'");
        }
        TensorInfo info = file.info(name);
        if (info.dtype() != dtype || info.shape().length != 1 || info.shape()[0] != length) {
            throw new StoreCorruptionException(file.path(), "tensor '" + name + "' is " + info.dtype() + " "
                    + Arrays.toString(info.shape()) + ", expected " + dtype + " [" + length + "]");
        }
    }

    @Override
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException when the store records the model's checkpoint as a URI ({@link StorePaths#modelFolder}) */
    @Override
    public java.util.Optional<Path> modelFolder() {
        return paths.modelFolder(recordedModel, id);
    }

    @Override
    public int promptCount() {
        return promptCount;
    }

    @Override
    public List<String> siteIds() {
        return List.copyOf(sites.keySet());
    }

    @Override
    public int[] rowShape(String siteId) {
        return site(siteId).rowShape().clone();
    }

    @Override
    public int rowWidth(String siteId) {
        return site(siteId).width();
    }

    @Override
    public List<PromptInfo> prompts() {
        return prompts;
    }

    @Override
    public int tokenCount(int prompt) {
        return prompts.get(checkPrompt(prompt)).tokenCount();
    }

    @Override
    public int[] positions(int prompt) {
        return positions[checkPrompt(prompt)].clone();
    }

    @Override
    public boolean hasPosition(int prompt, int position) {
        return rowIndexIn(checkPrompt(prompt), position) >= 0;
    }

    @Override
    public void readRow(String siteId, int prompt, int position, float[] target, int offset) {
        SiteInfo site = site(siteId);
        int index = rowIndexIn(checkPrompt(prompt), position);
        if (index < 0) {
            throw new IllegalArgumentException("capture " + id + ": position " + position + " of prompt " + prompt
                    + " was not captured (captured: " + Arrays.toString(positions[prompt]) + ")");
        }
        shards.get(shardOfPrompt[prompt]).read(siteId, rowStartOfPrompt[prompt] + index, site.width(), target, offset);
    }

    @Override
    public FloatMatrix prompt(String siteId, int prompt) {
        SiteInfo site = site(siteId);
        int rows = positions[checkPrompt(prompt)].length;
        float[] data = new float[Math.multiplyExact(rows, site.width())];
        ShardHandle shard = shards.get(shardOfPrompt[prompt]);
        for (int r = 0; r < rows; r++) {
            shard.read(siteId, rowStartOfPrompt[prompt] + r, site.width(), data, r * site.width());
        }
        return new FloatMatrix(rows, site.width(), data);
    }

    @Override
    public FloatMatrix promptRange(String siteId, int prompt, int fromPosition, int toPosition) {
        SiteInfo site = site(siteId);
        int tokens = tokenCount(prompt);
        int from = Positions.absolute(fromPosition, tokens);
        int to = Positions.absolute(toPosition, tokens);
        int[] captured = positions[prompt];
        int first = 0;
        while (first < captured.length && captured[first] < from) {
            first++;
        }
        int last = first;
        while (last < captured.length && captured[last] < to) {
            last++;
        }
        int rows = last - first;
        float[] data = new float[Math.multiplyExact(rows, site.width())];
        ShardHandle shard = shards.get(shardOfPrompt[prompt]);
        for (int r = 0; r < rows; r++) {
            shard.read(siteId, rowStartOfPrompt[prompt] + first + r, site.width(), data, r * site.width());
        }
        return new FloatMatrix(rows, site.width(), data);
    }

    @Override
    public List<FloatMatrix> promptLayers(HookPoint point, int fromLayer, int toLayer, int prompt) {
        if (!point.perLayer()) {
            throw new IllegalArgumentException(point.idPattern() + " is not a per-layer hook point");
        }
        List<FloatMatrix> layers = new ArrayList<>();
        for (int layer = fromLayer; layer < toLayer; layer++) {
            layers.add(prompt(HookSite.of(point, layer).id(), prompt));
        }
        return layers;
    }

    @Override
    public FloatMatrix column(String siteId, int[] promptIndices, int[] positionPerPrompt) {
        if (promptIndices.length != positionPerPrompt.length) {
            throw new IllegalArgumentException(promptIndices.length + " prompts but " + positionPerPrompt.length + " positions");
        }
        SiteInfo site = site(siteId);
        int width = site.width();
        float[] data = new float[Math.multiplyExact(promptIndices.length, width)];
        for (int i = 0; i < promptIndices.length; i++) {
            readRow(siteId, promptIndices[i], positionPerPrompt[i], data, i * width);
        }
        return new FloatMatrix(promptIndices.length, width, data);
    }

    @Override
    public FloatMatrix column(String siteId, int position) {
        int[] all = new int[promptCount];
        int[] at = new int[promptCount];
        for (int p = 0; p < promptCount; p++) {
            all[p] = p;
            at[p] = position;
        }
        return column(siteId, all, at);
    }

    /** Index of {@code position} among the prompt's captured rows, or -1. */
    private int rowIndexIn(int prompt, int position) {
        int absolute = Positions.absolute(position, prompts.get(prompt).tokenCount());
        int[] captured = positions[prompt];
        if (allPositions) {
            return absolute >= 0 && absolute < captured.length ? absolute : -1;
        }
        int index = Arrays.binarySearch(captured, absolute);
        return index >= 0 ? index : -1;
    }

    private SiteInfo site(String siteId) {
        SiteInfo site = sites.get(siteId);
        if (site == null) {
            throw new IllegalArgumentException("capture " + id + " has no site '" + siteId + "'; it has " + sites.keySet());
        }
        return site;
    }

    private int checkPrompt(int prompt) {
        if (prompt < 0 || prompt >= promptCount) {
            throw new IndexOutOfBoundsException("capture " + id + ": prompt " + prompt + " is not committed (0.."
                    + (promptCount - 1) + ")");
        }
        return prompt;
    }

    @Override
    public void close() throws IOException {
        closed = true;
        IOException first = null;
        for (ShardHandle shard : shards) {
            try {
                shard.close();
            } catch (IOException e) {
                if (first == null) {
                    first = e;
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return "capture " + id + " (" + promptCount + " prompts, sites " + sites.keySet() + ")";
    }
}
