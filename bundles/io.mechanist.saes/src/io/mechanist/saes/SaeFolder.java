package io.mechanist.saes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.mechanist.core.hooks.HookSite;
import io.mechanist.core.hooks.TransformerLensNames;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;

/**
 * An SAE folder in SAELens's layout: {@value #CONFIG} (current or pre-6.0 flat config), {@value #WEIGHTS} and
 * optionally {@value #SPARSITY} (log10 feature densities) and {@value #SCALER}. Pickle files ({@code .pt},
 * {@code .bin}, {@code .pkl}, {@code .pth}) are never opened. The fields read are listed in docs/saes.md.
 *
 * @param folder the folder
 * @param sae the autoencoder
 * @param logDensity recorded log10 feature densities from {@value #SPARSITY}, empty when absent
 */
public record SaeFolder(Path folder, SparseAutoencoder sae, Optional<float[]> logDensity) {
    public static final String CONFIG = "cfg.json";
    public static final String WEIGHTS = "sae_weights.safetensors";
    public static final String SPARSITY = "sparsity.safetensors";
    /** SAELens's record of the expected_average_only_in factor when it was not folded into the weights. */
    public static final String SCALER = "activation_scaler.json";
    private static final List<String> PICKLE_SUFFIXES = List.of(".pt", ".pth", ".bin", ".pkl", ".pickle", ".ckpt");

    /** Where Mechanist records the fit measured when it trained an SAE (an extra cfg.json object). */
    public static final String TRAINING_RECORD = "mechanist_training";

