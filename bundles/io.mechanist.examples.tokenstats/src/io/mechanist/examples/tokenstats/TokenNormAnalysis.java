package io.mechanist.examples.tokenstats;

import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;

/**
 * Per-token activation norm statistics, written only against the public analysis API: reads one hook site of a
 * capture prompt by prompt and reports the L2 norm of every captured row, plus per-position summary statistics
 * across prompts (Welford's online mean and variance, in double precision).
 */
public final class TokenNormAnalysis implements Analysis {

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        ActivationSet capture = context.capture("activations");
        String site = context.parameters().getHookSite("site").id();
        int maxPositions = context.parameters().getInt("maxPositions");
        if (!capture.hasSite(site)) {
            throw new AnalysisException("capture " + capture.id() + " has no site " + site + "; it has " + capture.siteIds());
        }
        if (capture.promptCount() == 0) {
            throw new AnalysisException("capture " + capture.id() + " has no committed prompts");
        }
        int prompts = capture.promptCount();
        int width = capture.rowWidth(site);
        int positions = 0;
        for (int p = 0; p < prompts; p++) {
            int[] captured = capture.positions(p);
            if (captured.length > 0) {
                positions = Math.max(positions, Math.min(maxPositions, captured[captured.length - 1] + 1));
            }
        }
        float[] norms = new float[prompts * positions];
        Arrays.fill(norms, Float.NaN);
        long[] count = new long[positions];
        double[] mean = new double[positions];
        double[] m2 = new double[positions];
        double[] min = new double[positions];
        double[] max = new double[positions];
        Arrays.fill(min, Double.POSITIVE_INFINITY);
        Arrays.fill(max, Double.NEGATIVE_INFINITY);

        SubMonitor progress = SubMonitor.convert(monitor, "Measuring " + site, prompts);
        float[] row = new float[width];
        for (int p = 0; p < prompts; p++) {
            progress.checkCanceled();
            for (int position : capture.positions(p)) {
                if (position >= positions) {
                    break;
                }
                capture.readRow(site, p, position, row, 0);
                double sum = 0;
                for (float v : row) {
                    sum += (double) v * v;
                }
                double norm = Math.sqrt(sum);
                norms[p * positions + position] = (float) norm;
                count[position]++;
                double delta = norm - mean[position];
                mean[position] += delta / count[position];
                m2[position] += delta * (norm - mean[position]);
                min[position] = Math.min(min[position], norm);
                max[position] = Math.max(max[position], norm);
            }
            progress.worked(1);
        }

        double[] positionColumn = new double[positions];
        double[] n = new double[positions];
        double[] std = new double[positions];
        for (int i = 0; i < positions; i++) {
            positionColumn[i] = i;
            n[i] = count[i];
            std[i] = count[i] > 1 ? Math.sqrt(m2[i] / (count[i] - 1)) : Double.NaN;
            if (count[i] == 0) {
                mean[i] = min[i] = max[i] = Double.NaN;
            }
        }
        return new AnalysisOutput()
                .table("normByPosition",
                        AnalysisOutput.numbers("position", "token", positionColumn),
                        AnalysisOutput.numbers("prompts", "count", n),
                        AnalysisOutput.numbers("mean", "L2", mean),
                        AnalysisOutput.numbers("std", "L2", std),
                        AnalysisOutput.numbers("min", "L2", min),
                        AnalysisOutput.numbers("max", "L2", max))
                .array("norms", List.of("prompt", "position"), new int[] {prompts, positions}, norms)
                .note("site", site)
                .note("prompts", Integer.toString(prompts));
    }
}
