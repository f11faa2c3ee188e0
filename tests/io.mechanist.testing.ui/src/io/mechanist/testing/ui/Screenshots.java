package io.mechanist.testing.ui;

import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves what a user sees of a shell as a PNG, under -Dmechanist.screenshots (each UI test bundle's pom points it at
 * that bundle's target/screenshots), else under target/screenshots of the working directory.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path folder() throws Exception {
        Path folder = Path.of(System.getProperty("mechanist.screenshots", "target/screenshots"));
        Files.createDirectories(folder);
        return folder;
    }

    /**
     * From a test thread: lets the UI thread paint everything pending (its queue runs dry first, no fixed wait), then
     * saves {@code shell} as {@link #save} does and checks that the picture holds something.
     */
    public static Path painted(Shell shell, String name) throws Exception {
        Path file = Workbench.ui(() -> {
            shell.update();
            while (shell.getDisplay().readAndDispatch()) {
                // drain pending events and paints
            }
            try {
                return save(shell, name);
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        if (Files.size(file) <= 1000) {
            throw new AssertionError("the screenshot " + file + " is empty");
        }
        return file;
    }

    /** Must run on the UI thread. Copies the screen area of {@code shell}, so overlapping dialogs show too. */
    public static Path save(Shell shell, String name) throws Exception {
        Rectangle bounds = shell.getBounds();
        Image image = new Image(shell.getDisplay(), bounds.width, bounds.height);
        GC gc = new GC(shell.getDisplay());
        try {
            gc.copyArea(image, bounds.x, bounds.y);
        } finally {
            gc.dispose();
        }
        try {
            ImageLoader loader = new ImageLoader();
            loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
            Path file = folder().resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }
}
