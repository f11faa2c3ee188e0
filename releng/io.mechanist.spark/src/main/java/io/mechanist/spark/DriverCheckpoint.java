package io.mechanist.spark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.mechanist.capture.CheckpointShape;
import io.mechanist.capture.CheckpointShape.ModelFiles;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.ModelTokenizer;
import io.mechanist.runtime.OutputHead;

/**
 * A checkpoint as the Spark driver needs it to prepare a capture or a steering sweep: its spec (from config.json, through
 * {@link OutputHead}, which reads the final norm's weights and no others), hook sites, row shapes and tokenizer.
 * The weights stay on disk: the forward passes run on the executors, so the driver needs no memory for them.
 * What loading the weights warns about (unused tensors, NaN weights) the executors log when they load them.
 */
final class DriverCheckpoint implements CheckpointShape, AutoCloseable {

    private final Path folder;
    private final String source;
    private final ModelSpec spec;
    private final ModelTokenizer tokenizer;
    private final ModelFiles modelFiles;

    private DriverCheckpoint(Path folder, String source, ModelFiles modelFiles, ModelSpec spec,
            ModelTokenizer tokenizer) {
        this.folder = folder;
        this.source = source;
        this.modelFiles = modelFiles;
        this.spec = spec;
        this.tokenizer = tokenizer;
    }

    /** Reads the shape and tokenizer of the checkpoint folder {@code folder}. */
    static DriverCheckpoint read(Path folder) throws IOException {
        return read(folder, null, null);
    }

    /** Reads the shape and tokenizer of the driver's copy of the checkpoint at {@code uri}, a Hadoop URI. */
    static DriverCheckpoint read(HadoopCheckpoints.DriverCopy copy, String uri) throws IOException {
        return read(copy.folder(), uri, copy.modelFiles());
    }

    /**
     * Reads the shape and tokenizer of {@code folder}, a local copy of the checkpoint at {@code source} (a Hadoop
     * URI, recorded as the capture's {@code model_folder}) holding only part of the files that {@code modelFiles}
     * lists, or the checkpoint itself when {@code source} and {@code modelFiles} are null.
     */
    private static DriverCheckpoint read(Path folder, String source, ModelFiles modelFiles) throws IOException {
        ModelSpec spec = OutputHead.load(folder).spec();
        ModelTokenizer tokenizer = Files.isRegularFile(folder.resolve("tokenizer.json")) ? ModelTokenizer.load(folder)
                : null;
        return new DriverCheckpoint(folder, source, modelFiles, spec, tokenizer);
    }

    @Override
    public ModelSpec spec() {
        return spec;
    }

    /** The embedding, every per-layer point of every layer in execution order, the final norm and the logits. */
    @Override
    public List<HookSite> hookSites() {
        List<HookSite> sites = new ArrayList<>();
        sites.add(HookSite.of(HookPoint.EMBED, -1));
        for (int layer = 0; layer < spec.layerCount(); layer++) {
            for (HookPoint point : HookPoint.values()) {
                if (point.perLayer()) {
                    sites.add(HookSite.of(point, layer));
                }
            }
        }
        sites.add(HookSite.of(HookPoint.FINAL_NORM, -1));
        sites.add(HookSite.of(HookPoint.LOGITS, -1));
        return sites;
    }

    /** The point's axes but batch and position (the query, for attention scores and patterns), sized by the spec. */
    @Override
    public int[] rowShape(HookPoint point, int keys) {
        List<String> axes = point.axes().stream().filter(a -> !List.of("batch", "pos", "query").contains(a)).toList();
        int[] shape = new int[axes.size()];
        for (int i = 0; i < shape.length; i++) {
            shape[i] = switch (axes.get(i)) {
                case "d_model" -> spec.dModel();
                case "head" -> spec.headCount();
                case "kv_head" -> spec.kvHeadCount();
                case "d_head" -> spec.headDim();
                case "d_mlp" -> spec.mlpDim();
                case "vocab" -> spec.vocabSize();
                case "key" -> keys;
                default -> throw new IllegalStateException("hook point " + point + " has an axis '" + axes.get(i)
                        + "' of unknown size");
            };
        }
        return shape;
    }

    @Override
    public boolean hasTokenizer() {
        return tokenizer != null;
    }

    @Override
    public ModelTokenizer tokenizer() {
        if (tokenizer == null) {
            // as HookedTransformer.tokenizer() says it
            throw new IllegalStateException(folder.resolve("tokenizer.json") + " does not exist: this checkpoint has no"
                    + " tokenizer");
        }
        return tokenizer;
    }

    @Override
    public List<String> warnings() {
        return List.of();
    }

    @Override
    public Optional<String> source() {
        return Optional.ofNullable(source);
    }

    @Override
    public Optional<ModelFiles> modelFiles() {
        return Optional.ofNullable(modelFiles);
    }

    @Override
    public void close() {
        if (tokenizer != null) {
            tokenizer.close();
        }
    }
}
