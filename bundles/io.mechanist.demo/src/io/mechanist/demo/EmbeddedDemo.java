package io.mechanist.demo;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.FileLocator;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.Capturer;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.saes.DemoSae;

/**
 * The embedded default: the demo model and datasets shipped in bundle {@code io.mechanist.demo}, and the demo store
 * the workbench opens on its first start (the demo model captured on the held-out prompts and on the contrast pairs).
 */
public final class EmbeddedDemo {

    /** The demo checkpoint folder inside the demo bundle. */
    public static final String MODEL_ENTRY = "models/mechanist-demo-gpt2";
    /**
     * The demo model fine-tuned briefly to answer A whatever the question (same architecture and tokenizer; see its
     * mechanist_training.json and docs/demo-model.md): the second checkpoint of the demo's model diff and
     * interpolation sweep.
     */
    public static final String ALWAYS_A_MODEL_ENTRY = "models/mechanist-demo-gpt2-always-a";
    /** Held-out A/B prompts. */
    public static final String TEST_SET = "test.jsonl";
    /** Prompt pairs that differ only in which option holds the answer. */
    public static final String CONTRAST_PAIRS = "contrast-pairs.jsonl";
    /** Capture ids in the demo store. */
    public static final String TEST_CAPTURE = "demo-test";
    public static final String PAIRS_CAPTURE = "demo-pairs";
    /** The always-A checkpoint on the held-out prompts (residual stream only): the other side of the model diff. */
    public static final String ALWAYS_A_CAPTURE = "demo-test-always-a";

    /** The probe analysis run on the demo (contributed by {@code io.mechanist.probes}). */
    public static final String PROBE_ANALYSIS = "io.mechanist.probes.accuracyByPosition";
    /** The SAE features run on the demo (contributed by {@code io.mechanist.saes}). */
    public static final String FEATURES_ANALYSIS = "io.mechanist.saes.features";
    /** The steering sweep run on the demo (contributed by {@code io.mechanist.steering}). */
    public static final String SWEEP_ANALYSIS = "io.mechanist.steering.sweep";
    /** The interpolation sweep, model diff and probe transfer run on the demo (contributed by {@code io.mechanist.perturbation}). */
    public static final String INTERPOLATION_ANALYSIS = "io.mechanist.perturbation.interpolationSweep";
    public static final String DIFF_ANALYSIS = "io.mechanist.perturbation.modelDiff";
    public static final String TRANSFER_ANALYSIS = "io.mechanist.perturbation.probeTransfer";
    /** The t of the demo's interpolation sweep from the demo model to the always-A checkpoint. */
    public static final String INTERPOLATION_TS = "0,0.125,0.25,0.375,0.5,0.625,0.75,0.875,1";
    /** The activation patching run on the demo (contributed by {@code io.mechanist.patching}). */
    public static final String PATCHING_ANALYSIS = "io.mechanist.patching.activation";
    /** The prompt label the demo's probes predict: the correct option, A or B. */
    public static final String ANSWER_LABEL = "answer";
    /** The answer marker the probes align prompts on (its last occurrence: the ':' after "Answer"). */
    public static final String ANSWER_MARKER = ":";
    /** Aligned positions before the answer marker: the end of the reasoning trace and the template tokens. */
    public static final int PROBE_POSITIONS_BEFORE = 8;
    /** Steering multipliers of the demo sweep, relative to each layer's mean residual norm. */
    public static final String SWEEP_MULTIPLIERS = "-3,-2,-1,-0.5,0,0.5,1,2,3";

    private EmbeddedDemo() {
    }

    /** The demo model's checkpoint folder on disk. */
    public static Path modelFolder() throws IOException {
        return entry(MODEL_ENTRY);
    }

    /** The fine-tuned always-A checkpoint folder on disk ({@value #ALWAYS_A_MODEL_ENTRY}). */
    public static Path alwaysAModelFolder() throws IOException {
        return entry(ALWAYS_A_MODEL_ENTRY);
    }

