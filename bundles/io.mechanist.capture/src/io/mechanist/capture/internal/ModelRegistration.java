package io.mechanist.capture.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.model.FileDigest;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.runtime.ModelSpec;
import io.mechanist.store.ActivationStore;

/**
 * Records a checkpoint folder in a store: folder, architecture, family, key config values, and the size and
 * SHA-256 of every file that determines its numbers (weights, index, config, tokenizer). A folder whose files
 * hash the same as an entry already in the store reuses that entry. Weight shards are hashed through
 * {@link FileHashCache}, so an unchanged checkpoint is not read again for every capture.
 */
public final class ModelRegistration {

    /** Files besides the weight shards whose contents define what the model computes. */
    private static final List<String> DEFINING_FILES = List.of("config.json", "model.safetensors.index.json",
            "generation_config.json", "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");

    /** One hashed file: path relative to the checkpoint folder. */
    public record HashedFile(String path, long size, String sha256) {
    }

    private ModelRegistration() {
    }

    /** The files of {@code folder} that define the model, hashed, sorted by path. */
    public static List<HashedFile> hash(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(folder)) {
            list.filter(p -> Files.isRegularFile(p) && definesModel(p.getFileName().toString())).forEach(files::add);
        }
        List<HashedFile> hashed = new ArrayList<>();
        for (Path file : files) {
            hashed.add(new HashedFile(file.getFileName().toString(), Files.size(file), FileHashCache.sha256(file)));
        }
        hashed.sort((a, b) -> a.path().compareTo(b.path()));
        return hashed;
    }

    /** Whether a file of this name in a checkpoint folder is one of those {@link #hash} hashes. */
    public static boolean definesModel(String fileName) {
        return fileName.endsWith(".safetensors") || DEFINING_FILES.contains(fileName);
    }

    /**
     * The id of the store's entry for this checkpoint, creating it if no entry has the same file hashes.
     *
     * @param files from {@link #hash}
     */
    public static String register(ActivationStore store, Path folder, ModelSpec spec, List<HashedFile> files)
            throws IOException {
        return register(store, folder, null, spec, files, null);
    }

    /**
     * {@link #register(ActivationStore, Path, ModelSpec, List)} for {@code folder}, a local copy of the checkpoint
     * at {@code source} (a Hadoop URI, recorded as the model's folder; null: {@code folder} is the checkpoint), with
     * the weights' dtype given, or null to read it from the first shard in {@code folder} (a folder that holds only
     * part of the checkpoint gives it).
     */
    public static String register(ActivationStore store, Path folder, String source, ModelSpec spec,
            List<HashedFile> files, String weightDtype) throws IOException {
        Set<String> digests = files.stream().map(f -> f.path() + "=" + f.sha256()).collect(Collectors.toSet());
        String existing = store.read(s -> s.getModels().stream()
                .filter(m -> m.getFiles().stream().map(f -> f.getPath() + "=" + f.getSha256())
                        .collect(Collectors.toSet()).equals(digests))
                .map(ModelRef::getId).findFirst().orElse(null));
        if (existing != null) {
            return existing;
        }
        Map<String, String> config = configValues(folder.resolve("config.json"));
        String dtype = weightDtype != null ? weightDtype : weightDtype(folder, files);
        Path absolute = folder.toAbsolutePath().normalize();
        String base = FileHashes.toId(absolute.getFileName() == null ? "model" : absolute.getFileName().toString());
        return store.commit(s -> {
            String id = base;
            for (int n = 2; ids(s.getModels()).contains(id); n++) {
                id = base + "-" + n;
            }
            ModelRef model = MechanistFactory.eINSTANCE.createModelRef();
            model.setId(id);
            model.setName(base);
            model.setFolder(source != null ? source : absolute.toString());
            model.setArchitecture(spec.family().architecture());
            model.setFamily(spec.family().name().toLowerCase());
            model.setNumLayers(spec.layerCount());
            model.setDModel(spec.dModel());
            model.setNumHeads(spec.headCount());
            model.setVocabSize(spec.vocabSize());
            model.setWeightDtype(dtype);
            model.getConfig().putAll(config);
            for (HashedFile file : files) {
                FileDigest digest = MechanistFactory.eINSTANCE.createFileDigest();
                digest.setPath(file.path());
                digest.setSize(file.size());
                digest.setSha256(file.sha256());
                model.getFiles().add(digest);
            }
            s.getModels().add(model);
            return id;
        });
    }

    private static List<String> ids(List<ModelRef> models) {
        return models.stream().map(ModelRef::getId).toList();
    }

    /** Top-level values of config.json as text (nested objects and lists as compact JSON). */
    static Map<String, String> configValues(Path configFile) throws IOException {
        JsonObject json;
        try (Reader reader = Files.newBufferedReader(configFile, StandardCharsets.UTF_8)) {
            json = JsonParser.parseReader(reader).getAsJsonObject();
        } catch (RuntimeException e) {
            throw new IOException(configFile + ": not a JSON object: " + e.getMessage(), e);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonElement> entry : json.entrySet()) {
            JsonElement value = entry.getValue();
            values.put(entry.getKey(), value.isJsonPrimitive() ? value.getAsString() : value.toString());
        }
        return values;
    }

    private static String weightDtype(Path folder, List<HashedFile> files) throws IOException {
        for (HashedFile file : files) {
            if (file.path().endsWith(".safetensors")) {
                try (SafetensorsFile weights = SafetensorsFile.open(folder.resolve(file.path()))) {
                    if (!weights.tensorNames().isEmpty()) {
                        return weights.info(weights.tensorNames().get(0)).dtype().safetensorsName();
                    }
                }
            }
        }
        return "";
    }
}
