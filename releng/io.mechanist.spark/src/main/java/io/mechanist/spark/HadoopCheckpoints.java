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

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import io.mechanist.capture.CheckpointShape;
import io.mechanist.capture.internal.ModelRegistration;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;

/**
 * Checkpoint folders named by a Hadoop URI ({@code hdfs://}, {@code s3a://}, {@code file:}, any scheme the Hadoop
 * configuration knows): each JVM (driver or executor) copies the folder once into a local cache and loads the
 * copy, since the runtime reads checkpoints through memory maps of local files. Only the files that define the
 * model are copied (config, safetensors weights and their index, tokenizer files); a pickled checkpoint is refused,
 * never copied. A location without a scheme is a local path, used as it is (a shared POSIX mount). The driver, which
 * runs no forward pass, keeps less ({@link #forDriver}): of the weights, the final norm's tensors only.
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
    /** A final norm's tensor is d_model values: far below this. */
    private static final long MAX_NORM_BYTES = 16L << 20;

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
     * index and tokenizer files and, under the name of the shard that holds the final norm, a safetensors file of
     * the final norm's tensors alone (all {@link DriverCheckpoint} reads), and every defining file's size and
     * SHA-256, with the weights' dtype, as the store registers the model. Every weight shard is read once, through
     * the hash; none is written to disk. Made once per JVM. The copy is for reading the checkpoint's shape only:
     * loading it as a model fails (its shards lack every other weight).
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
                fetch(fs, folder, status, local, Keep.ALL);
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
                    normShards = shardsHoldingTheFinalNorm(local, new org.apache.hadoop.fs.Path(folder, INDEX));
                }
                Fetched fetched = fetch(fs, folder, status, local,
                        !shard ? Keep.ALL : normShards.contains(name) ? Keep.FINAL_NORM : Keep.NOTHING);
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
    private static Set<String> shardsHoldingTheFinalNorm(Path local, org.apache.hadoop.fs.Path remoteIndex)
            throws IOException {
        Path index = local.resolve(INDEX);
        if (!Files.isRegularFile(index)) {
            return Set.of("model.safetensors");
        }
        JsonObject weightMap;
        try (java.io.Reader reader = Files.newBufferedReader(index)) {
            weightMap = JsonParser.parseReader(reader).getAsJsonObject().getAsJsonObject("weight_map");
        } catch (RuntimeException e) {
            throw new IOException(remoteIndex + ": not a safetensors index: " + e.getMessage(), e);
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

    /** What {@link #fetch} keeps of a file on local disk. */
    private enum Keep {
        /** The whole file. */
        ALL,
        /** Nothing: the file is only hashed (a weight shard the driver does not read). */
        NOTHING,
        /** A safetensors file of the same name holding only the final norm's tensors of this shard. */
        FINAL_NORM
    }

    /** A file's SHA-256 and, for a safetensors file, the dtype of its first tensor by data offset (null: none). */
    private record Fetched(String sha256, String firstDtype) {
    }

    /**
     * Reads the listed file {@code status} of {@code folder} once, hashing it, and keeps in {@code local} what
     * {@code keep} says; a safetensors file's header is parsed on the way for its first tensor's dtype (and the
     * final norm's tensors, whose bytes are taken as they pass).
     */
    private static Fetched fetch(FileSystem fs, org.apache.hadoop.fs.Path folder, FileStatus status, Path local,
            Keep keep) throws IOException {
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
        ShardHeader header = name.endsWith(".safetensors") ? new ShardHeader(source, keep == Keep.FINAL_NORM) : null;
        long copied = 0;
        try (FSDataInputStream in = fs.open(source);
                OutputStream out = keep == Keep.ALL ? Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)
                        : OutputStream.nullOutputStream()) {
            byte[] buffer = new byte[1 << 20];
            for (int n; (n = in.read(buffer)) > 0; copied += n) {
                sha256.update(buffer, 0, n);
                out.write(buffer, 0, n);
                if (header != null) {
                    header.accept(copied, buffer, n);
                }
            }
        }
        if (copied != status.getLen()) {
            throw new IOException(source + ": read " + copied + " bytes, expected " + status.getLen());
        }
        if (keep == Keep.FINAL_NORM) {
            header.writeFinalNorm(target);
        }
        return new Fetched(HexFormat.of().formatHex(sha256.digest()), header == null ? null : header.firstDtype());
    }

    /**
     * The header of a safetensors file read as a stream (its 8-byte little-endian length, then the JSON), and, when
     * asked, the bytes of the final norm's tensors as they stream by.
     */
    private static final class ShardHeader {
        private final org.apache.hadoop.fs.Path source;
        private final boolean takeFinalNorm;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private long headerEnd = -1;
        private JsonObject tensors;
        /** The final norm's tensors of this file: name -> [begin, end) in the file, and their bytes. */
        private final Map<String, long[]> ranges = new java.util.LinkedHashMap<>();
        private final Map<String, byte[]> taken = new java.util.HashMap<>();

        ShardHeader(org.apache.hadoop.fs.Path source, boolean takeFinalNorm) {
            this.source = source;
            this.takeFinalNorm = takeFinalNorm;
        }

        /** The {@code length} bytes of {@code buffer}, which start at {@code offset} in the file. */
        void accept(long offset, byte[] buffer, int length) throws IOException {
            if (tensors == null) {
                long wanted = headerEnd < 0 ? 8 : headerEnd;
                int from = (int) (bytes.size() - offset);
                int take = (int) Math.min(length - from, wanted - bytes.size());
                bytes.write(buffer, from, take);
                if (headerEnd < 0 && bytes.size() == 8) {
                    long headerLength = ByteBuffer.wrap(bytes.toByteArray()).order(ByteOrder.LITTLE_ENDIAN).getLong();
                    if (headerLength < 2 || headerLength > MAX_HEADER_BYTES) {
                        throw new IOException(source + ": not a safetensors file (header length " + headerLength + ")");
                    }
                    headerEnd = 8 + headerLength;
                    accept(offset, buffer, length);
                    return;
                }
                if (bytes.size() == headerEnd) {
                    parse();
                }
            }
            if (tensors != null) {
                for (Map.Entry<String, long[]> range : ranges.entrySet()) {
                    long begin = Math.max(range.getValue()[0], offset);
                    long end = Math.min(range.getValue()[1], offset + length);
                    if (begin < end) {
                        System.arraycopy(buffer, (int) (begin - offset), taken.get(range.getKey()),
                                (int) (begin - range.getValue()[0]), (int) (end - begin));
                    }
                }
            }
        }

        private void parse() throws IOException {
            byte[] all = bytes.toByteArray();
            try {
                tensors = JsonParser.parseString(new String(all, 8, all.length - 8,
                        java.nio.charset.StandardCharsets.UTF_8)).getAsJsonObject();
                for (String name : FINAL_NORM_TENSORS) {
                    if (takeFinalNorm && tensors.has(name)) {
                        JsonArray offsets = tensors.getAsJsonObject(name).getAsJsonArray("data_offsets");
                        long begin = headerEnd + offsets.get(0).getAsLong();
                        long end = headerEnd + offsets.get(1).getAsLong();
                        if (offsets.get(0).getAsLong() < 0 || end < begin || end - begin > MAX_NORM_BYTES) {
                            throw new IOException(source + ": tensor " + name + " has data offsets " + offsets
                                    + "; a final norm is d_model values, at most " + MAX_NORM_BYTES + " bytes");
                        }
                        ranges.put(name, new long[] {begin, end});
                        taken.put(name, new byte[(int) (end - begin)]);
                    }
                }
            } catch (RuntimeException e) {
                throw new IOException(source + ": not a safetensors header: " + e.getMessage(), e);
            }
        }

        /** The dtype of the tensor whose data comes first, null when the header lists none. */
        String firstDtype() throws IOException {
            if (tensors == null) {
                throw new IOException(source + ": not a safetensors file (it ends inside its header)");
            }
            String first = null;
            long firstBegin = Long.MAX_VALUE;
            try {
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

        /**
         * Writes {@code target}: a safetensors file holding this file's final-norm tensors only, as they were (the
         * header checked by the writer: dtype, shape and byte count agree).
         */
        void writeFinalNorm(Path target) throws IOException {
            SafetensorsWriter writer = new SafetensorsWriter();
            try {
                for (String name : ranges.keySet()) {
                    JsonObject tensor = tensors.getAsJsonObject(name);
                    long[] shape = new long[tensor.getAsJsonArray("shape").size()];
                    for (int i = 0; i < shape.length; i++) {
                        shape[i] = tensor.getAsJsonArray("shape").get(i).getAsLong();
                    }
                    writer.addRaw(name, DType.fromSafetensorsName(tensor.get("dtype").getAsString()), shape,
                            ByteBuffer.wrap(taken.get(name)));
                }
            } catch (RuntimeException e) {
                throw new IOException(source + ": final norm tensor: " + e.getMessage(), e);
            }
            try (java.nio.channels.FileChannel out = java.nio.channels.FileChannel.open(target,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                writer.writeTo(out);
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
