package io.mechanist.store.tests;

import java.util.Map;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.FloatMatrix;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisOutput;

/** Test analysis: per prompt, the scaled sum of all captured values of one site; plus the mean last-token row. */
public final class RowSumAnalysis implements Analysis {

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) {
        ActivationSet capture = context.capture("activations");
        String site = context.parameters().getHookSite("site").id();
        double scale = context.parameters().getDouble("scale");
        SubMonitor progress = SubMonitor.convert(monitor, capture.promptCount());
        double[] sums = new double[capture.promptCount()];
        double[] prompts = new double[capture.promptCount()];
        for (int p = 0; p < capture.promptCount(); p++) {
            progress.checkCanceled();
            FloatMatrix rows = capture.prompt(site, p);
            double sum = 0;
            for (float v : rows.data()) {
                sum += v;
            }
            sums[p] = sum * scale;
            prompts[p] = p;
            progress.worked(1);
        }
        FloatMatrix last = capture.column(site, -1);
        float[] mean = new float[last.cols()];
        for (int r = 0; r < last.rows(); r++) {
            for (int c = 0; c < last.cols(); c++) {
                mean[c] += last.get(r, c) / last.rows();
            }
        }
        if (context.isBound("direction")) {
            float[] given = context.vector("direction").values();
            for (int c = 0; c < mean.length; c++) {
                mean[c] += given[c];
            }
        }
        return new AnalysisOutput()
                .table("sums", AnalysisOutput.numbers("prompt", "", prompts), AnalysisOutput.numbers("sum", "", sums))
                .vector("direction", site, "mean-last-token", mean, Map.of("position", "-1"));
    }
}
