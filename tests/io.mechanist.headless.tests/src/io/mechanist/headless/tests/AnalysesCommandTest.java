package io.mechanist.headless.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import io.mechanist.headless.Cli;

/** {@code mechanist analyses} lists what the real extension registry holds, plug-ins included. */
class AnalysesCommandTest {

    @BeforeEach
    void extensionRegistry() throws Exception {
        CliRunner.ensureRegistry();
    }

    @Test
    void listsTheExamplePluginAndTheProbesWithTheirDeclarations() {
        CliRunner.Outcome outcome = CliRunner.run("analyses", "--json");
        assertEquals(Cli.OK, outcome.code(), outcome.err());
        Map<String, JsonObject> byId = new HashMap<>();
        for (JsonElement element : outcome.json().getAsJsonArray("analyses")) {
            byId.put(element.getAsJsonObject().get("id").getAsString(), element.getAsJsonObject());
        }
        JsonObject norms = byId.get("io.mechanist.examples.tokenstats.norms");
        assertTrue(norms != null, byId.keySet().toString());
        assertEquals("io.mechanist.examples.tokenstats", norms.get("contributor").getAsString());
        assertEquals("capture", norms.getAsJsonArray("inputs").get(0).getAsJsonObject().get("kind").getAsString());
        JsonObject maxPositions = norms.getAsJsonArray("parameters").asList().stream().map(JsonElement::getAsJsonObject)
                .filter(p -> p.get("name").getAsString().equals("maxPositions")).findFirst().orElseThrow();
        assertEquals("4096", maxPositions.get("default").getAsString());
        assertEquals("int", maxPositions.get("type").getAsString());
        assertEquals(2, norms.getAsJsonArray("outputs").size());
        JsonObject probes = byId.get("io.mechanist.probes.accuracyByPosition");
        assertTrue(probes != null, byId.keySet().toString());
        assertTrue(probes.getAsJsonArray("outputs").size() >= 3);

        CliRunner.Outcome text = CliRunner.run("analyses");
        assertEquals(Cli.OK, text.code());
        assertTrue(text.out().contains("io.mechanist.examples.tokenstats.norms")
                && text.out().contains("maxPositions") && text.out().contains("default 4096"), text.out());
        assertEquals(Cli.USAGE, CliRunner.run("analyses", "extra").code());
    }
}
