package io.mechanist.ui.patching;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Canvas;
import org.eclipse.swt.widgets.Composite;

/**
 * The distribution of one cell's per-pair values (0 = corrupted, 1 = clean) as a histogram over [-0.5, 1.5] in
 * 20 bins; values outside are counted in the end bins.
 */
public final class PairHistogram extends Canvas {
    static final double LOW = -0.5;
    static final double HIGH = 1.5;
    static final int BINS = 20;

    private int[] counts = new int[BINS];
    private String title = "";

    public PairHistogram(Composite parent, int style) {
        super(parent, style | SWT.DOUBLE_BUFFERED);
        addPaintListener(e -> paint(e.gc, getClientArea()));
    }

    /** Shows the finite values of {@code values}; {@code what} names the cell. */
    public void setValues(float[] values, String what) {
        counts = counts(values);
        title = what;
        redraw();
    }

    /** The bin counts shown. */
    public int[] counts() {
        return counts.clone();
    }

    static int[] counts(float[] values) {
        int[] out = new int[BINS];
        for (float v : values) {
            if (Float.isFinite(v)) {
                int bin = (int) Math.floor((v - LOW) / (HIGH - LOW) * BINS);
                out[Math.max(0, Math.min(BINS - 1, bin))]++;
            }
        }
        return out;
    }

    private void paint(GC gc, Rectangle area) {
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_WHITE));
        gc.fillRectangle(area);
        gc.setForeground(getDisplay().getSystemColor(SWT.COLOR_BLACK));
        gc.drawText(title, area.x + 8, area.y + 4, true);
        int max = java.util.Arrays.stream(counts).max().orElse(0);
        if (max == 0) {
            return;
        }
        Rectangle plot = new Rectangle(area.x + 40, area.y + 26, Math.max(1, area.width - 56),
                Math.max(1, area.height - 52));
        gc.setBackground(getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
        for (int b = 0; b < BINS; b++) {
            int x0 = plot.x + b * plot.width / BINS;
            int x1 = plot.x + (b + 1) * plot.width / BINS;
            int h = counts[b] * plot.height / max;
            gc.fillRectangle(x0 + 1, plot.y + plot.height - h, x1 - x0 - 2, h);
        }
        gc.drawLine(plot.x, plot.y + plot.height, plot.x + plot.width, plot.y + plot.height);
        for (double tick : new double[] {-0.5, 0, 0.5, 1, 1.5}) {
            int x = plot.x + (int) Math.round((tick - LOW) / (HIGH - LOW) * plot.width);
            String label = tick == 0 ? "0 corrupted" : tick == 1 ? "1 clean" : Double.toString(tick);
            gc.drawText(label, x - gc.textExtent(label).x / 2, plot.y + plot.height + 4, true);
        }
        gc.drawText(Integer.toString(max), area.x + 8, plot.y, true);
        gc.drawText("pairs", area.x + 4, plot.y + 16, true);
    }
}
