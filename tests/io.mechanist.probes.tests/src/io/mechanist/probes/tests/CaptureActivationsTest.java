package io.mechanist.probes.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.probes.capture.CaptureActivations;

/** The capture seam: labels, groups, tokens and captured positions come from the store's ActivationSet. */
class CaptureActivationsTest {

    /** A capture held in arrays: value(p, layer, t, j) is label-dependent after the answer marker. */
    private static final class ArrayCapture implements ActivationSet {
        final List<PromptInfo> prompts = new ArrayList<>();
        final int d = 6;
        final int layers = 2;

        ArrayCapture(int n) {
            for (int p = 0; p < n; p++) {
                List<String> tokens = new ArrayList<>(List.of("Q", ":"));
                for (int i = 0; i < p % 5; i++) {
                    tokens.add("w" + i);
                }
                tokens.addAll(List.of("\u0120Answer", ":"));
                int[] ids = new int[tokens.size()];
                prompts.add(new PromptInfo(p, "text " + p, ids, tokens, Map.of("answer", p % 2 == 0 ? "A" : "B"),
                        "g" + p / 2 % 20 + "-" + p % 2, null));
            }
        }

        float value(int p, int layer, int t, int j) {
            int anchor = prompts.get(p).tokenCount() - 2;
            double noise = Math.sin(p * 12.9898 + t * 78.233 + j * 37.719 + layer) * 43758.5453;
            noise = noise - Math.floor(noise) - 0.5;
            double signal = layer == 1 && t >= anchor && j == 0 ? (p % 2 == 0 ? 1 : -1) : 0;
            return (float) (noise + signal);
        }

        @Override public String id() { return "capture-under-test"; }
        @Override public int promptCount() { return prompts.size(); }
        @Override public List<String> siteIds() {
            return List.of(HookSite.of(HookPoint.RESID_POST, 0).id(), HookSite.of(HookPoint.RESID_POST, 1).id());
        }
        @Override public int[] rowShape(String siteId) { return new int[] {d}; }
        @Override public int rowWidth(String siteId) { return d; }
        @Override public List<PromptInfo> prompts() { return prompts; }
        @Override public int tokenCount(int prompt) { return prompts.get(prompt).tokenCount(); }
        @Override public int[] positions(int prompt) {
            // position 1 (":") of every third prompt was not captured
            return java.util.stream.IntStream.range(0, tokenCount(prompt)).filter(t -> t != 1 || prompt % 3 != 0)
                    .toArray();
        }
        @Override public boolean hasPosition(int prompt, int position) {
            int t = position < 0 ? tokenCount(prompt) + position : position;
            return t >= 0 && t < tokenCount(prompt) && (t != 1 || prompt % 3 != 0);
        }
        @Override public void readRow(String siteId, int prompt, int position, float[] target, int offset) {
            if (!hasPosition(prompt, position)) {
                throw new IllegalArgumentException("prompt " + prompt + " position " + position + " not captured");
            }
            int layer = HookSite.parse(siteId).layer();
            for (int j = 0; j < d; j++) {
                target[offset + j] = value(prompt, layer, position, j);
            }
        }
        @Override public FloatMatrix prompt(String siteId, int prompt) {
            return promptRange(siteId, prompt, 0, tokenCount(prompt));
        }
        @Override public FloatMatrix promptRange(String siteId, int prompt, int from, int to) {
            FloatMatrix m = FloatMatrix.zeros(to - from, d);
            for (int t = from; t < to; t++) {
                readRow(siteId, prompt, t, m.data(), (t - from) * d);
            }
            return m;
        }
        @Override public List<FloatMatrix> promptLayers(HookPoint point, int fromLayer, int toLayer, int prompt) {
            List<FloatMatrix> out = new ArrayList<>();
            for (int l = fromLayer; l < toLayer; l++) {
                out.add(prompt(HookSite.of(point, l).id(), prompt));
            }
            return out;
        }
        @Override public FloatMatrix column(String siteId, int[] prompts, int[] positions) {
            FloatMatrix m = FloatMatrix.zeros(prompts.length, d);
            for (int i = 0; i < prompts.length; i++) {
                readRow(siteId, prompts[i], positions[i], m.data(), i * d);
            }
            return m;
        }
        @Override public FloatMatrix column(String siteId, int position) {
            int[] ps = java.util.stream.IntStream.range(0, promptCount()).toArray();
            int[] pos = new int[ps.length];
            java.util.Arrays.fill(pos, position);
            return column(siteId, ps, pos);
        }
        @Override public void close() {
        }
    }

    @Test
    void probesReadTheCaptureThroughTheSliceApi() {
        ArrayCapture capture = new ArrayCapture(200);
        CaptureActivations source = new CaptureActivations(capture, capture.siteIds(), "answer");
        assertEquals("blocks.1.resid_post", source.layerName(1));
        assertEquals("g0-1", source.group(1));
        AlignedProbeData data = AlignedProbeData.align(source, PositionAlignment.relativeToAnchor("Answer", 2, 1));
        assertEquals("Answer", data.positionToken(2).strip().replace("\u0120", ""));
        assertEquals(":", data.positionToken(3));
        // offset -1 of a prompt without filler words is token 1, which every third prompt did not capture
        assertFalse(data.hasPosition(0, 1));
        assertTrue(data.hasPosition(1, 1));
        ProbeResults results = ProbeAnalysis.run(data, ProbeConfig.defaults().withThreads(2));
        ProbeCell atAnswer = results.cell(ProbeMethod.MASS_MEAN, 1, 2);
        assertEquals(200, atAnswer.n());
        assertTrue(atAnswer.accuracy() > 0.95, atAnswer.toString());
        ProbeCell before = results.cell(ProbeMethod.LOGISTIC, 1, 0);
        assertTrue(before.accuracy() < 0.65, before.toString());
        assertTrue(results.cell(ProbeMethod.LOGISTIC, 0, 2).accuracy() < 0.65);
        assertTrue(results.cell(ProbeMethod.LOGISTIC, 1, 1).n() < 200);
    }

    @Test
    void missingSiteIsNamed() {
        ArrayCapture capture = new ArrayCapture(10);
        String m = assertThrows(IllegalArgumentException.class,
                () -> new CaptureActivations(capture, List.of("blocks.7.resid_post"), "answer")).getMessage();
        assertTrue(m.contains("capture-under-test") && m.contains("blocks.7.resid_post"), m);
    }
}
