package io.mechanist.ui.store;

import java.nio.file.Path;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * Creates the demo store on first launch: captures the embedded demo model on its dataset into a new store folder.
 * Registered as an OSGi service by the bundle that owns the demo model and the capture pipeline; the workbench runs
 * it in a job with progress when no store was ever opened.
 */
public interface DemoStoreBuilder {

    /**
     * Writes a complete store into {@code folder} (which does not exist yet). May take minutes; reports progress
     * to {@code monitor} and stops with an exception when it is cancelled.
     */
    void build(Path folder, IProgressMonitor monitor) throws Exception;
}
