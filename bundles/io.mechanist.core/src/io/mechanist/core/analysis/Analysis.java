package io.mechanist.core.analysis;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * A headless analysis. Implementations need a public no-argument constructor (they are created from the
 * extension registry); one instance serves one run.
 * <p>
 * {@link #run} must report progress on the monitor and poll {@code monitor.isCanceled()} often enough that a
 * cancel takes effect within about a second, then throw {@link org.eclipse.core.runtime.OperationCanceledException};
 * nothing is written to the store for a cancelled run.
 */
public interface Analysis {

    /**
     * Runs the analysis on the inputs and parameters of {@code context}.
     *
     * @return what the analysis produced; persisted by the caller as one analysis result
     * @throws AnalysisException for input the analysis cannot work with (message says what and where)
     * @throws org.eclipse.core.runtime.OperationCanceledException if the monitor was cancelled
     */
    AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) throws AnalysisException;
}
