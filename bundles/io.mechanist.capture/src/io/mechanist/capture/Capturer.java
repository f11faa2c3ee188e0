package io.mechanist.capture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.capture.internal.BatchRows;
import io.mechanist.capture.internal.BatchWriterSink;
import io.mechanist.capture.internal.DatasetRegistration;
import io.mechanist.capture.internal.FileHashes;
import io.mechanist.capture.internal.ModelRegistration;
import io.mechanist.capture.internal.ModelRegistration.HashedFile;
import io.mechanist.capture.internal.OverlappedWriter;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.ParsedDataset;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.HookSiteRef;
import io.mechanist.model.PositionSelection;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.ActivationSink;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.Padding;
import io.mechanist.runtime.RunRequest;
import io.mechanist.runtime.intervention.Positions;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.CaptureSpec;
import io.mechanist.store.CaptureWriter;
import io.mechanist.store.PromptBatch;
import io.mechanist.store.PromptRows;

/**
 * Runs a {@link CaptureJob}: registers the model and the tokenised dataset in the store (reusing equal entries),
 * records provenance, then runs the prompts through the model in batches and streams each batch's rows into a
 * {@link CaptureWriter} on a background thread while the next batch runs, so memory holds two batches of
 * activations (and the shard being filled) whatever the dataset's size. Batching and
 * padding do not change any prompt's numbers (the runtime's guarantee: batched == one prompt alone).
 * <p>
 * Cancelling through the monitor commits the prompts done so far and leaves the capture INCOMPLETE; running the
 * same job again resumes it after its last committed prompt.
 */
public final class Capturer {

    private Capturer() {
    }

    /**
     * Captures (or resumes) {@code job}.
     *
     * @throws IOException naming the file at fault (missing model folder, pickle checkpoint, dataset line, ...)
     * @throws IllegalArgumentException for hook sites the model does not have or positions that do not parse
     * @throws OperationCanceledException if the monitor was cancelled; committed prompts stay in the store
     */
    public static CaptureSummary capture(CaptureJob job, IProgressMonitor monitor) throws IOException {
        return capture(job, monitor, warning -> { });
    }

