package io.mechanist.saes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.model.FileDigest;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.ModelRef;
import io.mechanist.model.StoredSae;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.StoreCorruptionException;

/**
 * SAEs kept in a store, beside the models they belong to: each is a {@link StoredSae} element of store.xmi whose
 * files (a copy of the SAELens folder's known files) live in {@code <store>/saes/<id>/}, each recorded with its size
 * and SHA-256.
 * <p>
 * A store is shared data, so what store.xmi records is checked before a file is touched: the folder must be
 * {@code saes/<id>}, the files the known SAELens names, none a symbolic link, and the folder's real path inside the
 * store's; sizes and hashes must match before the folder is handed out. Stores written before SAEs were in
 * store.xmi list them in {@code saes/manifest.json}: those are read too (ids and folders checked the same way) and
 * moved into store.xmi by {@link #migrate} (which {@link #add} runs first).
 */
public final class SaeLibrary {
    public static final String FOLDER = "saes";
    /** The list of SAEs of stores written before SAEs were part of store.xmi. */
    public static final String LEGACY_MANIFEST = "manifest.json";
    private static final List<String> FILES = List.of(SaeFolder.CONFIG, SaeFolder.WEIGHTS, SaeFolder.SPARSITY,
            SaeFolder.SCALER);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

    /**
     * One SAE of the store.
     *
     * @param modelId the store's model it belongs to, empty if not recorded
     * @param legacy listed only in the old {@code saes/manifest.json}, not yet in store.xmi
     */
    public record Entry(String id, String hookName, String site, String architecture, int dIn, int dSae,
            String modelName, String modelId, String addedFrom, boolean legacy) {
    }

    private final ActivationStore store;
    private final Path root;

    public SaeLibrary(ActivationStore store) {
        this.store = store;
        this.root = store.folder().resolve(FOLDER);
    }

    /** The SAEs of the store, in the order they were added (those of an old manifest last). */
    public List<Entry> list() throws IOException {
        List<Entry> out = new ArrayList<>(store.read(s -> s.getSaes().stream().map(SaeLibrary::entry).toList()));
        for (Entry legacy : legacyEntries()) {
            if (out.stream().noneMatch(e -> e.id().equals(legacy.id()))) {
                out.add(legacy);
            }
        }
        return out;
    }