    /** A shipped dataset ({@code data/NAME}) on disk. */
    public static Path dataset(String name) throws IOException {
        return entry("data/" + name);
    }

    /**
     * Creates a store in {@code folder} holding two captures of the demo model, every layer's residual stream and
     * attention pattern at every position: {@value #TEST_CAPTURE} (held-out prompts) and {@value #PAIRS_CAPTURE};
     * and {@value #ALWAYS_A_CAPTURE}, the always-A checkpoint's residual stream on the held-out prompts.
     */
    public static void createStore(Path folder, IProgressMonitor monitor) throws IOException {
        SubMonitor progress = SubMonitor.convert(monitor, "Capturing the demo model", 3);
        Path model = modelFolder();
        String[] sites = { "blocks.*.resid_post", "blocks.*.attn_pattern" };
        Capturer.capture(CaptureJob.builder(folder, model, dataset(TEST_SET)).sites(sites).captureId(TEST_CAPTURE)
                .name("Demo model on held-out prompts").build(), progress.split(1));
        Capturer.capture(CaptureJob.builder(folder, model, dataset(CONTRAST_PAIRS)).sites(sites)
                .captureId(PAIRS_CAPTURE).name("Demo model on contrast pairs").build(), progress.split(1));
        Capturer.capture(CaptureJob.builder(folder, alwaysAModelFolder(), dataset(TEST_SET)).sites("blocks.*.resid_post")
                .captureId(ALWAYS_A_CAPTURE).name("Always-A model (fine-tuned demo) on held-out prompts").build(),
                progress.split(1));
    }