    /**
     * Captures (or resumes) {@code job}, handing what loading the model found suspicious but not fatal (unused
     * tensors, NaN weights; {@link HookedTransformer#warnings()}) to {@code warnings} before any prompt runs. A new
     * capture also records them in its provenance ({@code load_warnings}).
     */
    public static CaptureSummary capture(CaptureJob job, IProgressMonitor monitor, Consumer<String> warnings)
            throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Capturing " + job.dataset().getFileName(), 100);
        try (Session session = open(job, warnings, progress.split(5))) {
            write(session, progress.split(95));
            return session.complete();
        }
    }

    /**
     * Captures (or resumes) {@code job} with {@code model}, which the caller loaded from {@code job.model()} and keeps
     * open: several captures of one model (a script's, a benchmark's) load it once. Registration,
     * provenance, batching and the store's writes are those of {@link #capture(CaptureJob, IProgressMonitor)}.
     *
     * @throws IllegalArgumentException if {@code model} was loaded from another folder than the job's model folder
     */
    public static CaptureSummary capture(CaptureJob job, HookedTransformer model, IProgressMonitor monitor)
            throws IOException {
        if (!Files.isDirectory(job.model()) || !Files.isSameFile(model.folder(), job.model())) {
            throw new IllegalArgumentException("the capture's model folder is " + job.model()
                    + " but the model given was loaded from " + model.folder());
        }
        SubMonitor progress = SubMonitor.convert(monitor, "Capturing " + job.dataset().getFileName(), 100);
        try (Session session = open(job, readDataset(job), CheckpointShape.of(model), model, false, warning -> { },
                progress.split(5))) {
            write(session, progress.split(95));
            return session.complete();
        }
    }

    /**
     * A capture made ready in its store: the model loaded, the dataset tokenised and registered, and a writer open
     * on a new capture or on the interrupted one this job resumes. Whoever holds it runs the prompts from
     * {@link CaptureWriter#nextPrompt()} (here, or spread over other processes, see {@link #captureBatch}) and
     * calls {@link #complete()}; closing without it leaves the capture INCOMPLETE and resumable.
     */
    public static final class Session implements AutoCloseable {
        private final CaptureJob job;
        private final HookedTransformer model;
        private final ActivationStore store;
        private final CaptureWriter writer;
        private final List<HookSite> sites;
        private final List<PromptInfo> prompts;
        private final int maxTokens;
        private final String modelId;
        private final String datasetId;
        private final int resumedFrom;
        private final boolean ownsModel;

        private Session(CaptureJob job, HookedTransformer model, boolean ownsModel, ActivationStore store,
                CaptureWriter writer, List<HookSite> sites, List<PromptInfo> prompts, int maxTokens, String modelId,
                String datasetId) {
            this.job = job;
            this.model = model;
            this.ownsModel = ownsModel;
            this.store = store;
            this.writer = writer;
            this.sites = sites;
            this.prompts = prompts;
            this.maxTokens = maxTokens;
            this.modelId = modelId;
            this.datasetId = datasetId;
            this.resumedFrom = writer.nextPrompt();
        }

        public CaptureJob job() {
            return job;
        }

        /** The loaded model, or null for a session opened from a {@link CheckpointShape}. */
        public HookedTransformer model() {
            return model;
        }

        public ActivationStore store() {
            return store;
        }

        public CaptureWriter writer() {
            return writer;
        }

        /** The resolved hook sites, in the capture's order. */
        public List<HookSite> sites() {
            return sites;
        }

        /** The tokenised dataset, in dataset order. */
        public List<PromptInfo> prompts() {
            return prompts;
        }

        /** Tokens of the longest prompt: the key width of stored attention-pattern rows. */
        public int maxTokens() {
            return maxTokens;
        }

        /** Marks the capture COMPLETE (every prompt must be written) and says what was captured. */
        public CaptureSummary complete() throws IOException {
            writer.complete();
            return new CaptureSummary(writer.captureId(), modelId, datasetId, sites.stream().map(HookSite::id).toList(),
                    prompts.size(), resumedFrom, true);
        }

        @Override
        public void close() throws IOException {
            try (HookedTransformer owned = ownsModel ? model : null; store; writer) {
                // closes the writer (committing what it buffers), then the store, then the model if it loaded it
            }
        }
    }

    /**
     * Prepares {@code job} (see {@link Session}); what loading the model found suspicious but not fatal goes to
     * {@code warnings} first.
     */
    public static Session open(CaptureJob job, Consumer<String> warnings, IProgressMonitor monitor)
            throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, 1);
        ParsedDataset dataset = readDataset(job);
        progress.subTask("Loading " + job.model());
        HookedTransformer model = HookedTransformer.load(job.model());
        try {
            return open(job, dataset, CheckpointShape.of(model), model, true, warnings, progress);
        } catch (IOException | RuntimeException | Error e) {
            try (model) {
                throw e;
            }
        }
    }

    /**
     * Prepares {@code job} from the checkpoint's shape alone, loading no weights, for a process that leaves every
     * forward pass to others (they compute shards with {@link #captureBatch}); the session's
     * {@linkplain Session#model() model} is null. The checkpoint's files are still hashed to register the model.
     */
    public static Session open(CaptureJob job, CheckpointShape shape, Consumer<String> warnings,
            IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, 1);
        return open(job, readDataset(job), shape, null, false, warnings, progress);
    }

    private static ParsedDataset readDataset(CaptureJob job) throws IOException {
        if (!Files.isRegularFile(job.dataset())) {
            throw new NoSuchFileException(job.dataset().toString(), null, "dataset file does not exist");
        }
        return DatasetParser.read(job.dataset());
    }

    private static Session open(CaptureJob job, ParsedDataset dataset, CheckpointShape model,
            HookedTransformer loaded, boolean ownsModel, Consumer<String> warnings, SubMonitor progress)
            throws IOException {
        ActivationStore store = null;
        try {
            model.warnings().forEach(warnings);
            List<HookSite> sites = SiteSelection.resolve(job.sites(), model.hookSites());
            if (!model.hasTokenizer()) {
                throw new NoSuchFileException(job.model().resolve("tokenizer.json").toString(), null,
                        "the checkpoint has no tokenizer.json; capture tokenises the dataset with it");
            }
            List<HashedFile> files;
            String weightDtype = null; // read from the job's folder
            if (model.modelFiles().isPresent()) {
                CheckpointShape.ModelFiles given = model.modelFiles().get();
                files = given.files().stream().map(f -> new HashedFile(f.path(), f.size(), f.sha256()))
                        .sorted(java.util.Comparator.comparing(HashedFile::path)).toList();
                weightDtype = given.weightDtype();
            } else {
                files = ModelRegistration.hash(job.model());
            }
            String tokenizerSha = files.stream().filter(f -> f.path().equals("tokenizer.json")).findFirst()
                    .map(HashedFile::sha256).orElseThrow();
            ModelSpec modelSpec = model.spec();
            String limitSource = (modelSpec.learnedPositions() ? "n_positions" : "max_position_embeddings") + " in "
                    + job.model().resolve("config.json");
            List<PromptInfo> prompts = DatasetRegistration.tokenize(dataset, model.tokenizer(),
                    modelSpec.maxPositions(), limitSource);
            String datasetSha = FileHashes.sha256(job.dataset());
            store = openOrCreate(job.store());
            String modelId = ModelRegistration.register(store, job.model(), model.source().orElse(null), model.spec(),
                    files, weightDtype);
            String datasetId = DatasetRegistration.datasetId(job.dataset(), datasetSha, tokenizerSha);
            DatasetRegistration.register(store, datasetId, job.dataset(), prompts);
            int maxTokens = prompts.stream().mapToInt(PromptInfo::tokenCount).max().orElse(1);
            List<String> siteIds = sites.stream().map(HookSite::id).toList();
            String resumable = findResumable(store, job, modelId, datasetId, siteIds);
            CaptureWriter writer;
            if (resumable != null) {
                writer = store.resumeCapture(resumable, recordedShardBytes(store, resumable, job.shardBytes()));
            } else {
                CaptureSpec spec = CaptureSpec.of(modelId, datasetId).name(job.name()).storage(job.storage())
                        .shardBytes(job.shardBytes());
                if (job.captureId() != null) {
                    spec.id(job.captureId());
                }
                for (HookSite site : sites) {
                    spec.site(site.id(), model.rowShape(site.point(), maxTokens));
                }
                job.positions().applyTo(spec);
                provenance(spec, job, model.source().orElse(job.model().toAbsolutePath().normalize().toString()),
                        siteIds, datasetSha, tokenizerSha);
                if (!model.warnings().isEmpty()) {
                    spec.parameter("load_warnings", String.join("\n", model.warnings()));
                }
                writer = store.beginCapture(spec);
            }
            progress.worked(1);
            return new Session(job, loaded, ownsModel, store, writer, sites, prompts, maxTokens, modelId, datasetId);
        } catch (IOException | RuntimeException | Error e) {
            try (ActivationStore opened = store) {
                throw e;
            }
        }
    }

    private static void write(Session session, SubMonitor monitor) throws IOException {
        CaptureJob job = session.job();
        CaptureWriter writer = session.writer();
        List<PromptInfo> prompts = session.prompts();
        int total = prompts.size();
        int first = writer.nextPrompt();
        monitor.setWorkRemaining(Math.max(1, total - first));
        // Each site's rows go into their shard file as the forward pass delivers them; a batch's shards are
        // committed (fsyncs, hashes, renames) while the next one runs forward.
        try (OverlappedWriter background = new OverlappedWriter(writer)) {
            for (int from = first; from < total; from += job.batchSize()) {
                background.checkFailed();
                if (monitor.isCanceled()) {
                    background.await();
                    throw new OperationCanceledException("capture " + writer.captureId() + " cancelled after " + from
                            + " of " + total + " prompts; run it again to resume");
                }
                int to = Math.min(total, from + job.batchSize());
                monitor.subTask("prompts " + from + ".." + (to - 1) + " of " + total);
                List<long[]> batch = new ArrayList<>();
                List<int[]> wanted = new ArrayList<>();
                for (int p = from; p < to; p++) {
                    batch.add(java.util.Arrays.stream(prompts.get(p).tokenIds()).asLongStream().toArray());
                    wanted.add(writer.positions(p));
                }
                PromptBatch rows = writer.beginBatch(from, to - from);
                BatchWriterSink sink = new BatchWriterSink(rows, session.sites(), wanted, session.maxTokens(),
                        job.storage() == StorageType.F16);
                try {
                    runBatch(session.model(), session.sites(), job.padding(),
                            job.positions().kind() == CapturePositions.Kind.ALL, batch, wanted, sink);
                } catch (UncheckedIOException e) {
                    throw e.getCause();
                }
                sink.writeEmptyPrompts();
                background.commit(rows);
                monitor.worked(to - from);
            }
        }
    }

    /**
     * Runs one batch of prompts through {@code model} and returns each prompt's rows by site id, as
     * {@link CaptureWriter#writePrompt} and {@link io.mechanist.store.ShardBuilder#add} take them.
     *
     * @param allPositions whether the capture keeps every position (then the runtime captures all of them)
     * @param maxTokens key width of attention-pattern rows (the dataset's longest prompt)
     * @param tokens the prompts' token ids
     * @param wanted the positions to keep of each prompt (ascending)
     */
    public static List<Map<String, float[]>> captureBatch(HookedTransformer model, List<HookSite> sites,
            Padding padding, boolean allPositions, int maxTokens, List<long[]> tokens, List<int[]> wanted) {
        BatchRows rows = runBatch(model, sites, padding, allPositions, maxTokens, tokens, wanted, false);
        List<Map<String, float[]>> out = new ArrayList<>(tokens.size());
        for (int b = 0; b < tokens.size(); b++) {
            Map<String, float[]> bySite = new LinkedHashMap<>();
            for (HookSite site : sites) {
                bySite.put(site.id(), rows.rows(site, b, wanted.get(b)));
            }
            out.add(bySite);
        }
        return out;
    }

    /**
     * As {@link #captureBatch}, as {@link CaptureWriter#writePromptRows} takes the rows: for an F16 capture
     * ({@code float16}) libtorch narrows the {@code [pos, width]} sites and only their float16 bits reach the Java
     * heap, half the bytes of float32 rows, which the writer would narrow to the same bits.
     */
    public static List<Map<String, PromptRows>> captureBatchRows(HookedTransformer model, List<HookSite> sites,
            Padding padding, boolean allPositions, int maxTokens, List<long[]> tokens, List<int[]> wanted,
            boolean float16) {
        BatchRows rows = runBatch(model, sites, padding, allPositions, maxTokens, tokens, wanted, float16);
        List<Map<String, PromptRows>> out = new ArrayList<>(tokens.size());
        for (int b = 0; b < tokens.size(); b++) {
            Map<String, PromptRows> bySite = new LinkedHashMap<>();
            for (HookSite site : sites) {
                bySite.put(site.id(), rows.promptRows(site, b, wanted.get(b)));
            }
            out.add(bySite);
        }
        return out;
    }

    private static BatchRows runBatch(HookedTransformer model, List<HookSite> sites, Padding padding,
            boolean allPositions, int maxTokens, List<long[]> tokens, List<int[]> wanted, boolean float16) {
        BatchRows rows = new BatchRows(tokens.size(), maxTokens, float16);
        runBatch(model, sites, padding, allPositions, tokens, wanted, rows);
        return rows;
    }

    /** Runs one batch, capturing {@code sites} at the positions any prompt wants, into {@code sink}. */
    private static void runBatch(HookedTransformer model, List<HookSite> sites, Padding padding, boolean allPositions,
            List<long[]> tokens, List<int[]> wanted, ActivationSink sink) {
        TreeSet<Integer> union = new TreeSet<>();
        for (int[] positions : wanted) {
            for (int position : positions) {
                union.add(position);
            }
        }
        if (!union.isEmpty()) {
            Positions captured = allPositions ? Positions.all()
                    : Positions.of(union.stream().mapToInt(Integer::intValue).toArray());
            model.run(RunRequest.builder(tokens).batchSize(tokens.size()).padding(padding).capture(sites)
                    .positions(captured).sink(sink).build());
        }
    }

    private static ActivationStore openOrCreate(Path folder) throws IOException {
        if (Files.isRegularFile(folder.resolve("store.xmi"))) {
            return ActivationStore.open(folder);
        }
        if (Files.exists(folder) && !Files.isDirectory(folder)) {
            throw new IOException(folder + " is a file, not a store folder");
        }
        Path name = folder.toAbsolutePath().normalize().getFileName();
        return ActivationStore.create(folder, name == null ? "store" : name.toString());
    }

    /**
     * The id of an INCOMPLETE capture to continue: the job's own id if given (refusing a complete one or one of
     * other settings), else one with the same model, dataset, sites, positions and storage.
     */
    private static String findResumable(ActivationStore store, CaptureJob job, String modelId, String datasetId,
            List<String> siteIds) {
        return store.read(s -> {
            for (Capture capture : s.getCaptures()) {
                boolean named = job.captureId() != null && job.captureId().equals(capture.getId());
                if (job.captureId() != null && !named) {
                    continue;
                }
                boolean same = capture.getModel() != null && modelId.equals(capture.getModel().getId())
                        && capture.getDataset() != null && datasetId.equals(capture.getDataset().getId())
                        && capture.getSites().stream().map(HookSiteRef::getSiteId).toList().equals(siteIds)
                        && samePositions(capture.getPositions(), job.positions())
                        && capture.getStorageType() == job.storage();
                if (named && capture.getStatus() == CaptureStatus.COMPLETE) {
                    throw new IllegalStateException("capture " + capture.getId() + " in " + store.folder()
                            + " is already complete; choose another id or remove it");
                }
                if (named && !same) {
                    throw new IllegalStateException("capture " + capture.getId() + " in " + store.folder()
                            + " was started with another model, dataset, sites, positions or storage; it cannot be"
                            + " resumed with these settings");
                }
                if (same && capture.getStatus() != CaptureStatus.COMPLETE) {
                    return capture.getId();
                }
            }
            return null;
        });
    }

    /**
     * The shard size a capture was started with (its provenance's {@code shard_bytes}), so a resume cuts the rest
     * into the shards the first run would have, whoever resumes it; {@code otherwise} when none is recorded.
     */
    private static long recordedShardBytes(ActivationStore store, String captureId, long otherwise) {
        return store.read(s -> s.getCaptures().stream().filter(c -> captureId.equals(c.getId())).findFirst()
                .map(Capture::getProvenance).map(p -> p.getParameters().get("shard_bytes"))
                .filter(v -> v.matches("[1-9][0-9]{0,17}")).map(Long::parseLong).orElse(otherwise));
    }

    private static boolean samePositions(PositionSelection stored, CapturePositions wanted) {
        if (stored == null || !stored.getKind().name().equals(wanted.kind().name())) {
            return false;
        }
        return switch (wanted.kind()) {
            case ALL, LAST -> true;
            case RANGE -> stored.getStart() == wanted.start() && stored.getEnd() == wanted.end();
            case LIST -> stored.getPositions().stream().mapToInt(Integer::intValue).boxed().toList()
                    .equals(java.util.Arrays.stream(wanted.list()).boxed().toList());
        };
    }

    private static void provenance(CaptureSpec spec, CaptureJob job, String modelFolder, List<String> siteIds,
            String datasetSha, String tokenizerSha) {
        spec.parameter("model_folder", modelFolder)
                .parameter("dataset_file", job.dataset().toAbsolutePath().normalize().toString())
                .parameter("dataset_sha256", datasetSha)
                .parameter("tokenizer_sha256", tokenizerSha)
                .parameter("sites", String.join(",", siteIds))
                .parameter("site_patterns", String.join(",", job.sites()))
                .parameter("positions", job.positions().toString())
                .parameter("batch_size", Integer.toString(job.batchSize()))
                .parameter("padding_side", job.padding().name().toLowerCase())
                .parameter("compute_dtype", "float32")
                .parameter("storage", job.storage().getName())
                .parameter("weight_folding", "none")
                .parameter("started_at", Instant.now().toString());
        Versions.all().forEach(spec::version);
    }
}
