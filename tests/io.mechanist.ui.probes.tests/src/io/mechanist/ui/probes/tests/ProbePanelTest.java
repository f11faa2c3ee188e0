package io.mechanist.ui.probes.tests;

import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;

import io.mechanist.probes.ProbeCell;
import io.mechanist.probes.ProbeMethod;
import io.mechanist.probes.ProbeResults;
import io.mechanist.ui.probes.internal.ProbePanel;

/**
 * The probe chart says which interval its band is (the reported split's) and gives the range over all fold splits
 * beside it, in the legend and in the tooltip at a position.
 */
class ProbePanelTest {

    @Test
    void bandIsOneSplitsIntervalAndTheTooltipGivesTheSplitRange() {
        ProbeResults results = PlantedProbes.run(200, 5);
        ProbeCell cell = results.cell(ProbeMethod.LOGISTIC, 3, 10);
        String tip = ui(() -> {
            Shell shell = new Shell(window().getShell());
            shell.setLayout(new FillLayout());
            shell.setSize(900, 600);
            try {
                ProbePanel panel = new ProbePanel(shell);
                panel.show("planted", results, null, ProbeMethod.LOGISTIC, new int[] {3});
                shell.open();
                shell.layout(true, true);
                assertEquals("L3 logistic (95% CI of one split)", panel.chart().legendEntries().get(0));
                Event move = new Event();
                move.x = panel.chart().pixelOf(10);
                move.y = 20;
                panel.chart().plotControl().notifyListeners(SWT.MouseMove, move);
                assertEquals(panel.tooltipAt(10), panel.chart().plotControl().getToolTipText());
                assertEquals("", panel.tooltipAt(-1));
                return panel.tooltipAt(10);
            } finally {
                shell.dispose();
            }
        });
        assertTrue(tip.startsWith(" Answer\n"), tip);
        assertTrue(tip.contains(String.format(Locale.ROOT, "L3 logistic: %.1f%% [%.1f, %.1f] (band: 95%% CI of the "
                + "reported split), range over 3 fold splits %.1f-%.1f%%, n = 200", 100 * cell.accuracy(),
                100 * cell.interval().low(), 100 * cell.interval().high(), 100 * cell.splitLow(),
                100 * cell.splitHigh())), tip);
        assertTrue(tip.contains(String.format(Locale.ROOT, "control %.1f%%", 100 * cell.controlAccuracy())), tip);
    }
}
