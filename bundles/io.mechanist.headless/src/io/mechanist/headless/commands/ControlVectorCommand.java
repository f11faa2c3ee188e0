package io.mechanist.headless.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.saes.interop.ControlVectorGguf;
import io.mechanist.store.ActivationStore;

/** {@code mechanist control-vector import|export}: steering vectors to and from llama.cpp's GGUF control vectors. */
public final class ControlVectorCommand implements Command {

    @Override
    public String name() {
        return "control-vector";
    }

    @Override
    public String summary() {
        return "steering vectors to and from llama.cpp GGUF control vectors";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist control-vector export --store DIR --vector ID [--vector ID]... --out FILE.gguf
                                                       [--model-hint NAME] [--scale X]
                       mechanist control-vector import --store DIR --file FILE.gguf [--name NAME]

                llama.cpp (--control-vector FILE) adds direction.N to the output of its decoder block N (counted from
                0), which is Mechanist's blocks.N.resid_post (= blocks.N+1.resid_pre). There is no direction.0: a
                vector at blocks.0.resid_post cannot be exported. See docs/saes.md.

                export  Writes stored vectors at blocks.N.resid_post (or blocks.N+1.resid_pre) as direction.N,
                        multiplied by --scale (default 1; llama.cpp can also scale with --control-vector-scaled).
                        --model-hint is written as controlvector.model_hint (llama.cpp's architecture name, e.g. gpt2).
                import  Stores each direction.N of the file as a vector at blocks.N.resid_post (method
                        llama.cpp-control-vector), usable with 'mechanist steer --vector ID'.

                Example: mechanist control-vector export --store my-store --vector vector-1a2b3c4d --out honest.gguf""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "vector", "out", "model-hint", "scale", "file", "name");
    }

    @Override
    public Set<String> repeatableOptions() {
        return Set.of("vector");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        List<String> positional = line.positional();
        if (positional.size() != 1 || !List.of("import", "export").contains(positional.get(0))) {
            throw new UsageException("control-vector: name one action: import or export");
        }
        Path storeFolder = Path.of(line.required("store"));
        try (ActivationStore store = ActivationStore.open(storeFolder)) {
            if (positional.get(0).equals("export")) {
                List<String> ids = line.all("vector");
                if (ids.isEmpty()) {
                    throw new UsageException("control-vector export: give at least one --vector ID");
                }
                double scale = line.number("scale", 1);
                TreeMap<Integer, float[]> directions = new TreeMap<>();
                for (String id : ids) {
                    StoredVectorData vector = store.readVector(id);
                    int block;
                    try {
                        block = ControlVectorGguf.blockOf(HookSite.parse(vector.siteId()));
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("vector " + id + ": " + e.getMessage(), e);
                    }
                    if (directions.containsKey(block)) {
                        throw new IllegalArgumentException("two vectors go to block " + block + " (direction." + block
                                + "); export one per block");
                    }
                    float[] values = vector.values();
                    for (int i = 0; i < values.length; i++) {
                        values[i] = (float) (values[i] * scale);
                    }
                    directions.put(block, values);
                }
                Path out = Path.of(line.required("out"));
                new ControlVectorGguf(line.option("model-hint", ""), directions).write(out);
                context.out().printf("Wrote %s: %s%n", out, directions.keySet().stream().map(b -> "direction." + b)
                        .toList());
            } else {
                Path file = Path.of(line.required("file"));
                if (!Files.isRegularFile(file)) {
                    throw new UsageException("control-vector import: --file " + file + " does not exist");
                }
                ControlVectorGguf read = ControlVectorGguf.read(file);
                String name = line.option("name", file.getFileName().toString());
                Map<String, String> stored = new LinkedHashMap<>();
                for (Map.Entry<Integer, float[]> e : read.directions().entrySet()) {
                    HookSite site = ControlVectorGguf.siteOf(e.getKey());
                    Map<String, String> provenance = new LinkedHashMap<>();
                    provenance.put("file", file.toAbsolutePath().toString());
                    provenance.put("tensor", "direction." + e.getKey());
                    provenance.put("modelHint", read.modelHint());
                    stored.put("direction." + e.getKey(), store.saveVector(name + " direction." + e.getKey(), site.id(),
                            "llama.cpp-control-vector", e.getValue(), provenance, null));
                }
                if (context.json()) {
                    JsonObject json = new JsonObject();
                    JsonArray vectors = new JsonArray();
                    stored.forEach((tensor, id) -> {
                        JsonObject o = new JsonObject();
                        o.addProperty("tensor", tensor);
                        o.addProperty("vectorId", id);
                        vectors.add(o);
                    });
                    json.add("vectors", vectors);
                    context.printJson(json);
                } else {
                    stored.forEach((tensor, id) -> context.out().printf("%s -> vector %s at %s%n", tensor, id,
                            "blocks." + tensor.substring("direction.".length()) + ".resid_post"));
                }
            }
        }
        return 0;
    }
}
