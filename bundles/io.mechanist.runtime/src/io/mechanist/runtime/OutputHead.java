package io.mechanist.runtime;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.google.gson.JsonElement;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.HalfFloats;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.runtime.ModelSpec.NormKind;
import io.mechanist.runtime.internal.FamilyAdapter;
import io.mechanist.runtime.internal.JsonConfig;

/**
 * A checkpoint's output head without a forward pass: its final norm and the unembedding rows of chosen tokens, for
 * read-outs of intermediate residuals through the model's own output (the logit lens). Computed in plain Java
 * double precision from the checkpoint's files; only the final norm's weights and the requested rows are read, so
 * this is cheap even for large vocabularies.
 *
 * <p>The numerics follow Hugging Face transformers: GPT-2's {@code ln_f} (mean-centred LayerNorm with bias),
 * Llama/Mistral/Qwen's RMSNorm {@code w * x / rms(x)}, Gemma's {@code (1 + w) * x / rms(x)}, with the checkpoint's
 * epsilon; tied embeddings where the model ties them; Gemma 2's final soft-cap through {@link #finalSoftcap()}.
 * None of the supported families has an unembedding bias.
 */
public final class OutputHead {

    private final Path folder;
    private final ModelSpec spec;
    private final float[] normWeight;
    private final float[] normBias; // null for RMS norms
    private final Map<Long, float[]> rows;

    private OutputHead(Path folder, ModelSpec spec, float[] normWeight, float[] normBias, Map<Long, float[]> rows) {
        this.folder = folder;
        this.spec = spec;
        this.normWeight = normWeight;
        this.normBias = normBias;
        this.rows = rows;
    }

