package io.mechanist.spark;

import java.io.File;
import java.io.IOException;
import java.net.URI;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.DelegateToFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * A Hadoop filesystem of its own scheme, {@code othersfs:}, whose paths live under a local folder
 * ({@value #ROOT_KEY} in the Hadoop configuration): {@code othersfs:/a/b} is {@code <root>/a/b}. Code that took such
 * a URI for a local path would look in the wrong place, so a capture through it proves the Hadoop code paths carry
 * the data, not java.nio behind them.
 */
public final class OtherSchemeFileSystem extends RawLocalFileSystem {

    static final String SCHEME = "othersfs";
    static final String ROOT_KEY = "fs.othersfs.root";
    /** Whether it says its output streams are abortable, as an object store (S3A) whose uploads appear whole does. */
    static final String OBJECT_STORE_KEY = "fs.othersfs.object-store";

    private File root;
    private boolean objectStore;

    /** Registers the scheme in {@code hadoop}, rooted at {@code root}. */
    static void register(Configuration hadoop, java.nio.file.Path root) {
        hadoop.set("fs." + SCHEME + ".impl", OtherSchemeFileSystem.class.getName());
        hadoop.set("fs." + SCHEME + ".impl.disable.cache", "true");
        hadoop.set(ROOT_KEY, root.toString());
        hadoop.set("fs.AbstractFileSystem." + SCHEME + ".impl", Context.class.getName());
    }

    /** The scheme for Hadoop's {@link org.apache.hadoop.fs.FileContext} (used to replace a store's store.xmi). */
    public static final class Context extends DelegateToFileSystem {
        public Context(URI uri, Configuration conf) throws IOException, java.net.URISyntaxException {
            super(uri, new OtherSchemeFileSystem(), conf, SCHEME, false);
        }
    }

    @Override
    public void initialize(URI uri, Configuration conf) throws IOException {
        super.initialize(uri, conf);
        String folder = conf.get(ROOT_KEY);
        if (folder == null) {
            throw new IOException(ROOT_KEY + " is not set");
        }
        root = new File(folder);
        objectStore = conf.getBoolean(OBJECT_STORE_KEY, false);
    }

    @Override
    public boolean hasPathCapability(Path path, String capability) throws IOException {
        if (capability.equals(org.apache.hadoop.fs.CommonPathCapabilities.ABORTABLE_STREAM)) {
            return objectStore;
        }
        return super.hasPathCapability(path, capability);
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    @Override
    public File pathToFile(Path path) {
        checkPath(path);
        Path absolute = path.isAbsolute() ? path : new Path(getWorkingDirectory(), path);
        return new File(root, absolute.toUri().getPath());
    }
}
