package io.mechanist.store.tests;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.OperationCanceledException;

import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisOutput;

/** Test analysis that works until its monitor is cancelled. */
public final class EndlessAnalysis implements Analysis {

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) {
        monitor.beginTask("Working", IProgressMonitor.UNKNOWN);
        while (true) {
            if (monitor.isCanceled()) {
                throw new OperationCanceledException();
            }
            monitor.worked(1);
            Thread.onSpinWait();
        }
    }
}