    /**
     * Reads the head of the checkpoint in {@code folder} with the unembedding rows of {@code tokenIds}.
     *
     * @throws CheckpointException naming the file for an unsupported architecture, a missing tensor, a token id
     *     outside the vocabulary, or a pickle checkpoint (refused: unpickling can run arbitrary code)
     */
    public static OutputHead load(Path folder, long... tokenIds) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new CheckpointException(folder, "not a folder");
        }
        JsonConfig config = JsonConfig.read(folder.resolve("config.json"));
        ModelSpec spec = FamilyAdapter.of(FamilyAdapter.family(config)).spec(config);
        Map<String, Path> fileOf = tensorFiles(folder);
        boolean gpt2 = spec.family() == Family.GPT2;
        // GPT-2 checkpoints name their tensors with or without "transformer."; a file holding only the head says it too
        String prefix = gpt2 && (fileOf.containsKey("transformer.wte.weight")
                || fileOf.containsKey("transformer.ln_f.weight")) ? "transformer." : "";
        String normName = gpt2 ? prefix + "ln_f" : "model.norm";
        String embedding = gpt2 ? prefix + "wte.weight" : "model.embed_tokens.weight";
        String unembedding = spec.tiedEmbeddings() || (gpt2 && !fileOf.containsKey("lm_head.weight")) ? embedding
                : "lm_head.weight";
        int d = spec.dModel();
        try (Tensors tensors = new Tensors(folder, fileOf)) {
            float[] weight = tensors.vector(normName + ".weight", d);
            float[] bias = spec.norm() == NormKind.LAYER_NORM ? tensors.vector(normName + ".bias", d) : null;
            Map<Long, float[]> rows = new HashMap<>();
            for (long id : tokenIds) {
                rows.put(id, tensors.row(unembedding, id, spec.vocabSize(), d));
            }
            return new OutputHead(folder, spec, weight, bias, rows);
        }
    }

    public Path folder() {
        return folder;
    }

    public ModelSpec spec() {
        return spec;
    }

    public int dModel() {
        return spec.dModel();
    }

    /** The final logit soft-cap {@code c} ({@code z = c * tanh(z / c)}), 0 when the model has none. */
    public double finalSoftcap() {
        return spec.finalSoftcap();
    }

    /** The unembedding row {@code [d_model]} of a token given to {@link #load} (a copy). */
    public float[] unembeddingRow(long tokenId) {
        float[] row = rows.get(tokenId);
        if (row == null) {
            throw new IllegalArgumentException("token " + tokenId + " was not loaded from " + folder + "; loaded "
                    + rows.keySet());
        }
        return row.clone();
    }

    /**
     * Applies the final norm to {@code x[offset .. offset + d_model)} and writes the result to {@code dest} at
     * {@code destOffset} (may be the same array and offset).
     */
    public void applyFinalNorm(float[] x, int offset, float[] dest, int destOffset) {
        int d = spec.dModel();
        double eps = spec.normEps();
        if (spec.norm() == NormKind.LAYER_NORM) {
            double mean = 0;
            for (int j = 0; j < d; j++) {
                mean += x[offset + j];
            }
            mean /= d;
            double variance = 0;
            for (int j = 0; j < d; j++) {
                double c = x[offset + j] - mean;
                variance += c * c;
            }
            double inv = 1.0 / Math.sqrt(variance / d + eps);
            for (int j = 0; j < d; j++) {
                dest[destOffset + j] = (float) ((x[offset + j] - mean) * inv * normWeight[j] + normBias[j]);
            }
            return;
        }
        double squares = 0;
        for (int j = 0; j < d; j++) {
            squares += (double) x[offset + j] * x[offset + j];
        }
        double inv = 1.0 / Math.sqrt(squares / d + eps);
        boolean plusOne = spec.norm() == NormKind.RMS_NORM_PLUS_ONE;
        for (int j = 0; j < d; j++) {
            double scale = plusOne ? 1.0 + normWeight[j] : normWeight[j];
            dest[destOffset + j] = (float) (x[offset + j] * inv * scale);
        }
    }

    /**
     * The final logit of {@code tokenId} for the residual {@code x[offset .. offset + d_model)} taken as the last
     * block's output: final norm, unembedding row, soft-cap.
     */
    public double logit(float[] x, int offset, long tokenId) {
        float[] normed = new float[spec.dModel()];
        applyFinalNorm(x, offset, normed, 0);
        float[] row = rows.get(tokenId);
        if (row == null) {
            throw new IllegalArgumentException("token " + tokenId + " was not loaded from " + folder);
        }
        double z = 0;
        for (int j = 0; j < normed.length; j++) {
            z += (double) normed[j] * row[j];
        }
        double cap = spec.finalSoftcap();
        return cap > 0 ? cap * Math.tanh(z / cap) : z;
    }

    /** Tensor name -> the safetensors file holding it (single file or the shards of the index). */
    private static Map<String, Path> tensorFiles(Path folder) throws IOException {
        Path index = folder.resolve("model.safetensors.index.json");
        Path single = folder.resolve("model.safetensors");
        Map<String, Path> out = new HashMap<>();
        if (Files.isRegularFile(index)) {
            JsonConfig map = JsonConfig.read(index).object("weight_map");
            if (map == null) {
                throw new CheckpointException(index, "missing 'weight_map'");
            }
            for (Map.Entry<String, JsonElement> e : map.json().entrySet()) {
                out.put(e.getKey(), io.mechanist.runtime.internal.WeightSource.shardFile(folder, index, e.getKey(),
                        e.getValue()));
            }
            return out;
        }
        if (Files.isRegularFile(single)) {
            try (SafetensorsFile file = SafetensorsFile.open(single)) {
                for (String name : file.tensorNames()) {
                    out.put(name, single);
                }
            }
            return out;
        }
        List<String> pickles;
        try (Stream<Path> list = Files.list(folder)) {
            pickles = list.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".bin") || n.endsWith(".pt") || n.endsWith(".pth")).sorted().toList();
        }
        if (!pickles.isEmpty()) {
            throw new CheckpointException(folder.resolve(pickles.get(0)), "refusing to read a pickle checkpoint "
                    + pickles + ": unpickling can execute arbitrary code; convert it to safetensors");
        }
        throw new CheckpointException(folder, "no model.safetensors or model.safetensors.index.json in this folder");
    }

    /** Opens the files that hold the requested tensors, once each. */
    private static final class Tensors implements AutoCloseable {
        private final Path folder;
        private final Map<String, Path> fileOf;
        private final Map<Path, SafetensorsFile> open = new HashMap<>();
        private final List<SafetensorsFile> toClose = new ArrayList<>();

        Tensors(Path folder, Map<String, Path> fileOf) {
            this.folder = folder;
            this.fileOf = fileOf;
        }

        private SafetensorsFile fileFor(String name) throws IOException {
            Path path = fileOf.get(name);
            if (path == null) {
                throw new CheckpointException(folder, "missing tensor '" + name + "' (needed for the output head)");
            }
            SafetensorsFile file = open.get(path);
            if (file == null) {
                file = SafetensorsFile.open(path);
                open.put(path, file);
                toClose.add(file);
            }
            return file;
        }

        float[] vector(String name, int d) throws IOException {
            SafetensorsFile file = fileFor(name);
            TensorInfo info = file.info(name);
            if (info.shape().length != 1 || info.shape()[0] != d) {
                throw new CheckpointException(file.path(), "tensor '" + name + "' has shape "
                        + java.util.Arrays.toString(info.shape()) + ", expected [" + d + "] from config.json");
            }
            return file.readFloats(name);
        }

        float[] row(String name, long row, int rows, int d) throws IOException {
            SafetensorsFile file = fileFor(name);
            TensorInfo info = file.info(name);
            if (info.shape().length != 2 || info.shape()[0] != rows || info.shape()[1] != d) {
                throw new CheckpointException(file.path(), "tensor '" + name + "' has shape "
                        + java.util.Arrays.toString(info.shape()) + ", expected [" + rows + ", " + d + "]");
            }
            if (row < 0 || row >= rows) {
                throw new CheckpointException(file.path(), "token id " + row + " is outside the vocabulary of "
                        + rows + " tokens (tensor '" + name + "')");
            }
            DType dtype = info.dtype();
            int size = dtype.byteSize();
            ByteBuffer bytes = file.buffer(name, row * d * size, d * size);
            float[] out = new float[d];
            for (int j = 0; j < d; j++) {
                out[j] = switch (dtype) {
                    case F32 -> bytes.getFloat(j * 4);
                    case F16 -> HalfFloats.f16ToFloat(bytes.getShort(j * 2));
                    case BF16 -> HalfFloats.bf16ToFloat(bytes.getShort(j * 2));
                    case F64 -> (float) bytes.getDouble(j * 8);
                    default -> throw new CheckpointException(file.path(), "tensor '" + name + "' has dtype "
                            + dtype.safetensorsName() + "; weights must be floating point");
                };
            }
            return out;
        }

        @Override
        public void close() throws IOException {
            for (SafetensorsFile f : toClose) {
                f.close();
            }
        }
    }
}
