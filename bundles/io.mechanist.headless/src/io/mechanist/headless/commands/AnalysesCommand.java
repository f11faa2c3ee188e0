package io.mechanist.headless.commands;

import java.util.Set;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.InputSpec;
import io.mechanist.core.analysis.OutputSpec;
import io.mechanist.core.analysis.ParameterSpec;
import io.mechanist.headless.CliContext;
import io.mechanist.headless.Command;
import io.mechanist.headless.CommandLine;

/** {@code mechanist analyses}: the analyses installed on the extension point, built-in and third-party. */
public final class AnalysesCommand implements Command {

    @Override
    public String name() {
        return "analyses";
    }

    @Override
    public String summary() {
        return "list installed analyses (built-in and plug-ins) with inputs, parameters and outputs";
    }

    @Override
    public String usage() {
        return """
                Usage: mechanist analyses [--json]

                Lists every analysis contributed to the extension point io.mechanist.core.analyses by the installed
                bundles, including third-party plug-ins: id, name, contributing bundle, inputs (role, kind,
                required), parameters (name, type, default, required) and outputs (id, kind). Run one with
                'mechanist run <analysis-id> --store DIR --capture ID'. Contributions that are malformed are
                reported on standard error.

                Example: mechanist analyses --json""";
    }

    @Override
    public Set<String> valueOptions() {
        return Set.of();
    }

    @Override
    public int run(CommandLine line, CliContext context) throws Exception {
        line.atMostPositional(0);
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        registry.problems().forEach(problem -> context.info("warning: " + problem));
        if (context.json()) {
            JsonArray all = new JsonArray();
            registry.analyses().forEach(a -> all.add(toJson(a)));
            JsonObject result = new JsonObject();
            result.add("analyses", all);
            context.printJson(result);
            return 0;
        }
        if (registry.analyses().isEmpty()) {
            context.out().println("No analyses are installed.");
        }
        for (AnalysisDescriptor a : registry.analyses()) {
            context.out().printf("%s  %s%s%n", a.id(), a.name(), a.category().isEmpty() ? "" : "  [" + a.category() + "]");
            context.out().printf("  from bundle %s%n", a.contributor());
            if (!a.description().isEmpty()) {
                context.out().printf("  %s%n", a.description());
            }
            for (InputSpec input : a.inputs()) {
                context.out().printf("  input  %-16s %s%s  %s%n", input.role(), input.kind().xmlName(),
                        input.required() ? "" : " (optional)", input.description());
            }
            for (ParameterSpec p : a.parameters()) {
                String value = p.defaultValue() != null ? "default " + p.defaultValue() : p.required() ? "required" : "optional";
                context.out().printf("  param  %-16s %s, %s  %s%n", p.name(), p.type().xmlName(), value, p.description());
            }
            for (OutputSpec output : a.outputs()) {
                context.out().printf("  output %-16s %s  %s%n", output.id(), output.kind().xmlName(), output.name());
            }
            context.out().println();
        }
        return 0;
    }

    static JsonObject toJson(AnalysisDescriptor a) {
        JsonObject json = new JsonObject();
        json.addProperty("id", a.id());
        json.addProperty("name", a.name());
        json.addProperty("category", a.category());
        json.addProperty("contributor", a.contributor());
        json.addProperty("description", a.description());
        JsonArray inputs = new JsonArray();
        for (InputSpec input : a.inputs()) {
            JsonObject i = new JsonObject();
            i.addProperty("role", input.role());
            i.addProperty("kind", input.kind().xmlName());
            i.addProperty("required", input.required());
            i.addProperty("description", input.description());
            inputs.add(i);
        }
        json.add("inputs", inputs);
        JsonArray parameters = new JsonArray();
        for (ParameterSpec p : a.parameters()) {
            JsonObject j = new JsonObject();
            j.addProperty("name", p.name());
            j.addProperty("type", p.type().xmlName());
            j.addProperty("default", p.defaultValue());
            j.addProperty("required", p.required());
            j.addProperty("description", p.description());
            parameters.add(j);
        }
        json.add("parameters", parameters);
        JsonArray outputs = new JsonArray();
        for (OutputSpec output : a.outputs()) {
            JsonObject o = new JsonObject();
            o.addProperty("id", output.id());
            o.addProperty("kind", output.kind().xmlName());
            o.addProperty("name", output.name());
            o.addProperty("description", output.description());
            outputs.add(o);
        }
        json.add("outputs", outputs);
        return json;
    }
}
