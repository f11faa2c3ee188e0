package io.mechanist.ui.tests;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Tree;
import org.eclipse.swt.widgets.TreeItem;

/** Finding widgets as a user sees them; UI-thread calls and waiting are in io.mechanist.testing.ui.Workbench. */
final class Ui {

    private Ui() {
    }

    /** The open shell titled {@code title}, or null. UI thread. */
    static Shell shell(String title) {
        for (Shell shell : Display.getCurrent().getShells()) {
            if (!shell.isDisposed() && shell.isVisible() && title.equals(shell.getText())) {
                return shell;
            }
        }
        return null;
    }

    /** Every control under {@code root} (itself included) that matches, depth-first. UI thread. */
    static <T extends Control> List<T> controls(Control root, Class<T> type, Predicate<T> filter) {
        List<T> found = new ArrayList<>();
        collect(root, type, filter, found);
        return found;
    }

    private static <T extends Control> void collect(Control control, Class<T> type, Predicate<T> filter,
            List<T> found) {
        if (type.isInstance(control) && filter.test(type.cast(control))) {
            found.add(type.cast(control));
        }
        if (control instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                collect(child, type, filter, found);
            }
        }
    }

    /** The one control under {@code root} of {@code type} whose widget data {@code key} is {@code value}. */
    static <T extends Control> T withData(Control root, Class<T> type, String key, String value) {
        List<T> found = controls(root, type, c -> value.equals(c.getData(key)));
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " controls with " + key + "=" + value);
        }
        return found.get(0);
    }

    /** Item texts, depth-first through expanded items; indented by two spaces per level. */
    static List<String> labels(Tree tree) {
        List<String> texts = new ArrayList<>();
        for (TreeItem item : tree.getItems()) {
            collect(item, "", texts);
        }
        return texts;
    }

    private static void collect(TreeItem item, String prefix, List<String> texts) {
        texts.add(prefix + item.getText());
        if (item.getExpanded()) {
            for (TreeItem child : item.getItems()) {
                collect(child, prefix + "  ", texts);
            }
        }
    }

    /** The item of {@code tree} (searched through every level) whose text is {@code text}, or null. */
    static TreeItem item(Tree tree, String text) {
        for (TreeItem item : tree.getItems()) {
            TreeItem found = item(item, text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static TreeItem item(TreeItem item, String text) {
        if (item.getText().equals(text)) {
            return item;
        }
        for (TreeItem child : item.getItems()) {
            TreeItem found = item(child, text);
            if (found != null) {
                return found;
            }
        }
        return null;
    }
}
