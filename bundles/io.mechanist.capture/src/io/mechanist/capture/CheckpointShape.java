package io.mechanist.capture;

import java.util.List;
import java.util.Optional;

import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.runtime.HookedTransformer;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.runtime.ModelTokenizer;

/**
 * What preparing a capture needs of a checkpoint ({@link Capturer#open(CaptureJob, CheckpointShape,
 * java.util.function.Consumer, org.eclipse.core.runtime.IProgressMonitor)}): its shape, hook sites and tokenizer,
 * not its weights. A process that leaves the forward passes to others (a Spark driver) prepares a capture from this
 * alone; a loaded model has all of it ({@link #of(HookedTransformer)}).
 */
public interface CheckpointShape {

    ModelSpec spec();

    /** Every hook site, in execution order (as {@link HookedTransformer#hookSites()}). */
    List<HookSite> hookSites();

    /** The shape of one position's activation at {@code point} (as {@link HookedTransformer#rowShape}). */
    int[] rowShape(HookPoint point, int keys);

    boolean hasTokenizer();

    ModelTokenizer tokenizer();

    /** What reading the checkpoint found suspicious but not fatal, one line each. */
    List<String> warnings();

    /**
     * Where the checkpoint came from when the job's model folder is a local copy of it (a Hadoop URI a Spark driver
     * copied): the capture's provenance records it as {@code model_folder}. Empty: the job's folder is the source.
     */
    default Optional<String> source() {
        return Optional.empty();
    }

    /**
     * The checkpoint's files as the store registers the model, when the job's folder holds only part of them (a
     * Spark driver fetches only what it reads of a checkpoint on a Hadoop filesystem and hashes the other weight
     * shards as they stream by). Empty: the job's folder holds the checkpoint, and its files are hashed there.
     */
    default Optional<ModelFiles> modelFiles() {
        return Optional.empty();
    }

    /**
     * The files that define a model (every {@code .safetensors} shard, the index, config and tokenizer files; path
     * relative to the checkpoint folder, size, SHA-256) and the dtype of its weights (of the first tensor of the
     * first shard, by name; empty when no shard holds a tensor).
     */
    record ModelFiles(List<ModelFile> files, String weightDtype) {
        public ModelFiles {
            files = List.copyOf(files);
        }
    }

    /** One file of {@link ModelFiles}. */
    record ModelFile(String path, long size, String sha256) {
    }

    /** The shape of a loaded model. */
    static CheckpointShape of(HookedTransformer model) {
        return new CheckpointShape() {
            @Override
            public ModelSpec spec() {
                return model.spec();
            }

            @Override
            public List<HookSite> hookSites() {
                return model.hookSites();
            }

            @Override
            public int[] rowShape(HookPoint point, int keys) {
                return model.rowShape(point, keys);
            }

            @Override
            public boolean hasTokenizer() {
                return model.hasTokenizer();
            }

            @Override
            public ModelTokenizer tokenizer() {
                return model.tokenizer();
            }

            @Override
            public List<String> warnings() {
                return model.warnings();
            }
        };
    }
}
