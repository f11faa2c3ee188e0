package io.mechanist.saes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * SAEs kept in a store, beside its captures: {@code <store>/saes/<id>/} holds a copy of the SAELens folder's
 * files and {@code <store>/saes/manifest.json} lists them (id, hook, site, architecture, d_in, d_sae, model, where
 * they were added from). Not part of store.xmi: the store's EMF model has no SAE element yet.
 */
public final class SaeLibrary {
    public static final String FOLDER = "saes";
    public static final String MANIFEST = "manifest.json";
    private static final List<String> FILES = List.of(SaeFolder.CONFIG, SaeFolder.WEIGHTS, SaeFolder.SPARSITY,
            SaeFolder.SCALER);

    /** One entry of the manifest. */
    public record Entry(String id, String hookName, String site, String architecture, int dIn, int dSae,
            String modelName, String addedFrom) {
    }

    private final Path root;

    public SaeLibrary(Path storeFolder) {
        this.root = storeFolder.resolve(FOLDER);
    }

    /** The SAEs of the store, in the order they were added. */
    public List<Entry> list() throws IOException {
        Path manifest = root.resolve(MANIFEST);
        if (!Files.isRegularFile(manifest)) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        try {
            for (JsonElement e : JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("saes")) {
                JsonObject o = e.getAsJsonObject();
                out.add(new Entry(o.get("id").getAsString(), o.get("hookName").getAsString(),
                        o.get("site").getAsString(), o.get("architecture").getAsString(), o.get("dIn").getAsInt(),
                        o.get("dSae").getAsInt(), o.get("modelName").getAsString(), o.get("addedFrom").getAsString()));
            }
        } catch (RuntimeException e) {
            throw new SaeFormatException(manifest, "not a manifest of SAEs (" + e.getMessage() + ")");
        }
        return out;
    }

    /** The folder of stored SAE {@code id}, if the manifest lists it. */
    public Optional<Path> folder(String id) throws IOException {
        return list().stream().filter(e -> e.id().equals(id)).findFirst().map(e -> root.resolve(e.id()));
    }

    /**
     * Copies the SAE folder {@code source} (after loading it, so a broken folder is refused) into the store as
     * {@code id}; only the known regular files are copied, links are refused.
     */
    public Entry add(Path source, String id) throws IOException {
        if (!id.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}") || id.contains("..")) {
            throw new IllegalArgumentException("SAE id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        SaeConfig config = SaeFolder.load(source).sae().config();
        List<Entry> entries = new ArrayList<>(list());
        if (entries.stream().anyMatch(e -> e.id().equals(id))) {
            throw new IllegalArgumentException("the store already has an SAE '" + id + "'");
        }
        Path target = root.resolve(id);
        Path temp = root.resolve("." + id + ".adding");
        Files.createDirectories(temp);
        for (String name : FILES) {
            Path file = source.resolve(name);
            if (Files.isSymbolicLink(file)) {
                throw new SaeFormatException(file, "is a link; copy the file itself");
            }
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.copy(file, temp.resolve(name), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        Entry entry = new Entry(id, config.hookName(), config.site().id(), config.architecture().configName(),
                config.dIn(), config.dSae(), config.modelName(), source.toAbsolutePath().toString());
        entries.add(entry);
        writeManifest(entries);
        return entry;
    }

    private void writeManifest(List<Entry> entries) throws IOException {
        JsonArray array = new JsonArray();
        for (Entry e : entries) {
            JsonObject o = new JsonObject();
            o.addProperty("id", e.id());
            o.addProperty("hookName", e.hookName());
            o.addProperty("site", e.site());
            o.addProperty("architecture", e.architecture());
            o.addProperty("dIn", e.dIn());
            o.addProperty("dSae", e.dSae());
            o.addProperty("modelName", e.modelName());
            o.addProperty("addedFrom", e.addedFrom());
            array.add(o);
        }
        JsonObject manifest = new JsonObject();
        manifest.add("saes", array);
        Path temp = root.resolve(MANIFEST + ".tmp");
        Files.writeString(temp, new GsonBuilder().setPrettyPrinting().create().toJson(manifest) + "\n",
                StandardCharsets.UTF_8);
        Files.move(temp, root.resolve(MANIFEST), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * An SAE argument: an existing folder, or the id of an SAE of the store at {@code storeFolder} (may be null).
     */
    public static Path resolve(Path storeFolder, String folderOrId) throws IOException {
        Path asPath = Path.of(folderOrId);
        if (Files.isDirectory(asPath) || storeFolder == null) {
            return asPath;
        }
        return new SaeLibrary(storeFolder).folder(folderOrId).orElse(asPath);
    }
}
