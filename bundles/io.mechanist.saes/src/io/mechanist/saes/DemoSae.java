package io.mechanist.saes;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/**
 * The SAE shipped with the demo model: TopK (d_sae 256, k 8) on {@code blocks.2.resid_post} of the demo model,
 * trained with {@code mechanist sae train} (seed 1, defaults) on the demo's training prompts.
 */
public final class DemoSae {
    /** The folder inside this bundle. */
    public static final String ENTRY = "saes/mechanist-demo-gpt2-res2";

    private DemoSae() {
    }

    /** The shipped SAE folder on disk (the bundle is installed as a folder). */
    public static Path folder() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(DemoSae.class);
        try {
            if (bundle != null) {
                URL url = bundle.getEntry(ENTRY);
                if (url == null) {
                    throw new IOException("bundle " + bundle.getSymbolicName() + " has no entry " + ENTRY);
                }
                return Path.of(FileLocator.toFileURL(url).toURI());
            }
            Path classes = Path.of(DemoSae.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = classes; dir != null; dir = dir.getParent()) {
                if (Files.isDirectory(dir.resolve(ENTRY))) {
                    return dir.resolve(ENTRY);
                }
            }
        } catch (URISyntaxException e) {
            throw new IOException("cannot locate " + ENTRY, e);
        }
        throw new IOException("cannot locate " + ENTRY + " (is io.mechanist.saes installed?)");
    }
}
