package io.mechanist.ui.store;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import io.mechanist.demo.EmbeddedDemo;

/**
 * The model a view starts with before the user picks one: the product's embedded demo model. The workbench
 * application owns the demo wiring, so views ask here instead of depending on the demo bundle themselves.
 */
public final class EmbeddedModel {

    private EmbeddedModel() {
    }

    /** The embedded demo checkpoint folder, or empty when the product ships none. */
    public static Optional<Path> folder() {
        try {
            return Optional.of(EmbeddedDemo.modelFolder());
        } catch (IOException notShipped) {
            return Optional.empty();
        }
    }
}
