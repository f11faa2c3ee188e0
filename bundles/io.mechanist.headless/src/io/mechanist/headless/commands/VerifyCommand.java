package io.mechanist.headless.commands;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;
import io.mechanist.headless.UsageException;
import io.mechanist.runtime.reference.FidelityCheck;

/** {@code mechanist verify}: the runtime against the double-precision reference on the user's own checkpoint. */
public final class VerifyCommand implements Command {

    static final String DEFAULT_PROMPT = "The quick brown fox jumps over the lazy dog.";

    @Override
    public String name() {
        return "verify";
    }

    @Override
    public String summary() {
        return "check a checkpoint's numbers: DJL runtime vs the double-precision reference, per hook site";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist verify --model DIR [--prompt TEXT] [--tolerance X] [--json]

                Runs one prompt through the DJL runtime (float32, what captures use) and through Mechanist's
                independent double-precision reference implementation of the architecture, and prints the largest
                absolute difference at every hook site and for the logits. Exits with 1 if any difference is above
                the tolerance.

                  --model DIR     a Hugging Face checkpoint folder (config.json, *.safetensors, tokenizer.json)
                  --prompt TEXT   the prompt (default: "%s")
                  --tolerance X   the largest acceptable difference (default 1e-4)

                The reference holds the weights in double precision (twice the float32 size in memory) and is
                slow: use it on small models or short prompts.

                Example: mechanist verify --model ~/models/gpt2 --prompt "Hello world" --json""".formatted(DEFAULT_PROMPT);
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of("model", "prompt", "tolerance");
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        Path model = Path.of(line.required("model"));
        String prompt = line.option("prompt", DEFAULT_PROMPT);
        double tolerance = line.number("tolerance", 1e-4);
        if (!(tolerance >= 0)) {
            throw new UsageException("verify: --tolerance must be a non-negative number");
        }
        context.info("verifying " + model + " ...");
        FidelityCheck.Report report = FidelityCheck.run(model, prompt);
        report.warnings().forEach(w -> context.info("mechanist verify: warning: " + w));
        boolean pass = report.worst() <= tolerance;
        if (context.json()) {
            JsonObject json = new JsonObject();
            json.addProperty("model", model.toAbsolutePath().normalize().toString());
            json.addProperty("prompt", prompt);
            JsonArray tokens = new JsonArray();
            for (long t : report.tokens()) {
                tokens.add(t);
            }
            json.add("tokens", tokens);
            json.addProperty("tolerance", tolerance);
            JsonObject sites = new JsonObject();
            report.maxAbsDifference().forEach(sites::addProperty);
            json.add("maxAbsDifference", sites);
            json.addProperty("logits", report.maxAbsDifference().get("logits"));
            json.addProperty("worst", report.worst());
            JsonArray warnings = new JsonArray();
            report.warnings().forEach(warnings::add);
            json.add("warnings", warnings);
            json.addProperty("pass", pass);
            context.printJson(json);
        } else {
            context.out().printf("%d tokens; max abs difference runtime vs reference:%n", report.tokens().length);
            for (Map.Entry<String, Double> e : report.maxAbsDifference().entrySet()) {
                context.out().printf("  %-24s %.3e%s%n", e.getKey(), e.getValue(), e.getValue() > tolerance ? "  FAIL" : "");
            }
            context.out().printf("%s: worst %.3e, tolerance %.1e%n", pass ? "PASS" : "FAIL", report.worst(), tolerance);
        }
        if (!pass) {
            context.info("mechanist verify: differences above " + tolerance + " (see the sites marked FAIL)");
        }
        return pass ? 0 : 1;
    }
}
