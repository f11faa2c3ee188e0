package io.mechanist.probes.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.probes.AlignedProbeData;
import io.mechanist.probes.OutputReadout.ReadoutResults;
import io.mechanist.probes.PositionAlignment;
import io.mechanist.probes.ProbeAnalysis;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.probes.ProbeInputException;
import io.mechanist.probes.ProbeProgress;
import io.mechanist.probes.ProbeResults;

/**
 * Probes on one capture without the analysis runner, for callers that want {@link ProbeResults} in hand (the probe
 * view's "Run probes", the headless {@code probe} verb), optionally with the model's output read-out on the same grid.
 */
public final class CaptureProbes {

    /**
     * Probe results with the output read-out.
     *
     * @param dModel      width of the probed activations
     * @param readout     the read-out on the probe grid, or null when it was not computed
     * @param readoutNote why the read-out is missing, or what it read (model folder and answer tokens)
     */
    public record Run(ProbeResults results, ReadoutResults readout, String readoutNote, int dModel) {
    }

    private CaptureProbes() {
    }

    /**
     * Probes at every layer of {@code point} (e.g. "resid_post") and every aligned position of {@code capture}.
     *
     * @throws ProbeInputException when the capture has no per-layer site of that point, or on bad labels
     */
    public static ProbeResults run(ActivationSet capture, String point, String labelKey, PositionAlignment alignment,
            ProbeConfig config, ProbeProgress progress) {
        try {
            return ProbeAnalysis.run(alignSites(capture, point, labelKey, alignment), config, progress);
        } catch (ProbeInputException e) {
            throw naming(capture, labelKey, e);
        }
    }

    /**
     * Probes as {@link #run(ActivationSet, String, String, PositionAlignment, ProbeConfig, ProbeProgress)} and the
     * output read-out of {@code readout} (null: none). A read-out whose model folder does not exist, or at a point
     * that is not the residual stream, is skipped with a note; other read-out failures are errors.
     *
     * @throws IOException naming the file when the checkpoint or its tokenizer cannot be read
     */
    public static Run run(ActivationSet capture, String point, String labelKey, PositionAlignment alignment,
            ProbeConfig config, ReadoutRequest readout, ProbeProgress progress) throws IOException {
        AlignedProbeData data;
        ProbeResults results;
        try {
            data = alignSites(capture, point, labelKey, alignment);
            results = ProbeAnalysis.run(data, config, progress);
        } catch (ProbeInputException e) {
            throw naming(capture, labelKey, e);
        }
        String skipped = readoutSkipped(point, readout);
        if (skipped != null) {
            return new Run(results, null, skipped, data.dModel());
        }
        ReadoutResults r = CaptureReadout.run(data, readout);
        return new Run(results, r, "read out through the final norm and unembedding of " + readout.modelFolder()
                + ": '" + readout.tokenA() + "' (" + readout.labelOfA() + ") vs '" + readout.tokenB() + "'", data.dModel());
    }

    /** Why the read-out cannot run, or null when it can. */
    static String readoutSkipped(String point, ReadoutRequest readout) {
        if (readout == null) {
            return "output read-out not requested";
        }
        if (!isResidual(point)) {
            return "output read-out skipped: " + point + " is not the residual stream (resid_pre, resid_mid, "
                    + "resid_post)";
        }
        if (!Files.isDirectory(readout.modelFolder())) {
            return "output read-out skipped: model folder " + readout.modelFolder() + " not found";
        }
        return null;
    }

    private static boolean isResidual(String point) {
        return point.equalsIgnoreCase(HookPoint.RESID_POST.name()) || point.equalsIgnoreCase(HookPoint.RESID_PRE.name())
                || point.equalsIgnoreCase(HookPoint.RESID_MID.name());
    }

    /**
     * The capture's activations at every layer of {@code point}, aligned.
     *
     * @throws ProbeInputException when the capture has no per-layer site of that point, or the alignment does not fit
     */
    public static AlignedProbeData align(ActivationSet capture, String point, String labelKey,
            PositionAlignment alignment) {
        try {
            return alignSites(capture, point, labelKey, alignment);
        } catch (ProbeInputException e) {
            throw naming(capture, labelKey, e);
        }
    }

    /** The same problem, with the capture and label it is about. */
    private static ProbeInputException naming(ActivationSet capture, String labelKey, ProbeInputException e) {
        ProbeInputException named = new ProbeInputException("capture " + capture.id() + ", label '" + labelKey
                + "': " + e.getMessage());
        named.initCause(e);
        return named;
    }

    private static AlignedProbeData alignSites(ActivationSet capture, String point, String labelKey,
            PositionAlignment alignment) {
        List<String> sites = new ArrayList<>();
        for (String id : capture.siteIds()) {
            HookSite site = HookSite.parse(id);
            if (site.point().perLayer() && site.point().name().equalsIgnoreCase(point)) {
                sites.add(id);
            }
        }
        if (sites.isEmpty()) {
            throw new ProbeInputException("no per-layer sites of point '" + point + "' in the capture; it has " + capture.siteIds() + " (points: " + List.of(HookPoint.values()) + ")");
        }
        sites.sort((a, b) -> HookSite.parse(a).compareTo(HookSite.parse(b)));
        return AlignedProbeData.align(new CaptureActivations(capture, sites, labelKey), alignment);
    }
}
