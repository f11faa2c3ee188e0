package io.mechanist.ui.store;

import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.emf.common.util.EMap;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.Capture;
import io.mechanist.model.CaptureStatus;
import io.mechanist.model.Dataset;
import io.mechanist.model.HookSiteRef;
import io.mechanist.model.ModelRef;
import io.mechanist.model.Prompt;
import io.mechanist.model.Provenance;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.model.Store;
import io.mechanist.model.StoredVector;

/**
 * Turns a store's EMF metadata into a tree of {@link StoreElement}s. Runs inside {@code ActivationStore.read}, off the
 * UI thread; the result holds only strings.
 */
final class StoreSnapshot {

    static final String MODELS = "Models";
    static final String DATASETS = "Datasets";
    static final String CAPTURES = "Captures";
    static final String VECTORS = "Vectors";
    static final String RESULTS = "Analysis results";

    private final Path folder;
    /** The installed analyses, read on the first result of the store. */
    private AnalysisRegistry registry;

    private StoreSnapshot(Path folder) {
        this.folder = folder;
    }

    static StoreElement build(Path folder, Store store) {
        return new StoreSnapshot(folder).store(store);
    }

    /** A store that could not be read: the node says why. */
    static StoreElement problem(Path folder, String message) {
        StoreElement root = new StoreElement(StoreElement.Kind.STORE, folder, folder.toString(),
                folder.getFileName() + " \u2013 " + message, props("Store", Map.of("Folder", folder.toString(),
                        "Problem", message)));
        return root;
    }

    private StoreElement store(Store store) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Name", text(store.getName()));
        info.put("Folder", folder.toString());
        info.put("Format version", Integer.toString(store.getFormatVersion()));
        info.put("Created", date(store.getCreatedAt()));
        info.put("Access", "read-only");
        StoreElement root = new StoreElement(StoreElement.Kind.STORE, folder, folder.toString(),
                text(store.getName()) + " [" + folder.getFileName() + "]", props("Store", info));

