package io.mechanist.store;

import java.io.IOException;
import java.nio.file.Path;

/** Another process (or another store object in this one) has the store open for writing. */
public class StoreLockedException extends IOException {

    private static final long serialVersionUID = 1L;

    public StoreLockedException(Path folder) {
        super("store " + folder + " is open for writing elsewhere; open it read-only (ActivationStore.openReadOnly) "
                + "or close the other writer");
    }
}
