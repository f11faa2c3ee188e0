package io.mechanist.ui.store;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.OperationCanceledException;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.SubMonitor;
import org.eclipse.core.runtime.jobs.ISchedulingRule;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.ui.progress.IProgressConstants;

import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.store.ActivationStore;
import io.mechanist.store.AnalysisRunner;
import io.mechanist.store.StoreLockedException;

/**
 * Runs one contributed analysis into a store from the workbench, as the headless {@code run} verb does: through
 * {@link AnalysisRunner} on a writable handle that is held only for the run. The navigator's read-only handle is
 * refreshed afterwards so the new result shows (a store not open in the navigator is opened there: results of runs
 * started from views are listed like any other). Runs on the same store queue behind each other (one
 * {@link #writeRule scheduling rule} per store); a store held for writing by another program fails at once with a
 * message instead of waiting.
 */
public final class AnalysisJob extends Job {

    /** The job family of every analysis run ({@code Job.getJobManager().find(FAMILY)}). */
    public static final Object FAMILY = AnalysisJob.class;

    private final Path storeFolder;
    private final AnalysisDescriptor descriptor;
    private final AnalysisRequest request;
    private final AnalysisRegistry registry;
    /** The analysis to run; null: the registry creates it from the descriptor. */
    private final Analysis analysis;
    private volatile String resultId;
    private volatile long millis;

    public AnalysisJob(Path storeFolder, AnalysisDescriptor descriptor, AnalysisRequest request,
            AnalysisRegistry registry) {
        this(storeFolder, descriptor, null, request, registry);
    }

    /**
     * A run of a given instance of the analysis {@code descriptor} describes: for a view that runs an analysis with
     * settings of its own (the causal test of a probe is a steering sweep along one direction) and stores the result
     * as every run of that analysis is stored.
     */
    public AnalysisJob(Path storeFolder, AnalysisDescriptor descriptor, Analysis analysis, AnalysisRequest request,
            AnalysisRegistry registry) {
        super(descriptor.name() + " on " + storeFolder.getFileName());
        this.storeFolder = storeFolder.toAbsolutePath().normalize();
        this.descriptor = descriptor;
        this.analysis = analysis;
        this.request = request;
        this.registry = registry;
        setRule(writeRule(this.storeFolder));
        // Failures are reported by whoever scheduled the run (with the analysis and store named); the workbench
        // only logs them.
        setProperty(IProgressConstants.NO_IMMEDIATE_ERROR_PROMPT_PROPERTY, Boolean.TRUE);
    }

    /** The rule every job that writes to the store in {@code folder} holds: such jobs run one at a time. */
    public static ISchedulingRule writeRule(Path folder) {
        return new StoreWriteRule(folder.toAbsolutePath().normalize());
    }

    public Path storeFolder() {
        return storeFolder;
    }

    public AnalysisDescriptor descriptor() {
        return descriptor;
    }

    public AnalysisRequest request() {
        return request;
    }

    /** The new result's id once the job finished successfully, else null. */
    public String resultId() {
        return resultId;
    }

    /** How long the run took (analysis and commit, without the refresh), in milliseconds. */
    public long millis() {
        return millis;
    }

    @Override
    public boolean belongsTo(Object family) {
        return family == FAMILY;
    }

    @Override
    protected IStatus run(IProgressMonitor monitor) {
        SubMonitor progress = SubMonitor.convert(monitor, getName(), 100);
        long started = System.nanoTime();
        try (ActivationStore writable = ActivationStore.open(storeFolder)) {
            AnalysisRunner runner = new AnalysisRunner(writable, registry);
            resultId = analysis == null ? runner.run(request, progress.split(95))
                    : runner.run(descriptor, analysis, request, progress.split(95));
        } catch (OperationCanceledException e) {
            return Status.CANCEL_STATUS;
        } catch (StoreLockedException e) {
            return failure("the store is open for writing elsewhere (a capture, the command line or another "
                    + "analysis); run the analysis again when that has finished", e);
        } catch (AnalysisException e) {
            return failure(e.getMessage(), e);
        } catch (Exception e) {
            return failure(e.getMessage() != null ? e.getMessage() : e.toString(), e);
        } finally {
            millis = (System.nanoTime() - started) / 1_000_000;
        }
        progress.setTaskName("Refreshing " + storeFolder.getFileName());
        if (OpenStores.instance().store(storeFolder) == null) {
            // A run started from a view on a store the navigator does not show: list it there with its results.
            OpenStores.instance().open(storeFolder);
        } else {
            OpenStores.instance().refresh(storeFolder);
        }
        return Status.OK_STATUS;
    }

    private IStatus failure(String why, Throwable cause) {
        return Status.error(describe() + " failed: " + why, cause);
    }

    /** "Analysis 'name' (id) on store folder". */
    public String describe() {
        return "Analysis '" + descriptor.name() + "' (" + descriptor.id() + ") on store " + storeFolder;
    }

    /** Conflicts with the same rule of the same store folder. */
    private record StoreWriteRule(Path folder) implements ISchedulingRule {
        @Override
        public boolean contains(ISchedulingRule rule) {
            return isConflicting(rule);
        }

        @Override
        public boolean isConflicting(ISchedulingRule rule) {
            return rule instanceof StoreWriteRule other && other.folder.equals(folder);
        }
    }
}