    /**
     * Loads an SAE folder.
     *
     * @throws SaeFormatException naming the file and field for a missing or malformed config, missing or
     *     misshaped tensors, unsupported architectures or hooks, and pickle files
     */
    public static SaeFolder load(Path folder) throws IOException {
        if (Files.isRegularFile(folder) && isPickle(folder)) {
            throw pickle(folder);
        }
        if (!Files.isDirectory(folder)) {
            throw new SaeFormatException(folder, "not an SAE folder (expected a folder with " + CONFIG + " and "
                    + WEIGHTS + ")");
        }
        Path weightsFile = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(weightsFile)) {
            try (Stream<Path> files = Files.list(folder)) {
                Optional<Path> pickle = files.filter(SaeFolder::isPickle).sorted().findFirst();
                if (pickle.isPresent()) {
                    throw pickle(pickle.get());
                }
            }
            throw new SaeFormatException(weightsFile, "missing: an SAELens folder keeps its weights in " + WEIGHTS);
        }
        Path configFile = folder.resolve(CONFIG);
        List<String> notes = new ArrayList<>();
        ConfigReader reader = new ConfigReader(configFile, readJson(configFile));
        SaeConfig config = reader.config(scalingFactor(folder, reader, notes), notes);
        SparseAutoencoder sae;
        try (SafetensorsFile weights = SafetensorsFile.open(weightsFile)) {
            float[] wEnc = tensor(weights, "W_enc", config.dIn(), config.dSae());
            float[] wDec = tensor(weights, "W_dec", config.dSae(), config.dIn());
            float[] bEnc = tensor(weights, "b_enc", config.dSae());
            float[] bDec = tensor(weights, "b_dec", config.dIn());
            float[] threshold = null;
            if (config.architecture() == Architecture.JUMPRELU) {
                if (weights.contains("threshold")) {
                    threshold = tensor(weights, "threshold", config.dSae());
                } else if (weights.contains("log_threshold")) {
                    threshold = tensor(weights, "log_threshold", config.dSae());
                    for (int j = 0; j < threshold.length; j++) {
                        threshold[j] = (float) Math.exp(threshold[j]);
                    }
                } else {
                    throw new SaeFormatException(weightsFile, "a jumprelu SAE needs a tensor 'threshold' (or "
                            + "'log_threshold') of shape [" + config.dSae() + "]; the file has "
                            + weights.tensorNames());
                }
            }
            sae = new SparseAutoencoder(config, wEnc, wDec, bEnc, bDec, threshold);
        }
        return new SaeFolder(folder, sae, readSparsity(folder.resolve(SPARSITY), config.dSae()));
    }

    private static boolean isPickle(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return PICKLE_SUFFIXES.stream().anyMatch(name::endsWith);
    }

    private static SaeFormatException pickle(Path file) {
        return new SaeFormatException(file, "refusing to load a pickle file (unpickling can run arbitrary code); "
                + "convert the weights to " + WEIGHTS + " (W_enc, W_dec, b_enc, b_dec) with the safetensors package");
    }

    private static JsonObject readJson(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new SaeFormatException(file, "missing");
        }
        try {
            JsonElement json = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!json.isJsonObject()) {
                throw new SaeFormatException(file, "not a JSON object");
            }
            return json.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new SaeFormatException(file, "not valid JSON: " + e.getMessage());
        }
    }

    private static double scalingFactor(Path folder, ConfigReader reader, List<String> notes) throws IOException {
        Path scaler = folder.resolve(SCALER);
        if (Files.isRegularFile(scaler)) {
            JsonElement factor = readJson(scaler).get("scaling_factor");
            if (factor == null || !factor.isJsonPrimitive() || !factor.getAsJsonPrimitive().isNumber()) {
                throw new SaeFormatException(scaler, "field 'scaling_factor' must be a number");
            }
            double value = factor.getAsDouble();
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new SaeFormatException(scaler, "field 'scaling_factor' must be positive, was " + value);
            }
            return value;
        }
        if (reader.normalization() == Normalization.EXPECTED_AVERAGE_ONLY_IN) {
            notes.add(reader.file() + ": normalize_activations is expected_average_only_in and there is no " + SCALER
                    + "; assuming the factor was folded into the weights (SAELens does so when it saves), i.e. 1");
        }
        return 1;
    }

    private static float[] tensor(SafetensorsFile file, String name, int... shape) throws SaeFormatException {
        if (!file.contains(name)) {
            throw new SaeFormatException(file.path(), "missing tensor '" + name + "' of shape " + shapeText(shape)
                    + "; the file has " + file.tensorNames());
        }
        TensorInfo info = file.info(name);
        long[] actual = info.shape();
        boolean matches = actual.length == shape.length;
        for (int i = 0; matches && i < shape.length; i++) {
            matches = actual[i] == shape[i];
        }
        if (!matches) {
            throw new SaeFormatException(file.path(), "tensor '" + name + "' has shape " + java.util.Arrays.toString(actual)
                    + ", but cfg.json (d_in, d_sae) makes it " + shapeText(shape));
        }
        if (!info.dtype().isFloatingPoint()) {
            throw new SaeFormatException(file.path(), "tensor '" + name + "' has dtype " + info.dtype()
                    + "; expected F32, F16, BF16 or F64");
        }
        float[] values = file.readFloats(name);
        for (float v : values) {
            if (!Float.isFinite(v)) {
                throw new SaeFormatException(file.path(), "tensor '" + name + "' holds NaN or infinite values");
            }
        }
        return values;
    }

    private static String shapeText(int[] shape) {
        return java.util.Arrays.toString(shape);
    }

    private static Optional<float[]> readSparsity(Path file, int dSae) throws IOException {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (SafetensorsFile sparsity = SafetensorsFile.open(file)) {
            String name = sparsity.contains("sparsity") ? "sparsity" : sparsity.tensorNames().size() == 1
                    ? sparsity.tensorNames().get(0) : null;
            if (name == null) {
                throw new SaeFormatException(file, "expected one tensor 'sparsity' of shape [" + dSae + "]; the file has "
                        + sparsity.tensorNames());
            }
            TensorInfo info = sparsity.info(name);
            if (info.elementCount() != dSae) {
                throw new SaeFormatException(file, "tensor '" + name + "' has " + info.elementCount()
                        + " values, one per feature would be " + dSae);
            }
            return Optional.of(sparsity.readFloats(name));
        }
    }

    /**
     * Writes {@code sae} as an SAELens 6 folder: cfg.json (hook and model under {@code metadata}), F32 weights and,
     * when given, log10 feature densities. Files are replaced atomically.
     *
     * @param logDensity log10 density per feature, or null
     * @param training what to record under {@value #TRAINING_RECORD}, or null
     */
    public static void write(Path folder, SparseAutoencoder sae, float[] logDensity, JsonObject training)
            throws IOException {
        Files.createDirectories(folder);
        SaeConfig config = sae.config();
        JsonObject cfg = new JsonObject();
        cfg.addProperty("architecture", config.architecture().configName());
        cfg.addProperty("d_in", config.dIn());
        cfg.addProperty("d_sae", config.dSae());
        if (config.architecture() == Architecture.TOPK) {
            cfg.addProperty("k", config.k());
        }
        cfg.addProperty("dtype", "float32");
        cfg.addProperty("device", "cpu");
        cfg.addProperty("apply_b_dec_to_input", config.applyBDecToInput());
        cfg.addProperty("normalize_activations", config.normalization().configName());
        // a captured attn_z row is [head, d_head] in row-major order: SAELens's flattened hook_z layout
        cfg.addProperty("reshape_activations",
                config.site().point() == io.mechanist.core.hooks.HookPoint.ATTN_Z ? "hook_z" : "none");
        JsonObject metadata = new JsonObject();
        metadata.addProperty("model_name", config.modelName());
        metadata.addProperty("hook_name", TransformerLensNames.nameOf(config.site()).orElse(config.site().id()));
        metadata.add("hook_head_index", JsonNull.INSTANCE);
        cfg.add("metadata", metadata);
        if (training != null) {
            cfg.add(TRAINING_RECORD, training);
        }
        SafetensorsWriter weights = new SafetensorsWriter()
                .add("W_enc", DType.F32, new long[] {config.dIn(), config.dSae()}, sae.encoderWeights())
                .add("W_dec", DType.F32, new long[] {config.dSae(), config.dIn()}, sae.decoderWeights())
                .add("b_enc", DType.F32, new long[] {config.dSae()}, sae.encoderBias())
                .add("b_dec", DType.F32, new long[] {config.dIn()}, sae.decoderBias());
        if (sae.threshold() != null) {
            weights.add("threshold", DType.F32, new long[] {config.dSae()}, sae.threshold());
        }
        weights.writeAtomically(folder.resolve(WEIGHTS));
        if (logDensity != null) {
            new SafetensorsWriter().add("sparsity", DType.F32, new long[] {config.dSae()}, logDensity)
                    .writeAtomically(folder.resolve(SPARSITY));
        }
        Path cfgFile = folder.resolve(CONFIG);
        Path temp = folder.resolve(CONFIG + ".tmp");
        Files.writeString(temp, new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(cfg) + "\n",
                StandardCharsets.UTF_8);
        Files.move(temp, cfgFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Reads cfg.json fields, accepting SAELens 6 (metadata object) and the earlier flat layout. */
    private record ConfigReader(Path file, JsonObject json) {

        JsonElement field(String... names) {
            JsonObject metadata = json.has("metadata") && json.get("metadata").isJsonObject()
                    ? json.getAsJsonObject("metadata") : null;
            for (String name : names) {
                JsonElement value = json.get(name);
                if (value == null && metadata != null) {
                    value = metadata.get(name);
                }
                if (value != null && !value.isJsonNull()) {
                    return value;
                }
            }
            return null;
        }

        String string(String... names) throws SaeFormatException {
            JsonElement value = field(names);
            if (value == null) {
                return null;
            }
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
                throw new SaeFormatException(file, "field '" + names[0] + "' must be a string, was " + value);
            }
            return value.getAsString();
        }

        int integer(String name) throws SaeFormatException {
            JsonElement value = field(name);
            if (value == null) {
                throw new SaeFormatException(file, "missing field '" + name + "'");
            }
            return integer(name, value);
        }

        int integer(String name, JsonElement value) throws SaeFormatException {
            if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()
                    || value.getAsDouble() != Math.rint(value.getAsDouble())) {
                throw new SaeFormatException(file, "field '" + name + "' must be an integer, was " + value);
            }
            return value.getAsInt();
        }

        Normalization normalization() throws SaeFormatException {
            String value = string("normalize_activations");
            if (value == null) {
                return Normalization.NONE;
            }
            for (Normalization n : Normalization.values()) {
                if (n.configName().equals(value)) {
                    return n;
                }
            }
            throw new SaeFormatException(file, "field 'normalize_activations' is '" + value + "'; Mechanist knows "
                    + java.util.Arrays.stream(Normalization.values()).map(Normalization::configName).toList());
        }

        SaeConfig config(double scalingFactor, List<String> notes) throws SaeFormatException {
            int dIn = integer("d_in");
            int dSae = integer("d_sae");
            String activation = string("activation_fn", "activation_fn_str");
            String architectureName = string("architecture");
            if (architectureName == null) {
                architectureName = "standard";
            }
            Architecture architecture = switch (architectureName) {
                case "standard" -> "topk".equals(activation) ? Architecture.TOPK : Architecture.STANDARD;
                case "jumprelu" -> Architecture.JUMPRELU;
                case "topk", "batchtopk" -> Architecture.TOPK;
                default -> throw new SaeFormatException(file, "field 'architecture' is '" + architectureName
                        + "'; Mechanist reads standard, jumprelu and topk (batchtopk as topk)");
            };
            if (architecture == Architecture.STANDARD && activation != null && !activation.equals("relu")) {
                throw new SaeFormatException(file, "field 'activation_fn' is '" + activation
                        + "'; a standard SAE must use relu (or topk)");
            }
            if ("batchtopk".equals(architectureName)) {
                notes.add(file + ": batchtopk is encoded per row with its k (SAELens runs it as topk at inference)");
            }
            int k = 0;
            if (architecture == Architecture.TOPK) {
                JsonElement kValue = field("k");
                if (kValue == null && json.has("activation_fn_kwargs") && json.get("activation_fn_kwargs").isJsonObject()) {
                    kValue = json.getAsJsonObject("activation_fn_kwargs").get("k");
                }
                if (kValue == null) {
                    throw new SaeFormatException(file, "a topk SAE needs field 'k' (or activation_fn_kwargs.k)");
                }
                k = integer("k", kValue);
                if (k < 1 || k > dSae) {
                    throw new SaeFormatException(file, "field 'k' is " + k + "; it must be in 1.." + dSae);
                }
            }
            JsonElement apply = field("apply_b_dec_to_input");
            boolean applyBDec = true;
            if (apply == null) {
                notes.add(file + ": no apply_b_dec_to_input; assuming true (SAELens's default)");
            } else if (apply.isJsonPrimitive() && apply.getAsJsonPrimitive().isBoolean()) {
                applyBDec = apply.getAsBoolean();
            } else {
                throw new SaeFormatException(file, "field 'apply_b_dec_to_input' must be true or false, was " + apply);
            }
            String hookName = string("hook_name", "hook_point");
            if (hookName == null) {
                throw new SaeFormatException(file, "missing field 'hook_name' (or 'hook_point' before SAELens 6, "
                        + "also looked for under 'metadata')");
            }
            JsonElement head = field("hook_head_index");
            if (head != null) {
                throw new SaeFormatException(file, "field 'hook_head_index' is " + head
                        + ": SAEs on one attention head are not supported (SAEs on all heads of hook_z, flattened, "
                        + "are)");
            }
            String reshape = string("reshape_activations");
            HookSite site = site(hookName);
            boolean hookZ = site.point() == io.mechanist.core.hooks.HookPoint.ATTN_Z;
            if (reshape != null && !reshape.equals("none") && !reshape.equals("hook_z")) {
                throw new SaeFormatException(file, "field 'reshape_activations' is '" + reshape
                        + "': only 'none' and 'hook_z' are known");
            }
            if ("hook_z".equals(reshape) && !hookZ) {
                throw new SaeFormatException(file, "field 'reshape_activations' is 'hook_z', but hook_name '" + hookName
                        + "' is not an attention hook_z site (blocks.L.attn.hook_z)");
            }
            if (hookZ && "none".equals(reshape)) {
                throw new SaeFormatException(file, "field 'reshape_activations' is 'none' with hook_name '" + hookName
                        + "': a hook_z SAE reads the heads flattened (reshape_activations 'hook_z')");
            }
            if (hookZ && reshape == null) {
                notes.add(file + ": hook_z without reshape_activations (before SAELens 6): the heads are flattened, "
                        + "as SAELens did for hook_z");
            }
            if (site.point() == io.mechanist.core.hooks.HookPoint.ATTN_PATTERN
                    || site.point() == io.mechanist.core.hooks.HookPoint.LOGITS) {
                throw new SaeFormatException(file, "field 'hook_name' is '" + hookName + "' (" + site.id()
                        + "): SAEs are read on [pos, d_model] sites only");
            }
            if (dIn < 1 || dSae < 1) {
                throw new SaeFormatException(file, "fields 'd_in' and 'd_sae' must be positive, were " + dIn + " and "
                        + dSae);
            }
            double expected = Double.NaN;
            JsonElement training = json.get(TRAINING_RECORD);
            if (training != null && training.isJsonObject()
                    && training.getAsJsonObject().has("fraction_variance_explained")) {
                expected = training.getAsJsonObject().get("fraction_variance_explained").getAsDouble();
            }
            String model = string("model_name");
            return new SaeConfig(architecture, dIn, dSae, k, applyBDec, normalization(), scalingFactor, hookName, site,
                    model, expected, notes);
        }

        private HookSite site(String hookName) throws SaeFormatException {
            HookSite site;
            try {
                site = TransformerLensNames.parse(hookName).orElseGet(() -> HookSite.parse(hookName));
            } catch (IllegalArgumentException e) {
                throw new SaeFormatException(file, "field 'hook_name' is '" + hookName + "', which is neither a "
                        + "TransformerLens hook with a Mechanist site (blocks.L.hook_resid_pre/mid/post, hook_attn_out, "
                        + "hook_mlp_out) nor a Mechanist site id");
            }
            if (site.point().axes().contains("head") && site.point() != io.mechanist.core.hooks.HookPoint.ATTN_Z) {
                throw new SaeFormatException(file, "field 'hook_name' is '" + hookName + "', a per-head site; of the "
                        + "per-head sites only hook_z (heads flattened) is supported, not q, k, v or attention");
            }
            return site;
        }
    }
}
