package io.mechanist.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;

/**
 * Checkpoint folders named by a Hadoop URI ({@code hdfs://}, {@code s3a://}, {@code file:}, any scheme the Hadoop
 * configuration knows): each JVM (driver or executor) copies the folder once into a local cache and loads the
 * copy, since the runtime reads checkpoints through memory maps of local files. Only the files that define the
 * model are copied (config, safetensors weights and their index, tokenizer files); a pickled checkpoint is refused,
 * never copied. A location without a scheme is a local path, used as it is (a shared POSIX mount).
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

    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

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

    private static Path copy(org.apache.hadoop.fs.Path folder, Configuration hadoop) throws IOException {
        FileSystem fs = folder.getFileSystem(hadoop);
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
        Path root = Path.of(System.getenv().getOrDefault(CACHE_ENV, System.getProperty("java.io.tmpdir")));
        Files.createDirectories(root);
        // under the checkpoint's own folder name, which the store takes for the model's name
        Path copies = Files.createTempDirectory(root, "mechanist-checkpoint-");
        deleteAtExit(copies);
        Path local = Files.createDirectory(copies.resolve(plainName(folder.getName()) ? folder.getName() : "model"));
        try {
            for (FileStatus status : wanted) {
                // the folder's own path and the listed name, not the listed path: filesystems qualify it their way
                String name = status.getPath().getName();
                org.apache.hadoop.fs.Path source = new org.apache.hadoop.fs.Path(folder, name);
                Path target = local.resolve(name).normalize();
                if (!local.equals(target.getParent())) {
                    throw new IOException(source + ": not a file of the checkpoint folder itself");
                }
                try (FSDataInputStream in = fs.open(source);
                        OutputStream out = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW)) {
                    long copied = in.transferTo(out);
                    if (copied != status.getLen()) {
                        throw new IOException(source + ": read " + copied + " bytes, expected " + status.getLen());
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            delete(copies);
            throw e;
        }
        return local;
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