    /**
     * The folder of stored SAE {@code id}, checked (contained in the store, no links, recorded sizes and hashes),
     * or empty if the store has no such SAE.
     *
     * @throws StoreCorruptionException if what store.xmi (or the old manifest) records for it is not sound
     */
    public Optional<Path> folder(String id) throws IOException {
        record Recorded(String folder, Map<String, FileDigestValue> files) {
        }
        Recorded recorded = store.read(s -> s.getSaes().stream().filter(e -> id.equals(e.getId())).findFirst()
                .map(e -> {
                    Map<String, FileDigestValue> files = new LinkedHashMap<>();
                    for (FileDigest f : e.getFiles()) {
                        files.put(f.getPath(), new FileDigestValue(f.getSize(), f.getSha256()));
                    }
                    return new Recorded(e.getFolder(), files);
                }).orElse(null));
        if (recorded != null) {
            String element = "SAE '" + id + "'";
            Path folder = checkedFolder(id, recorded.folder(), element);
            for (String name : recorded.files().keySet()) {
                if (!FILES.contains(name)) {
                    throw corrupt(element + " records file '" + name + "', which is not one of " + FILES);
                }
            }
            if (!recorded.files().containsKey(SaeFolder.CONFIG) || !recorded.files().containsKey(SaeFolder.WEIGHTS)) {
                throw corrupt(element + " does not record both " + SaeFolder.CONFIG + " and " + SaeFolder.WEIGHTS);
            }
            for (Map.Entry<String, FileDigestValue> f : recorded.files().entrySet()) {
                Path file = folder.resolve(f.getKey());
                requirePlainFile(file, element);
                FileDigestValue actual = digest(file);
                if (actual.size() != f.getValue().size() || !actual.sha256().equals(f.getValue().sha256())) {
                    throw new StoreCorruptionException(file, "size or SHA-256 differs from what store.xmi records for "
                            + element + " (" + actual.size() + " bytes, expected " + f.getValue().size() + ")");
                }
            }
            requireOnlyRecordedFiles(folder, recorded.files().keySet(), element);
            return Optional.of(folder);
        }
        for (Entry legacy : legacyEntries()) {
            if (legacy.id().equals(id)) {
                String element = "SAE '" + id + "' of " + FOLDER + "/" + LEGACY_MANIFEST;
                Path folder = checkedFolder(id, FOLDER + "/" + id, element);
                for (String name : FILES) {
                    if (Files.exists(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                        requirePlainFile(folder.resolve(name), element);
                    }
                }
                requireOnlyRecordedFiles(folder, FILES, element);
                return Optional.of(folder);
            }
        }
        return Optional.empty();
    }

    /**
     * Copies the SAE folder {@code source} (after loading it, so a broken folder is refused) into the store as
     * {@code id} and records it in store.xmi; only the known regular files are copied, links are refused.
     *
     * @param modelId the id of the store's model the SAE belongs to, or null
     */
    public Entry add(Path source, String id, String modelId) throws IOException {
        if (!ID.matcher(id).matches() || id.contains("..")) {
            throw new IllegalArgumentException("SAE id '" + id + "' must be letters, digits, '.', '_' or '-'");
        }
        SaeConfig config = SaeFolder.load(source).sae().config();
        migrate();
        if (list().stream().anyMatch(e -> e.id().equals(id))) {
            throw new IllegalArgumentException("the store already has an SAE '" + id + "'");
        }
        if (modelId != null && store.read(s -> s.getModels().stream().noneMatch(m -> modelId.equals(m.getId())))) {
            throw new IllegalArgumentException("the store has no model '" + modelId + "'");
        }
        Path target = root.resolve(id);
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(target + " exists but store.xmi does not record it; move it away first");
        }
        requireRootNotLinked();
        Files.createDirectories(root);
        if (!root.toRealPath().startsWith(store.folder().toRealPath())) {
            throw corrupt(FOLDER + "/ leads outside the store folder");
        }
        Path temp = root.resolve("." + id + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp");
        Map<String, FileDigestValue> copied = new LinkedHashMap<>();
        try {
            Files.createDirectory(temp);
            for (String name : FILES) {
                Path file = source.resolve(name);
                if (Files.isSymbolicLink(file)) {
                    throw new SaeFormatException(file, "is a link; copy the file itself");
                }
                if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                    copied.put(name, copy(file, temp.resolve(name)));
                }
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            deleteTree(temp);
            throw e;
        }
        String addedFrom = source.toAbsolutePath().normalize().toString();
        try {
            return store.commit(s -> {
                StoredSae sae = MechanistFactory.eINSTANCE.createStoredSae();
                sae.setId(id);
                sae.setName(id);
                sae.setCreatedAt(new java.util.Date());
                sae.setFolder(FOLDER + "/" + id);
                sae.setHookName(config.hookName());
                sae.setSiteId(config.site().id());
                sae.setArchitecture(config.architecture().configName());
                sae.setDIn(config.dIn());
                sae.setDSae(config.dSae());
                sae.setModelName(config.modelName());
                sae.setAddedFrom(addedFrom);
                if (modelId != null) {
                    sae.setModel(s.getModels().stream().filter(m -> modelId.equals(m.getId())).findFirst()
                            .orElseThrow());
                }
                copied.forEach((name, digest) -> sae.getFiles().add(fileDigest(name, digest)));
                s.getSaes().add(sae);
                return entry(sae);
            });
        } catch (IOException | RuntimeException e) {
            deleteTree(target); // not recorded: nothing points to it
            throw e;
        }
    }

    /**
     * Moves the SAEs of an old {@code saes/manifest.json} into store.xmi (their files stay where they are, now with
     * sizes and hashes recorded) and removes the manifest.
     *
     * @return how many SAEs were moved
     */
    public int migrate() throws IOException {
        List<Entry> legacy = legacyEntries();
        if (legacy.isEmpty()) {
            return 0;
        }
        Map<String, Map<String, FileDigestValue>> files = new LinkedHashMap<>();
        for (Entry e : legacy) {
            Path folder = folder(e.id()).orElseThrow();
            Map<String, FileDigestValue> digests = new LinkedHashMap<>();
            for (String name : FILES) {
                if (Files.isRegularFile(folder.resolve(name), LinkOption.NOFOLLOW_LINKS)) {
                    digests.put(name, digest(folder.resolve(name)));
                }
            }
            files.put(e.id(), digests);
        }
        int moved = store.commit(s -> {
            int count = 0;
            for (Entry e : legacy) {
                if (s.getSaes().stream().anyMatch(x -> e.id().equals(x.getId()))) {
                    continue;
                }
                StoredSae sae = MechanistFactory.eINSTANCE.createStoredSae();
                sae.setId(e.id());
                sae.setName(e.id());
                sae.setFolder(FOLDER + "/" + e.id());
                sae.setHookName(e.hookName());
                sae.setSiteId(e.site());
                sae.setArchitecture(e.architecture());
                sae.setDIn(e.dIn());
                sae.setDSae(e.dSae());
                sae.setModelName(e.modelName());
                sae.setAddedFrom(e.addedFrom());
                files.get(e.id()).forEach((name, digest) -> sae.getFiles().add(fileDigest(name, digest)));
                s.getSaes().add(sae);
                count++;
            }
            return count;
        });
        Files.delete(root.resolve(LEGACY_MANIFEST));
        return moved;
    }

    /**
     * An SAE argument: an existing folder, or the id of an SAE of the store at {@code storeFolder} (may be null,
     * or a folder without a store).
     */
    public static Path resolve(Path storeFolder, String folderOrId) throws IOException {
        Path asPath = Path.of(folderOrId);
        if (Files.isDirectory(asPath) || storeFolder == null
                || !Files.isRegularFile(storeFolder.resolve("store.xmi"))) {
            return asPath;
        }
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            return new SaeLibrary(store).folder(folderOrId).orElse(asPath);
        }
    }