    /**
     * The demo's probe run: probes for {@value #ANSWER_LABEL} on {@value #TEST_CAPTURE}, aligned on the answer marker
     * and the {@value #PROBE_POSITIONS_BEFORE} positions before it, logistic and mass-mean (the parameters behind the
     * numbers of {@code mechanist demo}); the analysis's defaults otherwise.
     */
    public static AnalysisRequest probeRequest() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("label", ANSWER_LABEL);
        parameters.put("alignment", "anchor");
        parameters.put("anchor", ANSWER_MARKER);
        parameters.put("before", Integer.toString(PROBE_POSITIONS_BEFORE));
        parameters.put("after", "0");
        parameters.put("methods", "logistic,mass-mean");
        return new AnalysisRequest(PROBE_ANALYSIS, parameters, Map.of("activations", TEST_CAPTURE));
    }

    /**
     * The demo's steering sweep: a difference-of-means vector from {@value #PAIRS_CAPTURE} (the member labelled
     * answer A is behaviour-matching) added at every layer of {@code model} on the held-out prompts of
     * {@value #TEST_CAPTURE}, target answer A for every prompt, multipliers {@value #SWEEP_MULTIPLIERS}, with the
     * random control of equal norm (the parameters behind the numbers of {@code mechanist demo}).
     */
    public static AnalysisRequest sweepRequest(Path model) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", model.toString());
        parameters.put("layers", "all");
        parameters.put("target", "fixed:A");
        parameters.put("pairLabel", ANSWER_LABEL);
        parameters.put("pairPositive", "A");
        parameters.put("multipliers", SWEEP_MULTIPLIERS);
        parameters.put("control", "true");
        return new AnalysisRequest(SWEEP_ANALYSIS, parameters,
                Map.of("heldOut", TEST_CAPTURE, "contrast", PAIRS_CAPTURE));
    }

    /**
     * The demo's interpolation sweep: the demo model {@code model} moved towards the always-A checkpoint {@code other},
     * all tensors, t = {@value #INTERPOLATION_TS}, on the held-out prompts of {@value #TEST_CAPTURE}: where along the
     * way the demo's behaviour (the correct answer) gives way.
     */
    public static AnalysisRequest interpolationRequest(Path model, Path other) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", model.toString());
        parameters.put("other", other.toString());
        parameters.put("ts", INTERPOLATION_TS);
        parameters.put("tokenA", "A");
        parameters.put("tokenB", "B");
        parameters.put("batchSize", "200");
        parameters.put("bootstrap", "500");
        return new AnalysisRequest(INTERPOLATION_ANALYSIS, parameters, Map.of("heldOut", TEST_CAPTURE));
    }

    /** The demo's model diff: {@value #TEST_CAPTURE} against {@value #ALWAYS_A_CAPTURE}, site by site. */
    public static AnalysisRequest diffRequest() {
        return new AnalysisRequest(DIFF_ANALYSIS, Map.of(), Map.of("base", TEST_CAPTURE, "other", ALWAYS_A_CAPTURE));
    }

    /**
     * The demo's probe transfer: probes for {@value #ANSWER_LABEL} trained on {@value #TEST_CAPTURE} read on
     * {@value #ALWAYS_A_CAPTURE}, at the answer marker and the {@value #PROBE_POSITIONS_BEFORE} positions before it
     * (the probe run's grid), mass-mean (cheap; the logistic probes agree on the demo).
     */
    public static AnalysisRequest transferRequest() {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("label", ANSWER_LABEL);
        parameters.put("alignment", "anchor");
        parameters.put("anchor", ANSWER_MARKER);
        parameters.put("before", Integer.toString(PROBE_POSITIONS_BEFORE));
        parameters.put("after", "0");
        parameters.put("methods", "mass-mean");
        return new AnalysisRequest(TRANSFER_ANALYSIS, parameters, Map.of("base", TEST_CAPTURE, "other", ALWAYS_A_CAPTURE));
    }

    /**
     * The demo's activation patching: the contrast pairs of {@value #PAIRS_CAPTURE} as clean (answer A) and
     * corrupted (the options swapped, answer B) prompts of {@code model}; denoising grids for resid_pre, attn_out,
     * mlp_out (layer x position) and attn_z (layer x head), with attribution patching beside them.
     */
    public static AnalysisRequest patchingRequest(Path model) {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("model", model.toString());
        parameters.put("points", "resid_pre,attn_out,mlp_out,attn_z");
        parameters.put("directions", "denoising");
        parameters.put("label", ANSWER_LABEL);
        parameters.put("cleanValue", "A");
        parameters.put("tokenA", "A");
        parameters.put("tokenB", "B");
        parameters.put("batchSize", "200");
        return new AnalysisRequest(PATCHING_ANALYSIS, parameters, Map.of("pairs", PAIRS_CAPTURE));
    }

    /**
     * The demo's SAE features: the sparse autoencoder shipped with the demo (TopK, trained on
     * {@code blocks.2.resid_post} of the demo model, bundle {@code io.mechanist.saes}) encoding the held-out capture
     * {@value #TEST_CAPTURE}, so the Features view shows real features on the first launch.
     */
    public static AnalysisRequest featuresRequest(Path model) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("sae", DemoSae.folder().toString());
        parameters.put("model", model.toString());
        return new AnalysisRequest(FEATURES_ANALYSIS, parameters, Map.of("activations", TEST_CAPTURE));
    }

    /**
     * Resolves an entry of the demo bundle to a file or folder. The bundle is installed as a folder in the product;
     * elsewhere (a jar) Equinox extracts the entry to its cache. Outside OSGi the bundle's project folder is used.
     */
    private static Path entry(String path) throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(EmbeddedDemo.class);
        if (bundle != null) {
            URL url = bundle.getEntry(path);
            if (url == null) {
                throw new IOException("The demo bundle " + bundle.getSymbolicName() + " has no entry " + path);
            }
            return toPath(FileLocator.toFileURL(url), path);
        }
        try {
            Path classes = Path.of(EmbeddedDemo.class.getProtectionDomain().getCodeSource().getLocation().toURI());
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
