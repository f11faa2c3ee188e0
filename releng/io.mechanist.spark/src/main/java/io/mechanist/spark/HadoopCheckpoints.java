package io.mechanist.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.capture.CheckpointShape;
import io.mechanist.capture.internal.ModelRegistration;
import io.mechanist.core.tensor.DType;

/**
 * Checkpoint folders named by a Hadoop URI ({@code hdfs://}, {@code s3a://}, {@code file:}, any scheme the Hadoop
 * configuration knows): each JVM (driver or executor) copies the folder once into a local cache and loads the
 * copy, since the runtime reads checkpoints through memory maps of local files. Only the files that define the
 * model are copied (config, safetensors weights and their index, tokenizer files); a pickled checkpoint is refused,
 * never copied. A location without a scheme is a local path, used as it is (a shared POSIX mount). The driver, which
 * runs no forward pass, fetches less ({@link #forDriver}): no weight shard but the final norm's.
 */
final class HadoopCheckpoints {

    /** Files besides the weights that the runtime and the store's model registration read. */
    private static final List<String> DEFINING_FILES = List.of("config.json", "generation_config.json",
            "tokenizer.json", "tokenizer_config.json", "special_tokens_map.json");
    private static final List<String> PICKLE_SUFFIXES = List.of(".bin", ".pt", ".pth", ".ckpt", ".pkl");
    /** A URI scheme of two or more characters (one letter is a Windows drive, not a scheme). */
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]+:.*");
    /** Where the copies go: {@code MECHANIST_CHECKPOINT_CACHE}, else the JVM's temporary folder. */
    private static final String CACHE_ENV = "MECHANIST_CHECKPOINT_CACHE";

    /** Where a sharded checkpoint's index says which shard holds each tensor. */
    private static final String INDEX = "model.safetensors.index.json";
    /** The tensors of the final norm, as {@link io.mechanist.runtime.OutputHead} names them in each family. */
    private static final List<String> FINAL_NORM_TENSORS = List.of("model.norm.weight", "model.norm.bias",
            "ln_f.weight", "ln_f.bias", "transformer.ln_f.weight", "transformer.ln_f.bias");
    /** As the safetensors format bounds it. */
    private static final long MAX_HEADER_BYTES = 100_000_000L;

    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();
    private static final Map<String, DriverCopy> DRIVER_COPIES = new ConcurrentHashMap<>();

    private HadoopCheckpoints() {
    }

    /** Whether {@code location} is a Hadoop URI rather than a local path. */
    static boolean isUri(String location) {
        return SCHEME.matcher(location).matches();
    }

    /**
     * The local folder to load {@code location} from: the location itself when it is a local path, else this JVM's
     * copy of it, made on first use (concurrent callers wait for the one copy).
     *
     * @throws IOException naming the remote file at fault (a pickle, a missing config or weights, a failed read)
     */
    static Path local(String location, Configuration hadoop) throws IOException {
        if (!isUri(location)) {
            return Path.of(location);
        }
        try {
            return COPIES.computeIfAbsent(location, uri -> {
                try {
                    return copy(new org.apache.hadoop.fs.Path(uri), hadoop);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * What the driver reads of the checkpoint at {@code location}, a Hadoop URI: a local folder with its config,
     * index and tokenizer files and the weight shard that holds the final norm (all {@link DriverCheckpoint}
     * reads), and every defining file's size and SHA-256, with the weights' dtype, as the store registers the model.
     * The other weight shards are only streamed through the hash, never written to disk. Made once per JVM.
     *
     * @throws IOException naming the remote file at fault, as {@link #local}
     */
    static DriverCopy forDriver(String location, Configuration hadoop) throws IOException {
        if (!isUri(location)) {
            throw new IllegalArgumentException(location + " is not a Hadoop URI");
        }
        try {
            return DRIVER_COPIES.computeIfAbsent(location, uri -> {
                try {
                    return driverCopy(new org.apache.hadoop.fs.Path(uri), hadoop);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The driver's partial copy of a checkpoint and the files that define the model. */
    record DriverCopy(Path folder, CheckpointShape.ModelFiles modelFiles) {
    }

    private static Path copy(org.apache.hadoop.fs.Path folder, Configuration hadoop) throws IOException {
        FileSystem fs = folder.getFileSystem(hadoop);
        List<FileStatus> wanted = definingFiles(folder, fs);
        Path copies = cacheFolder();
        Path local = modelFolder(copies, folder);
        try {
            for (FileStatus status : wanted) {
                fetch(fs, folder, status, local, true);
            }
        } catch (IOException | RuntimeException e) {
            delete(copies);
            throw e;
        }
        return local;
    }

    private static DriverCopy driverCopy(org.apache.hadoop.fs.Path folder, Configuration hadoop) throws IOException {
        FileSystem fs = folder.getFileSystem(hadoop);
        // the index before the shards: it says which shard holds the final norm
        List<FileStatus> wanted = definingFiles(folder, fs).stream()
                .sorted(Comparator.comparing((FileStatus s) -> s.getPath().getName().endsWith(".safetensors"))
                        .thenComparing(s -> s.getPath().getName()))
                .toList();
        Path copies = cacheFolder();
        Path local = modelFolder(copies, folder);
        try {
            List<CheckpointShape.ModelFile> files = new ArrayList<>();
            String weightDtype = null;
            Set<String> normShards = null;
            for (FileStatus status : wanted) {
                String name = status.getPath().getName();
                boolean shard = name.endsWith(".safetensors");
                if (shard && normShards == null) {
                    normShards = shardsHoldingTheFinalNorm(local);
                }
                Fetched fetched = fetch(fs, folder, status, local, !shard || normShards.contains(name));
                if (ModelRegistration.definesModel(name)) {
                    files.add(new CheckpointShape.ModelFile(name, status.getLen(), fetched.sha256()));
                }
                if (weightDtype == null && fetched.firstDtype() != null) {
                    weightDtype = fetched.firstDtype(); // shards come by name, as the store's registration reads them
                }
            }
            return new DriverCopy(local, new CheckpointShape.ModelFiles(files, weightDtype == null ? "" : weightDtype));
        } catch (IOException | RuntimeException e) {
            delete(copies);
            throw e;
        }
    }

    /**
     * The shards of a copied checkpoint folder that hold its final norm, as {@link io.mechanist.runtime.OutputHead}
     * names it (GPT-2's {@code ln_f}, with or without the {@code transformer.} prefix; {@code model.norm}
     * otherwise): the shards the index maps those tensors to, or {@code model.safetensors} without an index. A name
     * the index gives that is not a plain file name is not fetched (the head then reports the missing shard).
     */
    private static Set<String> shardsHoldingTheFinalNorm(Path local) throws IOException {
        Path index = local.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Set.of("model.safetensors");
        }
        JsonObject weightMap;
        try (java.io.Reader reader = Files.newBufferedReader(index)) {
            weightMap = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("weight_map");
        } catch (RuntimeException e) {
            throw new IOException(index + ": not a safetensors index: " + e.getMessage(), e);
        }
        Set<String> shards = new HashSet<>();
        for (String tensor : FINAL_NORM_TENSORS) {
            JsonElement file = weightMap == null ? null : weightMap.get(tensor);
            if (file != null && file.isJsonPrimitive() && plainName(file.getAsString())) {
                shards.add(file.getAsString());
            }
        }
        return shards;
    }

    /**
     * The files of the checkpoint {@code folder} that define the model, each a plain file directly in it.
     *
     * @throws IOException naming the file or folder at fault: a pickle checkpoint, no config, no weights
     */
    private static List<FileStatus> definingFiles(org.apache.hadoop.fs.Path folder, FileSystem fs) throws IOException {
        FileStatus[] listed;
        try {
            listed = fs.listStatus(folder);
        } catch (java.io.FileNotFoundException e) {
            throw new IOException(folder + ": checkpoint folder does not exist", e);
        }
        List<FileStatus> wanted = new ArrayList<>();
        List<String> pickles = new ArrayList<>();
        boolean weights = false;
        for (FileStatus status : listed) {
            String name = status.getPath().getName();
            if (!status.isFile() || !plainName(name)) {
                continue; // sub-folders, links and hidden files are no part of a checkpoint the runtime loads
            }
            if (PICKLE_SUFFIXES.stream().anyMatch(name::endsWith)) {
                pickles.add(name);
            } else if (DEFINING_FILES.contains(name) || name.endsWith(".safetensors")
                    || name.endsWith(".safetensors.index.json")) {
                wanted.add(status);
                weights |= name.endsWith(".safetensors");
            }
        }
        if (!weights && !pickles.isEmpty()) {
            throw new IOException(new org.apache.hadoop.fs.Path(folder, pickles.stream().sorted().findFirst().get())
                    + ": refusing to load a pickle checkpoint (" + pickles.stream().sorted().toList() + "): unpickling"
                    + " can execute arbitrary code hidden in the file. Convert the checkpoint to safetensors and load"
                    + " that instead; pickled files are never copied");
        }
        if (wanted.stream().noneMatch(s -> s.getPath().getName().equals("config.json"))) {
            throw new IOException(new org.apache.hadoop.fs.Path(folder, "config.json") + ": the checkpoint has no config.json");
        }
        if (!weights) {
            throw new IOException(folder + ": no model.safetensors or sharded .safetensors weights in this folder");
        }
        return wanted;
    }

    /** A fresh folder in the cache, deleted when the JVM exits. */
    private static Path cacheFolder() throws IOException {
        Path root = Path.of(System.getenv().getOrDefault(CACHE_ENV, System.getProperty("java.io.tmpdir")));
        Files.createDirectories(root);
        Path copies = Files.createTempDirectory(root, "mechanist-checkpoint-");
        deleteAtExit(copies);
        return copies;
    }

    /** The copy's folder in {@code copies}, under the checkpoint's own folder name, which the store takes for the model's name. */
    private static Path modelFolder(Path copies, org.apache.hadoop.fs.Path folder) throws IOException {
        return Files.createDirectory(copies.resolve(plainName(folder.getName()) ? folder.getName() : "model"));
    }

    /** A file's SHA-256 and, for a safetensors file, the dtype of its first tensor by data offset (null: none). */
    private record Fetched(String sha256, String firstDtype) {
    }

    /**
     * Reads the listed file {@code status} of {@code folder} once, hashing it, and copies it into {@code local} when
     * {@code keep}; a safetensors file's header is parsed on the way for its first tensor's dtype.
     */
    private static Fetched fetch(FileSystem fs, org.apache.hadoop.fs.Path folder, FileStatus status, Path local,
            boolean keep) throws IOException {
        // the folder's own path and the listed name, not the listed path: filesystems qualify it their way
        String name = status.getPath().getName();
        org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(folder, name);
        Path target = local.resolve(name).normalize();
        if (!local.equals(target.getParent())) {
            throw new IOException(source + ": not a file of the checkpoint folder itself");
        }
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        HeaderBytes header = name.endsWith(".safetensors") ? new HeaderBytes() : null;
        long copied = 0;
        try (FSDataInputStream in = fs.open(source);
                OutputStream out = keep ? Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)
                        : OutputStream.nullOutputStream()) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; copied += n) {
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (header != null) {
                    header.accept(buffer, n);
                }
            }
        }
        if (copied != status.getLen()) {
            throw new IOException(source + ": read " + copied + " bytes, expected " + status.getLen());
        }
        return new Fetched(HexFormat.of().formatHex(sha256.digest()), header == null ? null : header.firstDtype(source));
    }

    /** The leading bytes of a safetensors file: its 8-byte little-endian header length and the JSON header. */
    private static final class HeaderBytes {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private long wanted = 8;

        void accept(byte[] buffer, int length) {
            int take = (int) Math.min(length, wanted - bytes.size());
            if (take <= 0) {
                return;
            }
            bytes.write(buffer, 0, take);
            if (bytes.size() == 8 && wanted == 8) {
                long headerLength = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getLong();
                if (headerLength < 0 || headerLength > MAX_HEADER_BYTES) {
                    wanted = -1; // not safetensors: reported by firstDtype
                    return;
                }
                wanted = 8 + headerLength;
                accept(java.util.Arrays.copyOfRange(buffer, take, length), length - take);
            }
        }

        /** The dtype of the tensor whose data comes first, null when the header lists none. */
        String firstDtype(org.apache.hadoop.fs.Path source) throws IOException {
            if (wanted < 0 || bytes.size() < wanted) {
                throw new IOException(source + ": not a safetensors file (its header length is missing or out of range)");
            }
            byte[] all = bytes.toByteArray();
            try {
                JsonObject tensors = JsonParser.parseString(new String(all, 8, all.length - 8,
                        java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
                String first = null;
                long firstBegin = Long.MAX_VALUE;
                for (Map.Entry<String, JsonElement> entry : tensors.entrySet()) {
                    if (entry.getKey().equals("__metadata__")) {
                        continue;
                    }
                    JsonObject tensor = entry.getValue().getAsJsonObject();
                    long begin = tensor.getAsJsonArray("data_offsets").get(0).getAsLong();
                    if (begin < firstBegin) {
                        firstBegin = begin;
                        first = tensor.get("dtype").getAsString();
                    }
                }
                return first == null ? null : DType.fromSafetensorsName(first).safetensorsName();
            } catch (RuntimeException e) {
                throw new IOException(source + ": not a safetensors header: " + e.getMessage(), e);
            }
        }
    }

    /** A file name that cannot leave the folder or hide: no separators, no leading dot. */
    private static boolean plainName(String name) {
        return !name.isEmpty() && !name.startsWith(".") && !name.contains("/") && !name.contains("\\");
    }

    private static void deleteAtExit(Path folder) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                delete(folder);
            } catch (IOException e) {
                System.err.println("mechanist: cannot delete the checkpoint copy " + folder + ": " + e.getMessage());
            }
        }, "mechanist-checkpoint-cleanup"));
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
