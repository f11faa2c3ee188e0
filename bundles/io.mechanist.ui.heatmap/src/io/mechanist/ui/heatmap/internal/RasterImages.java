package io.mechanist.ui.heatmap.internal;

import java.nio.ByteBuffer;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** Converts the renderer's ARGB rasters into SWT image data without per-pixel calls into SWT. */
public final class RasterImages {

    private RasterImages() {
    }

    /**
     * A 32-bit direct-colour image whose pixels are {@code argb} ({@code [height, width]}, row-major): with SWT's
     * default most-significant-byte-first order, each int's bytes A, R, G, B land where the masks expect them.
     */
    public static ImageData toImageData(int[] argb, int width, int height) {
        ImageData data = new ImageData(width, height, 32, new PaletteData(0xFF0000, 0xFF00, 0xFF));
        if (data.bytesPerLine != width * 4) {
            throw new IllegalStateException("unexpected scanline padding " + data.bytesPerLine + " for width " + width);
        }
        ByteBuffer.wrap(data.data).asIntBuffer().put(argb, 0, width * height);
        return data;
    }
}
