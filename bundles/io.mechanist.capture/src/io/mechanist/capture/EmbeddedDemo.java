package io.mechanist.capture;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.mechanist.demo.dataset.DatasetParser;

/**
 * The embedded default: the demo model and datasets shipped in bundle {@code io.mechanist.demo}, and the demo store
 * the workbench opens on its first start (the demo model captured on the held-out prompts and on the contrast pairs).
 */
public final class EmbeddedDemo {

    /** The demo checkpoint folder inside the demo bundle. */
    public static final String MODEL_ENTRY = "models/mechanist-demo-gpt2";
    /** Held-out A/B prompts. */
    public static final String TEST_SET = "test.jsonl";
    /** Prompt pairs that differ only in which option holds the answer. */
    public static final String CONTRAST_PAIRS = "contrast-pairs.jsonl";
    /** Capture ids in the demo store. */
    public static final String TEST_CAPTURE = "demo-test";
    public static final String PAIRS_CAPTURE = "demo-pairs";

    private EmbeddedDemo() {
    }

    /** The demo model's checkpoint folder on disk. */
    public static Path modelFolder() throws IOException {
        return entry(MODEL_ENTRY);
    }

    /** A shipped dataset ({@code data/NAME}) on disk. */
    public static Path dataset(String name) throws IOException {
        return entry("data/" + name);
    }

    /**
     * Creates a store in {@code folder} holding two captures of the demo model, every layer's residual stream and
     * attention pattern at every position: {@value #TEST_CAPTURE} (held-out prompts) and {@value #PAIRS_CAPTURE}.
     */
    public static void createStore(Path folder, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Capturing the demo model", 2);
        Path model = modelFolder();
        String[] sites = { "blocks.*.resid_post", "blocks.*.attn_pattern" };
        Capturer.capture(CaptureJob.builder(folder, model, dataset(TEST_SET)).sites(sites).captureId(TEST_CAPTURE)
                .name("Demo model on held-out prompts").build(), progress.split(1));
        Capturer.capture(CaptureJob.builder(folder, model, dataset(CONTRAST_PAIRS)).sites(sites)
                .captureId(PAIRS_CAPTURE).name("Demo model on contrast pairs").build(), progress.split(1));
    }

    /**
     * Resolves an entry of the demo bundle to a file or folder. The bundle is installed as a folder in the product;
     * elsewhere (a jar) Equinox extracts the entry to its cache. Outside OSGi the bundle's project folder is used.
     */
    private static Path entry(String path) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(DatasetParser.class);
        if (bundle != null) {
            URL url = bundle.getEntry(path);
            if (url == null) {
                throw new IOException("The demo bundle " + bundle.getSymbolicName() + " has no entry " + path);
            }
            return toPath(FileLocator.toFileURL(url), path);
        }
        try {
            Path classes = Path.of(DatasetParser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path dir = classes; dir != null; dir = dir.getParent()) {
                Path candidate = dir.resolve(path);
                if (Files.exists(candidate)) {
                    return candidate;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            throw new IOException("Cannot locate the demo bundle's " + path, e);
        }
        throw new IOException("Cannot locate the demo bundle's " + path + " (is io.mechanist.demo installed?)");
    }

    private static Path toPath(URL fileUrl, String path) throws IOException {
        try {
            return Path.of(fileUrl.toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            // FileLocator returns file: URLs that are not always valid URIs (spaces): fall back to the raw path.
            Path file = Path.of(fileUrl.getPath());
            if (Files.exists(file)) {
                return file;
            }
            throw new IOException("Cannot turn " + fileUrl + " into a file for " + path, e);
        }
    }
}
