package io.mechanist.heatmap.analysis;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.hooks.HookPoint;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.heatmap.ActivationSetSource;
import io.mechanist.heatmap.HeatmapData;
import io.mechanist.heatmap.HeatmapRequest;
import io.mechanist.heatmap.HeatmapRequests;

/**
 * The residual stream of one prompt by layer and position, as an analysis result: the L2 norm of each
 * {@code [d_model]} row at one point of every layer (e.g. {@code resid_post}), or its scalar projection / cosine onto
 * a stored vector (a probe direction, a steering vector). The same numbers the heatmap view computes for a picked
 * prompt, kept in the store with their provenance.
 * <p>
 * Inputs: {@link #CAPTURE_INPUT} (a capture of every position of the prompt at the point of every layer) and the
 * optional {@link #VECTOR_INPUT} ({@code [d_model]}, needed for projection and cosine). Parameters {@code prompt},
 * {@code measure} ({@code norm | projection | cosine}), {@code point} ({@code resid_post} by default).
 * Outputs: array {@link #VALUES_OUTPUT} {@code [layer, position]} and table {@link #TOKENS_OUTPUT} (position, token).
 */
public final class LayerPositionAnalysis implements Analysis {

    public static final String ID = "io.mechanist.heatmap.layerPosition";
    public static final String CAPTURE_INPUT = "capture";
    public static final String VECTOR_INPUT = "vector";
    public static final String VALUES_OUTPUT = "values";
    public static final String TOKENS_OUTPUT = "tokens";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "Residual stream by layer and position", 2);
        ActivationSet capture = context.capture(CAPTURE_INPUT);
        int prompt = context.parameters().getInt("prompt");
        HeatmapRequest.Measure measure = measure(context.parameters().getString("measure"));
        HookPoint point = point(context.parameters().getString("point"));
        StoredVectorData vector = null;
        if (measure != HeatmapRequest.Measure.NORM) {
            if (!context.isBound(VECTOR_INPUT)) {
                throw new AnalysisException("measure '" + name(measure) + "' needs a vector input ('" + VECTOR_INPUT
                        + "'): the direction to project onto");
            }
            vector = context.vector(VECTOR_INPUT);
        }
        HeatmapData data;
        try {
            ActivationSetSource source = new ActivationSetSource(capture, prompt,
                    vector == null ? List.of() : List.of(vector));
            progress.worked(1);
            data = HeatmapRequests.build(source, new HeatmapRequest.LayerByPosition(point, measure,
                    vector == null ? null : vector.name()), progress::isCanceled);
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IllegalArgumentException | IOException e) {
            throw new AnalysisException("Cannot measure prompt " + prompt + " of capture " + capture.id() + ": "
                    + e.getMessage(), e);
        }
        progress.worked(1);
        double[] positions = new double[data.columns()];
        for (int c = 0; c < positions.length; c++) {
            positions[c] = data.columnPosition(c);
        }
        return new AnalysisOutput()
                .array(VALUES_OUTPUT, List.of("layer", "position"), new int[] { data.rows(), data.columns() },
                        data.valuesView())
                .table(TOKENS_OUTPUT, AnalysisOutput.numbers("position", "", positions),
                        AnalysisOutput.texts("token", data.columnLabels().toArray(String[]::new)))
                .note("units", data.units())
                .note("kind", data.kind().name().toLowerCase(Locale.ROOT))
                .note("title", data.title())
                .note("subject", data.subject());
    }

    private static HeatmapRequest.Measure measure(String text) throws AnalysisException {
        for (HeatmapRequest.Measure m : HeatmapRequest.Measure.values()) {
            if (name(m).equals(text.trim().toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new AnalysisException("measure '" + text + "' is not one of norm, projection, cosine");
    }

    static String name(HeatmapRequest.Measure measure) {
        return measure.name().toLowerCase(Locale.ROOT);
    }

    private static HookPoint point(String text) throws AnalysisException {
        HookPoint point;
        try {
            point = HookSite.parse("blocks.0." + text.trim()).point();
        } catch (IllegalArgumentException e) {
            throw new AnalysisException("point '" + text + "' is not a per-layer hook point such as resid_post, "
                    + "resid_pre, resid_mid, attn_out or mlp_out", e);
        }
        if (point == HookPoint.ATTN_PATTERN) {
            throw new AnalysisException("point '" + text + "' is an attention pattern; the map needs a [pos, d_model]"
                    + " point such as resid_post");
        }
        return point;
    }
}
