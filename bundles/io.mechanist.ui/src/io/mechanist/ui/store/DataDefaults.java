package io.mechanist.ui.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.mechanist.core.analysis.ParameterSpec;
import io.mechanist.core.datasets.DatasetParser;
import io.mechanist.core.datasets.DatasetRecord;

/**
 * Defaults a form takes from the data rather than from the declaration, for parameters named after fields of the
 * dataset format (docs/dataset-format.md): {@code label} is the label every record carries ({@code answer}) and
 * {@code anchor} the dataset's answer marker when all its records share one. A form's remembered value still wins;
 * the declared default applies when the capture recorded no readable dataset.
 */
public final class DataDefaults {

    /** Parsed datasets by file and modification time: a form is built often, a dataset read once. */
    private static final Map<String, List<DatasetRecord>> PARSED = new ConcurrentHashMap<>();

    private DataDefaults() {
    }

    /** The default of {@code parameter} from the dataset file a capture recorded, or null when the data says none. */
    static String of(ParameterSpec parameter, Path datasetFile) {
        if (parameter.type() != ParameterSpec.Type.STRING) {
            return null;
        }
        return switch (parameter.name()) {
            case "label" -> datasetFile == null ? null : DatasetRecord.ANSWER;
            case "anchor" -> answerMarker(datasetFile);
            default -> null;
        };
    }

    /**
     * The answer marker of the dataset that capture {@code captureId} of the store open in {@code storeFolder}
     * recorded, or null when the store is not open, the capture recorded no readable dataset, or its records differ.
     */
    public static String answerMarker(Path storeFolder, String captureId) {
        StoreElement tree = OpenStores.instance().trees().stream()
                .filter(t -> t.storeFolder().equals(storeFolder.toAbsolutePath().normalize())).findFirst().orElse(null);
        StoreChoices.Choice capture = tree == null ? null : StoreChoices.of(tree).capture(captureId);
        return capture == null || capture.datasetFile().isEmpty() ? null
                : answerMarker(Path.of(capture.datasetFile()));
    }

    private static String answerMarker(Path datasetFile) {
        List<DatasetRecord> records = records(datasetFile);
        if (records == null || records.isEmpty()) {
            return null;
        }
        List<String> markers = records.stream().map(DatasetRecord::answerMarker).distinct().toList();
        return markers.size() == 1 && !markers.get(0).isBlank() ? markers.get(0).strip() : null;
    }

    private static List<DatasetRecord> records(Path file) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        try {
            String key = file.toAbsolutePath().normalize() + "@" + Files.getLastModifiedTime(file).toMillis();
            return PARSED.computeIfAbsent(key, k -> {
                try {
                    return DatasetParser.parse(file);
                } catch (IOException | RuntimeException e) {
                    return List.of(); // an unreadable dataset gives no defaults; the declared ones apply
                }
            });
        } catch (IOException e) {
            return null;
        }
    }
}
