package io.mechanist.core.datasets;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Writes records as dataset JSONL (one object per line, keys in the documented order). */
public final class DatasetWriter {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private DatasetWriter() {
    }

    public static void write(Path file, List<DatasetRecord> records) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (DatasetRecord record : records) {
                out.write(toJson(record));
                out.write('\n');
            }
        }
    }

    /** One record as a single JSON line (without the newline). */
    public static String toJson(DatasetRecord record) {
        JsonObject object = new JsonObject();
        object.addProperty("id", record.id());
        object.addProperty("text", record.text());
        JsonObject labels = new JsonObject();
        for (Map.Entry<String, String> label : record.labels().entrySet()) {
            labels.addProperty(label.getKey(), label.getValue());
        }
        object.add("labels", labels);
        object.addProperty("group", record.group());
        if (record.pair() == null) {
            object.add("pair", JsonNull.INSTANCE);
        } else {
            object.addProperty("pair", record.pair());
        }
        object.addProperty("answer_marker", record.answerMarker());
        return GSON.toJson(object);
    }
}
