package io.mechanist.probes.capture;

import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeInputException;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;

/**
 * Probes on one capture without the analysis runner, for callers that want {@link ProbeResults} in hand (the probe
 * view's "Run probes", the headless {@code probe} verb).
 */
public final class CaptureProbes {

    private CaptureProbes() {
    }

    /**
     * Probes at every layer of {@code point} (e.g. "resid_post") and every aligned position of {@code capture}.
     *
     * @throws ProbeInputException when the capture has no per-layer site of that point, or on bad labels
     */
    public static ProbeResults run(ActivationSet capture, String point, String labelKey, PositionAlignment alignment,
            ProbeConfig config, ProbeProgress progress) {
        List<String> sites = new ArrayList<>();
        for (String id : capture.siteIds()) {
            HookSite site = HookSite.parse(id);
            if (site.point().perLayer() && site.point().name().equalsIgnoreCase(point)) {
                sites.add(id);
            }
        }
        if (sites.isEmpty()) {
            throw new ProbeInputException("no per-layer sites of point '" + point + "' in capture " + capture.id()
                    + "; it has " + capture.siteIds() + " (points: " + List.of(HookPoint.values()) + ")");
        }
        sites.sort((a, b) -> HookSite.parse(a).compareTo(HookSite.parse(b)));
        AlignedProbeData data = AlignedProbeData.align(new CaptureActivations(capture, sites, labelKey), alignment);
        return ProbeAnalysis.run(data, config, progress);
    }
}
