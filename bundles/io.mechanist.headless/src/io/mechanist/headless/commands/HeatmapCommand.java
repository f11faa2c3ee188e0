package io.mechanist.headless.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonObject;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.heatmap.ActivationSetSource;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.HeatmapRequest;
import io.mechanist.heatmap.HeatmapRequests;
import io.mechanist.heatmap.NeuronFilter;
import io.mechanist.heatmap.export.HeatmapExport;
import io.mechanist.heatmap.export.HeatmapImage;
import io.mechanist.model.StoredVector;
import io.mechanist.store.ActivationStore;

/**
 * {@code mechanist heatmap}: renders one prompt's heatmap of a stored capture to PNG (the picture the heatmap view
 * draws) and optionally its numbers to CSV. Opens the store read-only, so it works while a capture writes.
 */
public final class HeatmapCommand implements Command {

    private static final List<String> KINDS = List.of("norm", "projection", "cosine", "neurons", "attention");

    @Override
    public String name() {
        return "heatmap";
    }

    @Override
    public String summary() {
        return "render a prompt's activation heatmap of a stored capture to PNG (and CSV)";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist heatmap --store DIR --capture ID --prompt N --out FILE.png [--csv FILE.csv]
                                         [--kind norm|projection|cosine|neurons|attention]
                                         [--site POINT|SITE] [--layer L] [--head H] [--vector NAME] [--top K] [--json]

                Renders the heatmap of prompt N (0-based) of capture ID, as the heatmap view shows it:
                  norm        layer x position: L2 norm of the residual stream at --site (default resid_post)
                  projection  layer x position: projection onto the stored vector --vector (name or id)
                  cosine      layer x position: cosine similarity with the stored vector --vector
                  neurons     neuron x position of one site: --site blocks.L.mlp_out, or --layer L with
                              --site POINT (default resid_post); --top K keeps the K neurons of largest |value|
                  attention   query x key attention pattern of --layer L, --head H (default 0)
                --kind defaults to norm. --csv also writes the values (one row per heatmap row).

                Example:
                  mechanist heatmap --store ~/mechanist-workspace/demo-store --capture demo --prompt 0 \\
                      --kind attention --layer 1 --head 0 --out attention.png --csv attention.csv""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "capture", "prompt", "kind", "layer", "site", "head", "vector", "top", "out", "csv");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeDir = Path.of(line.required("store"));
        String captureId = line.required("capture");
        int prompt = line.integer("prompt", -1);
        if (prompt < 0) {
            throw new UsageException("--prompt needs a prompt index >= 0");
        }
        Path png = Path.of(line.required("out"));
        String csvOption = line.option("csv", null);
        String kind = line.option("kind", "norm").toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) {
            throw new UsageException("--kind must be one of " + KINDS + ", not '" + kind + "'");
        }
        HeatmapRequest request = request(kind, line);
        if (!Files.isDirectory(storeDir)) {
            throw new UsageException("--store " + storeDir + " is not a folder");
        }
        try (ActivationStore store = ActivationStore.openReadOnly(storeDir);
                ActivationSet set = store.openCapture(captureId)) {
            ActivationSetSource source = new ActivationSetSource(set, prompt, vectors(store));
            HeatmapData data = HeatmapRequests.build(source, request, () -> false);
            HeatmapImage.Rendered rendered = HeatmapExport.writePng(data, HeatmapImage.Options.forData(data), png);
            if (csvOption != null) {
                HeatmapExport.writeCsv(data, Path.of(csvOption));
            }
            JsonObject result = new JsonObject();
            result.addProperty("title", data.title());
            result.addProperty("rows", data.rows());
            result.addProperty("columns", data.columns());
            result.addProperty("min", data.minValue());
            result.addProperty("max", data.maxValue());
            result.addProperty("png", png.toAbsolutePath().toString());
            result.addProperty("width", rendered.image().getWidth());
            result.addProperty("height", rendered.image().getHeight());
            if (csvOption != null) {
                result.addProperty("csv", Path.of(csvOption).toAbsolutePath().toString());
            }
            if (context.json()) {
                context.printJson(result);
            } else {
                context.out().printf("%s: %s (%d %s x %d %s, values %s .. %s)%nWrote %s (%d x %d px)%s%n",
                        source.description(), data.title(), data.rows(), data.rowAxis(), data.columns(),
                        data.columnAxis(), data.minValue(), data.maxValue(), png, rendered.image().getWidth(),
                        rendered.image().getHeight(), csvOption != null ? " and " + csvOption : "");
            }
        }
        return 0;
    }

    private static HeatmapRequest request(String kind, CommandLine line) throws UsageException {
        try {
            switch (kind) {
                case "norm", "projection", "cosine" -> {
                    HookPoint point = point(line.option("site", "resid_post"));
                    HeatmapRequest.Measure measure = HeatmapRequest.Measure.valueOf(kind.toUpperCase(Locale.ROOT));
                    String vector = line.option("vector", null);
                    if (measure != HeatmapRequest.Measure.NORM && vector == null) {
                        throw new UsageException("--kind " + kind + " needs --vector NAME (a vector of the store)");
                    }
                    return new HeatmapRequest.LayerByPosition(point, measure, vector);
                }
                case "neurons" -> {
                    String site = line.option("site", "resid_post");
                    HookSite hookSite;
                    if (site.matches("blocks\\.\\d+\\..+") || !point(site).perLayer()) {
                        hookSite = HookSite.parse(site);
                    } else {
                        int layer = line.integer("layer", -1);
                        if (layer < 0) {
                            throw new UsageException("--kind neurons needs --layer L (or a full --site like blocks.0.mlp_out)");
                        }
                        hookSite = HookSite.of(point(site), layer);
                    }
                    int top = line.integer("top", 0);
                    NeuronFilter filter = top > 0 ? new NeuronFilter(NeuronFilter.Order.MAX_ABS_DESCENDING, 0, top)
                            : NeuronFilter.all();
                    return new HeatmapRequest.NeuronByPosition(hookSite, filter);
                }
                default -> {
                    int layer = line.integer("layer", -1);
                    if (layer < 0) {
                        throw new UsageException("--kind attention needs --layer L");
                    }
                    return new HeatmapRequest.AttentionPattern(layer, line.integer("head", 0));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** A hook point from {@code resid_post}, {@code blocks.*.resid_post} or {@code blocks.3.resid_post}. */
    private static HookPoint point(String text) throws UsageException {
        String name = text.startsWith("blocks.") ? text.substring(text.lastIndexOf('.') + 1) : text;
        for (HookPoint point : HookPoint.values()) {
            if (point.idName().equals(name)) {
                return point;
            }
        }
        List<String> names = new ArrayList<>();
        for (HookPoint point : HookPoint.values()) {
            names.add(point.idName());
        }
        throw new UsageException("--site '" + text + "' names no hook point; points: " + names);
    }

    /** Every stored vector, offered to projections by name (and by id, so either works on the command line). */
    private static List<StoredVectorData> vectors(ActivationStore store) throws java.io.IOException {
        List<String> ids = store.read(s -> s.getVectors().stream().map(StoredVector::getId).toList());
        List<StoredVectorData> vectors = new ArrayList<>();
        for (String id : ids) {
            StoredVectorData data = store.readVector(id);
            vectors.add(data);
            if (!data.id().equals(data.name())) {
                vectors.add(new StoredVectorData(data.id(), data.id(), data.siteId(), data.method(), data.values(),
                        data.parameters()));
            }
        }
        return vectors;
    }
}
