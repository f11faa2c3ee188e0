package io.mechanist.runtime.reference.tests;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Rewrites config.json of a fixture folder in place. */
final class ConfigEdits {

    private ConfigEdits() {
    }

    static void edit(Path dir, Consumer<JsonObject> change) throws IOException {
        Path file = dir.resolve("config.json");
        JsonObject config = JsonParser.parseString(Files.readString(file)).getAsJsonObject();
        change.accept(config);
        Files.writeString(file, new GsonBuilder().serializeNulls().create().toJson(config));
    }
}
