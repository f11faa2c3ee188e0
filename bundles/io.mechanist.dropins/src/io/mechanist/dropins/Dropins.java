package io.mechanist.dropins;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;

import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;

/**
 * The product's dropins folder: plug-in bundles (jars or folders) placed there are installed and started at every
 * start of Mechanist, and uninstalled once their file is gone. The folder is {@code <installation>/dropins}, or
 * the path in the system property {@value #FOLDER_PROPERTY}.
 *
 * @since 1.0
 */
public final class Dropins {

    /** System property naming another dropins folder. */
    public static final String FOLDER_PROPERTY = "mechanist.dropins";

    private Dropins() {
    }

    /** The dropins folder of this installation (it need not exist). */
    public static Path folder() throws IOException {
        String configured = System.getProperty(FOLDER_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        String installArea = System.getProperty("osgi.install.area");
        if (installArea == null) {
            throw new IOException("the installation folder is unknown (osgi.install.area is not set); set -D"
                    + FOLDER_PROPERTY + "=DIR");
        }
        try {
            return Path.of(new URL(installArea).toURI()).resolve("dropins");
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new IOException("the installation folder " + installArea + " is not a local folder", e);
        }
    }

    /** Brings the running platform in line with the dropins folder now, see {@link DropinsInstaller#synchronize()}. */
    public static List<DropinStatus> synchronize() throws IOException {
        BundleContext context = FrameworkUtil.getBundle(Dropins.class).getBundleContext();
        if (context == null) {
            throw new IOException("the bundle io.mechanist.dropins is not started");
        }
        return new DropinsInstaller(context, folder()).synchronize();
    }
}