        StoreElement models = root.add(group(MODELS, store.getModels().size()));
        for (ModelRef model : store.getModels()) {
            models.add(model(model));
        }
        StoreElement datasets = root.add(group(DATASETS, store.getDatasets().size()));
        for (Dataset dataset : store.getDatasets()) {
            StoreElement node = datasets.add(dataset(dataset));
            addPrompts(node, dataset);
        }
        StoreElement captures = root.add(group(CAPTURES, store.getCaptures().size()));
        for (Capture capture : store.getCaptures()) {
            StoreElement node = captures.add(capture(capture));
            if (capture.getDataset() != null) {
                addPrompts(node, capture.getDataset());
            }
        }
        StoreElement vectors = root.add(group(VECTORS, store.getVectors().size()));
        for (StoredVector vector : store.getVectors()) {
            vectors.add(vector(vector));
        }
        StoreElement results = root.add(group(RESULTS, store.getResults().size()));
        for (AnalysisResult result : store.getResults()) {
            results.add(result(result));
        }
        return root;
    }

    private StoreElement group(String name, int count) {
        return new StoreElement(StoreElement.Kind.FOLDER, folder, name, name + " (" + count + ")", Map.of());
    }

    private StoreElement model(ModelRef model) {
        Map<String, String> info = identified(model.getId(), model.getName(), model.getDescription(),
                model.getCreatedAt());
        info.put("Folder", text(model.getFolder()));
        info.put("Architecture", text(model.getArchitecture()));
        info.put("Family", text(model.getFamily()));
        info.put("Layers", Integer.toString(model.getNumLayers()));
        info.put("d_model", Integer.toString(model.getDModel()));
        info.put("Heads", Integer.toString(model.getNumHeads()));
        info.put("Vocabulary", Integer.toString(model.getVocabSize()));
        info.put("Weight dtype", text(model.getWeightDtype()));
        Map<String, Map<String, String>> props = props("Model", info);
        props.put("Configuration", entries(model.getConfig()));
        Map<String, String> files = new LinkedHashMap<>();
        model.getFiles().forEach(f -> files.put(f.getPath(), f.getSize() + " bytes, sha256 " + f.getSha256()));
        props.put("Files", files);
        return new StoreElement(StoreElement.Kind.MODEL, folder, model.getId(), name(model.getName(), model.getId())
                + " \u2013 " + text(model.getArchitecture()) + ", " + model.getNumLayers() + " layers, d_model "
                + model.getDModel(), props);
    }

    private StoreElement dataset(Dataset dataset) {
        Map<String, String> info = identified(dataset.getId(), dataset.getName(), dataset.getDescription(),
                dataset.getCreatedAt());
        info.put("Source", text(dataset.getSource()));
        info.put("Prompts", Integer.toString(dataset.getPrompts().size()));
        return new StoreElement(StoreElement.Kind.DATASET, folder, dataset.getId(),
                name(dataset.getName(), dataset.getId()) + " (" + dataset.getPrompts().size() + " prompts)",
                props("Dataset", info));
    }

    private void addPrompts(StoreElement parent, Dataset dataset) {
        List<Prompt> prompts = dataset.getPrompts();
        for (int i = 0; i < prompts.size(); i++) {
            Prompt prompt = prompts.get(i);
            Map<String, String> info = new LinkedHashMap<>();
            info.put("Index", Integer.toString(i));
            info.put("Key", text(prompt.getKey()));
            info.put("Text", text(prompt.getText()));
            info.put("Tokens", Integer.toString(prompt.getTokenIds().size()));
            info.put("Token strings", String.join("|", prompt.getTokens()));
            info.put("Group", text(prompt.getGroupId()));
            info.put("Pair", text(prompt.getPairId()));
            Map<String, Map<String, String>> props = props("Prompt", info);
            props.put("Labels", entries(prompt.getLabels()));
            parent.add(new StoreElement(StoreElement.Kind.PROMPT, folder, Integer.toString(i),
                    i + ": " + abbreviate(text(prompt.getText()), 60), props));
        }
    }

    private StoreElement capture(Capture capture) {
        Map<String, String> info = identified(capture.getId(), capture.getName(), capture.getDescription(),
                capture.getCreatedAt());
        String status = capture.getStatus() == CaptureStatus.COMPLETE ? "complete" : "incomplete";
        info.put("Status", status);
        info.put("Completed", date(capture.getCompletedAt()));
        info.put("Model", capture.getModel() != null ? capture.getModel().getId() : "");
        info.put("Dataset", capture.getDataset() != null ? capture.getDataset().getId() : "");
        info.put("Sites", capture.getSites().stream().map(StoreSnapshot::site).collect(Collectors.joining(", ")));
        info.put("Positions", positions(capture));
        info.put("Storage dtype", capture.getStorageType() != null ? capture.getStorageType().getLiteral() : "");
        info.put("Shards", Integer.toString(capture.getShards().size()));
        int prompts = capture.getShards().stream().mapToInt(s -> s.getPromptCount()).sum();
        info.put("Prompts written", prompts + " of " + capture.getPlannedPrompts());
        Map<String, Map<String, String>> props = props("Capture", info);
        addProvenance(props, capture.getProvenance());
        String label = name(capture.getName(), capture.getId()) + " \u2013 " + status + ", "
                + capture.getSites().size() + " sites, " + info.get("Storage dtype");
        return new StoreElement(StoreElement.Kind.CAPTURE, folder, capture.getId(), label, props);
    }

    private StoreElement vector(StoredVector vector) {
        Map<String, String> info = identified(vector.getId(), vector.getName(), vector.getDescription(),
                vector.getCreatedAt());
        info.put("Site", text(vector.getSiteId()));
        info.put("Method", text(vector.getMethod()));
        info.put("Dimension", Integer.toString(vector.getDimension()));
        info.put("Norm", String.format(Locale.ROOT, "%.6g", vector.getNorm()));
        info.put("Source capture", vector.getSourceCapture() != null ? vector.getSourceCapture().getId() : "");
        info.put("Source result", vector.getSourceResult() != null ? vector.getSourceResult().getId() : "");
        info.put("File", text(vector.getFile()));
        Map<String, Map<String, String>> props = props("Vector", info);
        addProvenance(props, vector.getProvenance());
        return new StoreElement(StoreElement.Kind.VECTOR, folder, vector.getId(), name(vector.getName(),
                vector.getId()) + " \u2013 " + text(vector.getMethod()) + " at " + text(vector.getSiteId()), props);
    }

    private StoreElement result(AnalysisResult result) {
        Map<String, String> info = identified(result.getId(), result.getName(), result.getDescription(),
                result.getCreatedAt());
        info.put("Analysis", text(result.getAnalysisId()));
        info.put("Analysis name", analysisName(result.getAnalysisId()));
        info.put("Input captures", result.getInputCaptures().stream().map(Capture::getId)
                .collect(Collectors.joining(", ")));
        info.put("Input vectors", result.getInputVectors().stream().map(StoredVector::getId)
                .collect(Collectors.joining(", ")));
        info.put("Tables", result.getTables().stream().map(t -> t.getName()).collect(Collectors.joining(", ")));
        info.put("Arrays", result.getArrays().stream().map(a -> a.getName() + a.getShape())
                .collect(Collectors.joining(", ")));
        Map<String, Map<String, String>> props = props("Result", info);
        props.put("Parameters", entries(result.getParameters()));
        props.put("Outputs", outputs(result));
        addProvenance(props, result.getProvenance());
        return new StoreElement(StoreElement.Kind.RESULT, folder, result.getId(), name(result.getName(),
                result.getId()) + " \u2013 " + text(result.getAnalysisId()), props);
    }

    /** What a result holds, one line per output: kind and shape (tables: rows x columns, arrays: axes). */
    static Map<String, String> outputs(AnalysisResult result) {
        Map<String, String> outputs = new LinkedHashMap<>();
        for (ResultTable table : result.getTables()) {
            List<ResultColumn> columns = table.getColumns();
            int rows = columns.isEmpty() ? 0
                    : Math.max(columns.get(0).getNumbers().size(), columns.get(0).getTexts().size());
            outputs.put(table.getName(), "table, " + rows + (rows == 1 ? " row" : " rows") + " \u00d7 "
                    + columns.size() + " columns (" + columns.stream().map(ResultColumn::getName)
                            .collect(Collectors.joining(", ")) + ")");
        }
        for (ResultArray array : result.getArrays()) {
            outputs.put(array.getName(), "array " + array.getShape()
                    + (array.getAxes().isEmpty() ? "" : " (" + String.join(" \u00d7 ", array.getAxes()) + ")"));
        }
        for (StoredVector vector : result.getProducedVectors()) {
            outputs.put(name(vector.getName(), vector.getId()), "vector [" + vector.getDimension() + "] at "
                    + text(vector.getSiteId()) + ", stored as " + vector.getId());
        }
        return outputs;
    }

    /** The installed analysis's display name, or why there is none. */
    private String analysisName(String analysisId) {
        if (analysisId == null) {
            return "";
        }
        try {
            if (registry == null) {
                registry = AnalysisRegistry.fromPlatform();
            }
            return registry.find(analysisId).map(AnalysisDescriptor::name).orElse("(not installed)");
        } catch (IllegalStateException e) {
            return "(no extension registry)";
        }
    }

    private static void addProvenance(Map<String, Map<String, String>> props, Provenance provenance) {
        if (provenance == null) {
            return;
        }
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Tool", text(provenance.getTool()));
        info.put("Created", date(provenance.getCreatedAt()));
        provenance.getVersions().forEach(e -> info.put("Version of " + e.getKey(), e.getValue()));
        provenance.getParameters().forEach(e -> info.put("Parameter " + e.getKey(), e.getValue()));
        props.put("Provenance", info);
    }

    private static String site(HookSiteRef site) {
        return site.getSiteId() + " " + site.getRowShape();
    }

    private static String positions(Capture capture) {
        var selection = capture.getPositions();
        if (selection == null || selection.getKind() == null) {
            return "all";
        }
        return switch (selection.getKind().getLiteral()) {
            case "RANGE" -> "range [" + selection.getStart() + ", " + selection.getEnd() + ")";
            case "LIST" -> "positions " + selection.getPositions();
            default -> selection.getKind().getLiteral().toLowerCase(Locale.ROOT);
        };
    }

    private static Map<String, String> identified(String id, String name, String description, Date created) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("Id", text(id));
        info.put("Name", text(name));
        info.put("Description", text(description));
        info.put("Created", date(created));
        return info;
    }

    private static Map<String, Map<String, String>> props(String category, Map<String, String> values) {
        Map<String, Map<String, String>> props = new LinkedHashMap<>();
        props.put(category, new LinkedHashMap<>(values));
        return props;
    }

    private static Map<String, String> entries(EMap<String, String> map) {
        Map<String, String> values = new LinkedHashMap<>();
        map.forEach(e -> values.put(e.getKey(), e.getValue()));
        return values;
    }

    private static String name(String name, String id) {
        return name != null && !name.isBlank() ? name : id;
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static String date(Date date) {
        return date == null ? "" : new SimpleDateFormat("yyyy-MM-dd HH:mm:ss", Locale.ROOT).format(date);
    }

    static String abbreviate(String text, int max) {
        String oneLine = text.replace('\n', ' ');
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max - 1) + "\u2026";
    }
}
