package io.mechanist.runtime.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import io.mechanist.runtime.CheckpointException;

/** A JSON object read from a checkpoint file, with typed getters whose errors name the file and the key. */
public final class JsonConfig {
    private final Path file;
    private final JsonObject json;

    public JsonConfig(Path file, JsonObject json) {
        this.file = file;
        this.json = json;
    }

    public static JsonConfig read(Path file) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file, "file not found");
        }
        try {
            JsonElement element = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8));
            if (!element.isJsonObject()) {
                throw new CheckpointException(file, "expected a JSON object");
            }
            return new JsonConfig(file, element.getAsJsonObject());
        } catch (IOException | JsonParseException e) {
            throw new CheckpointException(file, "cannot read JSON: " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    public JsonObject json() {
        return json;
    }

    public boolean has(String key) {
        return json.has(key) && !json.get(key).isJsonNull();
    }

    public int requireInt(String key) throws CheckpointException {
        if (!has(key)) {
            throw new CheckpointException(file, "missing required key '" + key + "'");
        }
        return asInt(key);
    }

    public int getInt(String key, int fallback) throws CheckpointException {
        return has(key) ? asInt(key) : fallback;
    }

    public double getDouble(String key, double fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        try {
            return json.get(key).getAsDouble();
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "key '" + key + "' must be a number, found " + json.get(key));
        }
    }

    public boolean getBoolean(String key, boolean fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isBoolean()) {
            throw new CheckpointException(file, "key '" + key + "' must be true or false, found " + value);
        }
        return value.getAsBoolean();
    }

    public String getString(String key, String fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive()) {
            throw new CheckpointException(file, "key '" + key + "' must be a string, found " + value);
        }
        return value.getAsString();
    }

    /** A nested object, or null when absent. */
    public JsonConfig object(String key) throws CheckpointException {
        if (!has(key)) {
            return null;
        }
        if (!json.get(key).isJsonObject()) {
            throw new CheckpointException(file, "key '" + key + "' must be an object, found " + json.get(key));
        }
        return new JsonConfig(file, json.getAsJsonObject(key));
    }

    /** A string list, or null when absent. */
    public List<String> stringList(String key) throws CheckpointException {
        if (!has(key)) {
            return null;
        }
        if (!json.get(key).isJsonArray()) {
            throw new CheckpointException(file, "key '" + key + "' must be a list, found " + json.get(key));
        }
        List<String> out = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray(key)) {
            out.add(e.getAsString());
        }
        return out;
    }

    /** An int or a list of ints (e.g. eos_token_id); empty when absent. */
    public int[] intOrIntList(String key) throws CheckpointException {
        if (!has(key)) {
            return new int[0];
        }
        JsonElement value = json.get(key);
        try {
            if (value.isJsonArray()) {
                JsonArray array = value.getAsJsonArray();
                int[] out = new int[array.size()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = array.get(i).getAsInt();
                }
                return out;
            }
            return new int[] {value.getAsInt()};
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "key '" + key + "' must be an integer or a list of integers, found " + value);
        }
    }

    private int asInt(String key) throws CheckpointException {
        JsonElement value = json.get(key);
        try {
            double d = value.getAsDouble();
            if (d != Math.rint(d)) {
                throw new NumberFormatException();
            }
            return value.getAsInt();
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "key '" + key + "' must be an integer, found " + value);
        }
    }
}
