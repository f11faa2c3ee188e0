package io.mechanist.dropins.internal;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.osgi.framework.log.FrameworkLog;
import org.eclipse.osgi.framework.log.FrameworkLogEntry;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

import io.mechanist.dropins.DropinStatus;
import io.mechanist.dropins.Dropins;
import io.mechanist.dropins.DropinsInstaller;

/**
 * Installs the dropins when Mechanist starts. The product starts this bundle at a start level below the default
 * one, so the dropins are resolved (and their extensions in the registry) before any application runs.
 */
public final class Activator implements BundleActivator {

    @Override
    public void start(BundleContext context) {
        Path folder;
        List<DropinStatus> report;
        try {
            folder = Dropins.folder();
            report = new DropinsInstaller(context, folder).synchronize();
        } catch (Exception e) {
            // The product must start without its plug-ins rather than not at all.
            log(context, "mechanist: the dropins could not be installed: " + e.getMessage());
            return;
        }
        for (DropinStatus status : report) {
            if (!status.running()) {
                log(context, "mechanist: plug-in " + status.describe() + " [" + folder + "]");
            }
        }
    }

    @Override
    public void stop(BundleContext context) {
        // Dropins stay installed; the next start synchronizes again.
    }

    private static void log(BundleContext context, String message) {
        System.err.println(message);
        ServiceReference<FrameworkLog> reference = context.getServiceReference(FrameworkLog.class);
        FrameworkLog log = reference == null ? null : context.getService(reference);
        if (log != null) {
            log.log(new FrameworkLogEntry("io.mechanist.dropins", FrameworkLogEntry.WARNING, 0, message, 0, null, null));
            context.ungetService(reference);
        }
    }
}
