package io.mechanist.ui.probes.tests;

import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.Test;

import io.mechanist.probes.IntervalMethod;
import io.mechanist.probes.ProbeConfig;
import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.probes.internal.RunProbesDialog;

/**
 * The Run Probes dialog offers the statistics of the {@code probe} verb (folds, fold repeats, interval method,
 * control permutations), starts at the same defaults, and hands what the user chose to the probe run.
 */
class RunProbesDialogTest {

    @Test
    void statisticsStartAtTheDefaultsAndReachTheConfig() throws Exception {
        AtomicReference<RunProbesDialog> dialog = new AtomicReference<>();
        ui(() -> {
            RunProbesDialog d = new RunProbesDialog(window().getShell(), null, "demo-test");
            d.setBlockOnOpen(false);
            d.open();
            dialog.set(d);
            return null;
        });
        try {
            ProbeConfig defaults = ProbeConfig.defaults();
            // spinners in form order: positions, folds, fold repeats, control permutations; combos: alignment, interval
            List<Integer> spinners = ui(() -> all(dialog.get().getShell(), Spinner.class).stream()
                    .map(Spinner::getSelection).toList());
            assertEquals(List.of(32, defaults.folds(), defaults.foldRepeats(), defaults.controlPermutations()),
                    spinners);
            assertEquals(defaults.interval().id(), ui(() -> all(dialog.get().getShell(), Combo.class).get(1)
                    .getText()));
            Screenshots.painted(ui(() -> dialog.get().getShell()), "run-probes-dialog");

            ui(() -> {
                List<Spinner> s = all(dialog.get().getShell(), Spinner.class);
                s.get(1).setSelection(4);
                s.get(2).setSelection(2);
                s.get(3).setSelection(7);
                Combo interval = all(dialog.get().getShell(), Combo.class).get(1);
                interval.select(interval.indexOf(IntervalMethod.BOOTSTRAP_GROUPS.id()));
                Button ok = all(dialog.get().getShell(), Button.class).stream()
                        .filter(b -> b.getText().replace("&", "").equals("OK")).findFirst().orElseThrow();
                ok.notifyListeners(SWT.Selection, null);
                return null;
            });
            ProbeConfig chosen = dialog.get().config();
            assertNotNull(chosen, "OK hands over the settings");
            assertEquals(4, chosen.folds());
            assertEquals(2, chosen.foldRepeats());
            assertEquals(7, chosen.controlPermutations());
            assertEquals(IntervalMethod.BOOTSTRAP_GROUPS, chosen.interval());
            assertEquals(defaults.bootstrapResamples(), chosen.bootstrapResamples());
            assertEquals(defaults.l2(), chosen.l2());
        } finally {
            ui(() -> dialog.get().close());
        }
    }

    /** Every control of {@code type} under {@code root}, in widget-tree order (must run on the UI thread). */
    private static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }

    @Test
    void theAnchorStartsAtTheDataAnswerMarkerWhenGiven() throws Exception {
        for (String marker : new String[] {":", null}) {
            List<String> texts = ui(() -> {
                RunProbesDialog d = new RunProbesDialog(window().getShell(), null, "demo-test", marker);
                d.setBlockOnOpen(false);
                d.open();
                try {
                    return all(d.getShell(), org.eclipse.swt.widgets.Text.class).stream()
                            .map(org.eclipse.swt.widgets.Text::getText).toList();
                } finally {
                    d.close();
                }
            });
            String expected = marker == null ? RunProbesDialog.DEFAULT_ANCHOR : marker;
            assertTrue(texts.contains(expected), "anchor " + expected + " among " + texts);
        }
    }
}
