package io.mechanist.ui.steering.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.hooks.HookSite;
import io.mechanist.steering.ProbeCausalSweep;
import io.mechanist.steering.RandomNull;
import io.mechanist.steering.analysis.SweepAnalysis;
import io.mechanist.store.ActivationStore;

/**
 * The causal test of a probe ({@link ProbeCausalSweep}) as a run of the steering sweep analysis, so that the store
 * keeps it as a result of {@value SweepAnalysis#ID} (listed in the Store Navigator, reopened in the Steering view):
 * the sweep along the probe's direction at its layer with {@code target=probe}, the random control and the random
 * null. The request's parameters say what ran; the probe's own settings are notes ({@code vector.*}).
 */
public final class ProbeCausalRun implements Analysis {

    private final Path storeFolder;
    private final ProbeCausalSweep.Request request;
    private final String positionLabel;
    private volatile ProbeCausalSweep.Outcome outcome;

    /** @param positionLabel the probe's aligned position, for the record (may be null) */
    public ProbeCausalRun(Path storeFolder, ProbeCausalSweep.Request request, String positionLabel) {
        this.storeFolder = storeFolder;
        this.request = request;
        this.positionLabel = positionLabel;
    }

    /** The analysis request this run is stored under: the held-out capture and the sweep's parameters. */
    public AnalysisRequest analysisRequest() {
        HookSite site = HookSite.parse(request.siteId());
        Map<String, String> p = new LinkedHashMap<>();
        p.put("layers", Integer.toString(site.layer()));
        p.put("point", site.point().idName());
        p.put("multipliers", Arrays.stream(request.multipliers())
                .mapToObj(m -> BigDecimal.valueOf(m).stripTrailingZeros().toPlainString())
                .collect(Collectors.joining(",")));
        p.put("steerPositions", "all");
        p.put("target", "probe");
        p.put("label", request.labelKey());
        p.put("answerA", request.positiveLabel());
        p.put("answerB", request.negativeLabel());
        p.put("tokenA", "\\s" + request.positiveLabel());
        p.put("tokenB", "\\s" + request.negativeLabel());
        p.put("heldOut", "unpaired");
        p.put("control", "true");
        p.put("controlSeed", "1234");
        p.put("nullDirections", Integer.toString(RandomNull.DEFAULT_DIRECTIONS));
        p.put("batchSize", "16");
        return new AnalysisRequest(SweepAnalysis.ID, p, Map.of("heldOut", request.captureId()));
    }

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        SubMonitor progress = SubMonitor.convert(monitor, "Steering along the probe", 1000);
        int[] reported = { 0 };
        try (ActivationStore store = ActivationStore.openReadOnly(storeFolder)) {
            outcome = ProbeCausalSweep.run(store, request, (done, total) -> {
                int now = 1000 * done / total;
                progress.worked(now - reported[0]);
                progress.subTask(done + " of " + total + " forward passes");
                reported[0] = now;
            }, progress::isCanceled);
        } catch (CancellationException e) {
            throw new OperationCanceledException(e.getMessage());
        } catch (IOException | IllegalArgumentException e) {
            throw new AnalysisException(e.getMessage(), e);
        }
        AnalysisOutput out = SweepAnalysis.output(outcome);
        out.note("vector.method", request.method());
        if (positionLabel != null) {
            out.note("vector.position", positionLabel);
        }
        return out;
    }

    /** What the run found, once it ran; else null. */
    public ProbeCausalSweep.Outcome outcome() {
        return outcome;
    }
}
