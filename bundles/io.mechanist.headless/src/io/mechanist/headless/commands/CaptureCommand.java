package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.capture.CaptureJob;
import io.mechanist.capture.CapturePositions;
import io.mechanist.capture.CaptureSummary;
import io.mechanist.capture.Capturer;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.model.StorageType;
import io.mechanist.runtime.Padding;

/** {@code mechanist capture}: a dataset through a checkpoint, chosen hook sites into a store. */
public final class CaptureCommand implements Command {

    @Override
    public String name() {
        return "capture";
    }

    @Override
    public String summary() {
        return "run a dataset through a model and store the activations of chosen hook sites";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist capture --store DIR --model DIR --dataset FILE.jsonl [--sites LIST]
                                         [--positions SEL] [--batch N] [--dtype f32|f16] [--name NAME] [--id ID]
                                         [--padding right|left] [--json]

                Tokenises the dataset (JSONL, see docs/dataset-format.md) with the model's tokenizer, registers the
                model (with file hashes) and the dataset in the store, runs the prompts in batches and writes the
                chosen hook sites at the chosen positions. Progress goes to standard error; the capture id (or,
                with --json, a summary) to standard output. An interrupted capture (Ctrl-C, crash) is resumed by
                running the same command again.

                  --store DIR       store folder (created if it holds no store)
                  --model DIR       Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json)
                  --dataset FILE    dataset JSONL file
                  --sites LIST      comma-separated hook-site ids or patterns (default blocks.*.resid_post), e.g.
                                    embed,blocks.*.resid_post,blocks.3.attn_pattern,logits
                  --positions SEL   all (default), last, START:END (end exclusive; negative = from the end),
                                    or a list such as 0,5,-1
                  --batch N         prompts per forward pass (default 8; numbers do not depend on it)
                  --dtype f32|f16   storage type of the numbers (default f32)
                  --name NAME       display name of the capture
                  --id ID           the capture's id (default: generated)
                  --padding SIDE    right (default) or left padding within a batch (numbers do not depend on it)

                Example: mechanist capture --store my-store --model ~/models/gpt2 --dataset prompts.jsonl
                         --sites 'blocks.*.resid_post' --positions last --dtype f16""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("store", "model", "dataset", "sites", "positions", "batch", "dtype", "name", "id", "padding");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path store = Path.of(line.required("store"));
        Path model = Path.of(line.required("model"));
        Path dataset = Path.of(line.required("dataset"));
        CapturePositions positions;
        try {
            positions = CapturePositions.parse(line.option("positions", "all"));
        } catch (IllegalArgumentException e) {
            throw new UsageException("capture: --positions " + e.getMessage());
        }
        int batch = line.integer("batch", 8);
        if (batch < 1) {
            throw new UsageException("capture: --batch must be at least 1, not " + batch);
        }
        StorageType storage = switch (line.option("dtype", "f32").toLowerCase(Locale.ROOT)) {
            case "f32", "float32" -> StorageType.F32;
            case "f16", "float16" -> StorageType.F16;
            default -> throw new UsageException("capture: --dtype must be f32 or f16, not '" + line.option("dtype", "")
                    + "'");
        };
        Padding padding = switch (line.option("padding", "right").toLowerCase(Locale.ROOT)) {
            case "right" -> Padding.RIGHT;
            case "left" -> Padding.LEFT;
            default -> throw new UsageException("capture: --padding must be right or left");
        };
        CaptureJob job = CaptureJob.builder(store, model, dataset).sites(line.option("sites", "blocks.*.resid_post"))
                .positions(positions).batchSize(batch).storage(storage).padding(padding)
                .captureId(line.option("id", null)).name(line.option("name", null)).build();
        CaptureSummary summary = Capturer.capture(job, new CliProgressMonitor(context),
                warning -> context.info("mechanist capture: warning: " + warning));
        if (summary.resumedFrom() > 0) {
            context.info("resumed capture " + summary.captureId() + " after " + summary.resumedFrom() + " prompts");
        }
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("captureId", summary.captureId());
            json.addProperty("store", store.toAbsolutePath().normalize().toString());
            json.addProperty("modelId", summary.modelId());
            json.addProperty("datasetId", summary.datasetId());
            JsonArray sites = new JsonArray();
            summary.sites().forEach(sites::add);
            json.add("sites", sites);
            json.addProperty("positions", positions.toString());
            json.addProperty("storage", storage.getName());
            json.addProperty("prompts", summary.promptCount());
            json.addProperty("resumedFrom", summary.resumedFrom());
            json.addProperty("complete", summary.complete());
            context.printJson(json);
        } else {
            context.out().println(summary.captureId());
        }
        return 0;
    }
}
