package @@PACKAGE@@;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;

/**
 * Root mean square of one hook site's activation at each token position, averaged over prompts. Declared in
 * plugin.xml; Mechanist validates the parameters, binds the capture, runs this with a progress monitor and stores
 * the returned table as an analysis result.
 */
public final class RmsByPositionAnalysis implements Analysis {

    /** The id under which plugin.xml declares this analysis. */
    public static final String ID = "@@ID@@.rmsByPosition";

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException {
        ActivationSet capture = context.capture("activations");
        String site = context.parameters().getHookSite("site").id();
        int maxPositions = context.parameters().getInt("maxPositions");
        if (!capture.hasSite(site)) {
            throw new AnalysisException("capture " + capture.id() + " has no site " + site + "; it has " + capture.siteIds());
        }
        int prompts = capture.promptCount();
        int width = capture.rowWidth(site);
        double[] sum = new double[maxPositions];
        int[] count = new int[maxPositions];
        int positions = 0;

        SubMonitor progress = SubMonitor.convert(monitor, "RMS of " + site, prompts);
        float[] row = new float[width];
        for (int p = 0; p < prompts; p++) {
            progress.checkCanceled(); // cancellation: throws OperationCanceledException, nothing is stored
            for (int position : capture.positions(p)) {
                if (position >= maxPositions) {
                    break;
                }
                capture.readRow(site, p, position, row, 0);
                double squares = 0;
                for (float v : row) {
                    squares += (double) v * v;
                }
                sum[position] += Math.sqrt(squares / width);
                count[position]++;
                positions = Math.max(positions, position + 1);
            }
            progress.worked(1);
        }

        double[] position = new double[positions];
        double[] n = new double[positions];
        double[] mean = new double[positions];
        for (int i = 0; i < positions; i++) {
            position[i] = i;
            n[i] = count[i];
            mean[i] = count[i] == 0 ? Double.NaN : sum[i] / count[i];
        }
        return new AnalysisOutput()
                .table("rmsByPosition",
                        AnalysisOutput.numbers("position", "token", position),
                        AnalysisOutput.numbers("prompts", "count", n),
                        AnalysisOutput.numbers("meanRms", "", mean))
                .note("site", site);
    }
}
