package io.mechanist.headless.commands;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.store.ActivationStore;

/**
 * {@code mechanist remove-capture}: deletes a capture's shards and record, and compacts {@code store.xmi} by
 * dropping the dataset and model records no other capture uses.
 */
public final class RemoveCaptureCommand implements Command {

    @Override
    public String name() {
        return "remove-capture";
    }

    @Override
    public String summary() {
        return "delete a capture (its shards and records) from a store";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist remove-capture --store DIR --capture ID [--force] [--json]

                Deletes capture ID, complete or interrupted: its folder captures/ID with its shards, and its record
                in store.xmi. The records of its dataset (the prompts, most of store.xmi's size) and of its model
                go too when no other capture uses them, so store.xmi shrinks.

                Analysis results and vectors computed from the capture are never deleted. If there are any, the
                verb lists them and removes nothing (exit 1), unless --force: then the capture goes and they stay,
                with their numbers, without their link to it.

                Nothing outside the store is touched: a store.xmi that gives the capture a folder outside the store
                is reported as corrupt and nothing is deleted. The store must not be open for writing elsewhere
                (e.g. by a running capture).

                  --store DIR    the store folder
                  --capture ID   the capture to delete
                  --force        delete it even if results or vectors were computed from it

                Exit codes: 0 removed, 1 not removed (the message says why), 2 wrong command line.

                Example: mechanist remove-capture --store my-store --capture capture-1a2b3c4d""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "capture");
    }

    @Override
    public Set<String> flagOptions() {
        return Set.of("force");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path storeDir = Path.of(line.required("store"));
        String captureId = line.required("capture");
        if (!Files.isDirectory(storeDir)) {
            throw new UsageException("remove-capture: --store " + storeDir + " is not a folder");
        }
        Path storeFile = storeDir.resolve("store.xmi");
        try (ActivationStore store = ActivationStore.open(storeDir)) {
            List<String> captures = store.read(s -> s.getCaptures().stream().map(c -> c.getId()).toList());
            if (!captures.contains(captureId)) {
                throw new IllegalArgumentException("the store " + store.folder() + " has no capture '" + captureId
                        + "'; it has " + captures);
            }
            ActivationStore.Dependents dependents = store.dependentsOf(captureId);
            if (!dependents.isEmpty() && !line.flag("force")) {
                throw new IllegalStateException("nothing removed: capture " + captureId + " is an input of "
                        + describe(dependents) + "; add --force to remove the capture and keep them (their numbers "
                        + "stay, their link to the capture goes)");
            }
            long before = Files.size(storeFile);
            ActivationStore.Removal removal = store.removeCapture(captureId, true);
            long after = Files.size(storeFile);
            if (context.json()) {
                JsonObject json = new JsonObject();
                json.addProperty("capture", captureId);
                json.addProperty("store", store.folder().toString());
                json.addProperty("folder", removal.folder().toString());
                json.add("removedDatasets", array(removal.datasetIds()));
                json.add("removedModels", array(removal.modelIds()));
                json.add("unlinkedResults", array(removal.unlinked().resultIds()));
                json.add("unlinkedVectors", array(removal.unlinked().vectorIds()));
                json.addProperty("storeXmiBytesBefore", before);
                json.addProperty("storeXmiBytesAfter", after);
                context.printJson(json);
            } else {
                context.out().printf("Removed capture %s (%s)%s%s; store.xmi %d -> %d bytes%s%n", captureId,
                        removal.folder(), removal.datasetIds().isEmpty() ? "" : ", dataset " + removal.datasetIds(),
                        removal.modelIds().isEmpty() ? "" : ", model " + removal.modelIds(), before, after,
                        removal.unlinked().isEmpty() ? "" : "; kept " + describe(removal.unlinked()));
            }
        }
        return 0;
    }

    private static String describe(ActivationStore.Dependents dependents) {
        StringBuilder text = new StringBuilder();
        if (!dependents.resultIds().isEmpty()) {
            text.append("results ").append(dependents.resultIds());
        }
        if (!dependents.vectorIds().isEmpty()) {
            text.append(text.isEmpty() ? "" : " and ").append("vectors ").append(dependents.vectorIds());
        }
        return text.toString();
    }

    private static JsonArray array(List<String> values) {
        JsonArray array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
