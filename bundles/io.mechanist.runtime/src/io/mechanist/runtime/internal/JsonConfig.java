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

    /** Whether {@code key} is present with a value other than JSON null. */
    public boolean has(String key) {
        return json.has(key) && !json.get(key).isJsonNull();
    }

    /** Whether {@code key} is present and explicitly null (in Hugging Face configs: "switched off"). */
    public boolean isNull(String key) {
        return json.has(key) && json.get(key).isJsonNull();
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

    /** A required integer of at least 1 (a size or a count). */
    public int requirePositiveInt(String key) throws CheckpointException {
        return checkPositive(key, requireInt(key));
    }

    /** An optional integer of at least 1; {@code fallback} when absent or null. */
    public int getPositiveInt(String key, int fallback) throws CheckpointException {
        return has(key) ? checkPositive(key, asInt(key)) : fallback;
    }

    private int checkPositive(String key, int value) throws CheckpointException {
        if (value < 1) {
            throw new CheckpointException(file, "key '" + key + "' must be at least 1, found " + value);
        }
        return value;
    }

    /** A finite number; {@code fallback} when absent or null. */
    public double getDouble(String key, double fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!isNumber(value) || !Double.isFinite(value.getAsDouble())) {
            throw new CheckpointException(file, "key '" + key + "' must be a number, found " + value);
        }
        return value.getAsDouble();
    }

    /** A finite number greater than 0; {@code fallback} when absent or null. */
    public double getPositiveDouble(String key, double fallback) throws CheckpointException {
        double value = getDouble(key, fallback);
        if (has(key) && !(value > 0)) {
            throw new CheckpointException(file, "key '" + key + "' must be greater than 0, found " + json.get(key));
        }
        return value;
    }

    /** A finite number of at least 0; {@code fallback} when absent or null. */
    public double getNonNegativeDouble(String key, double fallback) throws CheckpointException {
        double value = getDouble(key, fallback);
        if (has(key) && !(value >= 0)) {
            throw new CheckpointException(file, "key '" + key + "' must not be negative, found " + json.get(key));
        }
        return value;
    }

    /** A JSON boolean (a string such as "yes" or "true" is refused); {@code fallback} when absent or null. */
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

    /** A JSON string (a number is refused); {@code fallback} when absent or null. */
    public String getString(String key, String fallback) throws CheckpointException {
        if (!has(key)) {
            return fallback;
        }
        JsonElement value = json.get(key);
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
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
            if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
                throw new CheckpointException(file, "key '" + key + "' must be a list of strings, found "
                        + json.get(key));
            }
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
                    out[i] = exactInt(array.get(i));
                }
                return out;
            }
            return new int[] {exactInt(value)};
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "key '" + key + "' must be an integer or a list of integers, found " + value);
        }
    }

    private int asInt(String key) throws CheckpointException {
        JsonElement value = json.get(key);
        try {
            return exactInt(value);
        } catch (ArithmeticException e) {
            throw new CheckpointException(file, "key '" + key + "' is out of range: " + value + " (at most "
                    + Integer.MAX_VALUE + ")");
        } catch (RuntimeException e) {
            throw new CheckpointException(file, "key '" + key + "' must be an integer, found " + value);
        }
    }

    private static boolean isNumber(JsonElement value) {
        return value.isJsonPrimitive() && value.getAsJsonPrimitive().isNumber();
    }

    /**
     * The int a JSON number holds exactly (12 and 12.0 both are 12).
     *
     * @throws ArithmeticException beyond the int range, instead of wrapping around
     * @throws NumberFormatException for anything but a whole JSON number
     */
    private static int exactInt(JsonElement value) {
        if (!isNumber(value)) {
            throw new NumberFormatException();
        }
        java.math.BigDecimal number = value.getAsBigDecimal();
        if (number.signum() != 0 && number.stripTrailingZeros().scale() > 0) {
            throw new NumberFormatException();
        }
        return number.toBigInteger().intValueExact();
    }
}
