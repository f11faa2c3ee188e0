package io.mechanist.store.tests;

import org.eclipse.core.runtime.IProgressMonitor;

import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisOutput;

/** Test analysis returning an output its plugin.xml does not declare. */
public final class UndeclaredOutputAnalysis implements Analysis {

    @Override
    public AnalysisOutput run(AnalysisContext context, IProgressMonitor monitor) {
        return new AnalysisOutput().table("surprise", AnalysisOutput.numbers("x", "", 1.0));
    }
}