    private static Entry entry(StoredSae sae) {
        ModelRef model = sae.getModel();
        return new Entry(sae.getId(), sae.getHookName(), sae.getSiteId(), sae.getArchitecture(), sae.getDIn(),
                sae.getDSae(), sae.getModelName(), model == null ? "" : model.getId(), sae.getAddedFrom(), false);
    }

    /** The entries of an old {@code saes/manifest.json}; ids are checked, since the file is part of shared data. */
    private List<Entry> legacyEntries() throws IOException {
        requireRootNotLinked();
        Path manifest = root.resolve(LEGACY_MANIFEST);
        if (!Files.exists(manifest, LinkOption.NOFOLLOW_LINKS)) {
            return List.of();
        }
        requirePlainFile(manifest, FOLDER + "/" + LEGACY_MANIFEST);
        List<Entry> out = new ArrayList<>();
        try {
            for (JsonElement e : JsonParser.parseString(Files.readString(manifest, StandardCharsets.UTF_8))
                    .getAsJsonObject().getAsJsonArray("saes")) {
                JsonObject o = e.getAsJsonObject();
                String id = o.get("id").getAsString();
                if (!ID.matcher(id).matches() || id.contains("..")) {
                    throw new SaeFormatException(manifest, "SAE id '" + id + "' is not a plain name; the manifest "
                            + "may only name folders of saes/");
                }
                out.add(new Entry(id, o.get("hookName").getAsString(), o.get("site").getAsString(),
                        o.get("architecture").getAsString(), o.get("dIn").getAsInt(), o.get("dSae").getAsInt(),
                        o.get("modelName").getAsString(), "", o.get("addedFrom").getAsString(), true));
            }
        } catch (SaeFormatException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new SaeFormatException(manifest, "not a manifest of SAEs (" + e.getMessage() + ")");
        }
        return out;
    }

    /** {@code saes/} itself must not lead elsewhere: nothing is read or written through it then. */
    private void requireRootNotLinked() throws StoreCorruptionException {
        if (Files.isSymbolicLink(root)) {
            throw corrupt(FOLDER + "/ is a symbolic link; SAEs are read and written only inside the store");
        }
    }

    /** {@code saes/<id>}, exactly, and on disk a real folder inside the store's real folder. */
    private Path checkedFolder(String id, String recorded, String element) throws IOException {
        if (id == null || !ID.matcher(id).matches() || id.contains("..")) {
            throw corrupt("an SAE has id '" + id + "', which is not a plain name");
        }
        if (!(FOLDER + "/" + id).equals(recorded)) {
            throw corrupt(element + " has folder '" + recorded + "', which is not " + FOLDER + "/" + id
                    + " inside the store");
        }
        Path folder = root.resolve(id);
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            throw corrupt(element + ": folder " + recorded + " is missing or not a plain folder");
        }
        Path realStore = store.folder().toRealPath();
        if (!folder.toRealPath().startsWith(realStore) || !root.toRealPath().startsWith(realStore)) {
            throw corrupt(element + ": folder " + recorded + " leads outside the store folder through a symbolic link");
        }
        return folder;
    }

    /** No file beside the recorded ones (a pickle or anything else slipped in is not read). */
    private void requireOnlyRecordedFiles(Path folder, java.util.Collection<String> names, String element)
            throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                if (!names.contains(f.getFileName().toString())) {
                    throw corrupt(element + ": " + store.folder().relativize(f) + " is not one of its recorded files");
                }
            }
        }
    }

    private void requirePlainFile(Path file, String element) throws IOException {
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            throw corrupt(element + ": " + store.folder().relativize(file)
                    + (Files.isSymbolicLink(file) ? " is a symbolic link" : " is missing or not a plain file"));
        }
    }

    private StoreCorruptionException corrupt(String problem) {
        return new StoreCorruptionException(store.folder().resolve("store.xmi"), problem);
    }

    private record FileDigestValue(long size, String sha256) {
    }

    private static FileDigest fileDigest(String name, FileDigestValue digest) {
        FileDigest f = MechanistFactory.eINSTANCE.createFileDigest();
        f.setPath(name);
        f.setSize(digest.size());
        f.setSha256(digest.sha256());
        return f;
    }

    private static FileDigestValue digest(Path file) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS), sha)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                size += n;
            }
        }
        return new FileDigestValue(size, HexFormat.of().formatHex(sha.digest()));
    }

    /** Copies and hashes what was copied, then forces it to disk (the folder is renamed into place after). */
    private static FileDigestValue copy(Path from, Path to) throws IOException {
        MessageDigest sha = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(Files.newInputStream(from, LinkOption.NOFOLLOW_LINKS), sha);
                OutputStream out = Files.newOutputStream(to)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0;) {
                out.write(buffer, 0, n);
                size += n;
            }
        }
        try (var channel = java.nio.channels.FileChannel.open(to, java.nio.file.StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return new FileDigestValue(size, HexFormat.of().formatHex(sha.digest()));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
