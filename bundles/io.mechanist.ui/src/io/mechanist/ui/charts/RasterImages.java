package io.mechanist.ui.charts;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.PaletteData;

/** Converts the renderer's ARGB rasters into SWT image data without per-pixel calls into SWT. */
public final class RasterImages {

    private RasterImages() {
    }

    /**
     * A 32-bit direct-colour image whose pixels are {@code argb} ({@code [height, width]}, row-major). The ints are
     * stored little-endian (bytes B, G, R, A), the memory layout of cairo's ARGB32 surfaces on x86 and ARM, with the
     * masks that describe that layout in SWT's most-significant-byte-first terms; a matching layout lets SWT copy
     * instead of converting pixel by pixel.
     */
    public static ImageData toImageData(int[] argb, int width, int height) {
        ImageData data = new ImageData(width, height, 32, new PaletteData(0xFF00, 0xFF0000, 0xFF000000));
        if (data.bytesPerLine != width * 4) {
            throw new IllegalStateException("unexpected scanline padding " + data.bytesPerLine + " for width " + width);
        }
        ByteBuffer.wrap(data.data).order(ByteOrder.LITTLE_ENDIAN).asIntBuffer().put(argb, 0, width * height);
        return data;
    }
}
