package io.mechanist.ui.tests;

import static io.mechanist.testing.ui.Workbench.page;
import static io.mechanist.testing.ui.Workbench.ui;
import static io.mechanist.testing.ui.Workbench.waitUntil;
import static io.mechanist.testing.ui.Workbench.window;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.jface.preference.IPreferenceNode;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.testing.ui.Screenshots;
import io.mechanist.ui.about.AboutMechanistDialog;
import io.mechanist.ui.application.MechanistPerspective;
import io.mechanist.ui.models.CheckpointSummary;
import io.mechanist.ui.preferences.MechanistPreferences;

/** Drives the real workbench, as started by the product's application, under a (virtual) display. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WorkbenchTest {

    @Test
    @Order(1)
    void opensInTheMechanistPerspectiveWithItsViews() throws Exception {
        String perspective = ui(() -> page().getPerspective().getId());
        assertEquals(MechanistPerspective.ID, perspective);
        for (String id : List.of(MechanistPerspective.MODEL_LIBRARY_VIEW, MechanistPerspective.PROGRESS_VIEW,
                MechanistPerspective.ERROR_LOG_VIEW, org.eclipse.ui.IPageLayout.ID_PROP_SHEET)) {
            IViewPart view = ui(() -> {
                try {
                    return page().showView(id);
                } catch (Exception e) {
                    throw new AssertionError("cannot open view " + id, e);
                }
            });
            assertNotNull(view, id);
        }
    }

    @Test
    @Order(2)
    void modelLibraryListsCheckpointFoldersAndRefusesPickles(@TempDir Path models) throws Exception {
        Path tiny = Files.createDirectories(models.resolve("tiny-gpt2"));
        Files.writeString(tiny.resolve("config.json"), """
                {"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "n_layer": 4, "n_embd": 64,
                 "n_head": 4, "vocab_size": 96}""");
        Files.write(tiny.resolve("model.safetensors"), new byte[1234]);
        Files.writeString(tiny.resolve("tokenizer.json"), "{}");
        Path pickled = Files.createDirectories(models.resolve("pickled-llama"));
        Files.writeString(pickled.resolve("config.json"), """
                {"architectures": ["LlamaForCausalLM"], "num_hidden_layers": 2, "hidden_size": 32,
                 "num_attention_heads": 4, "vocab_size": 100}""");
        Files.write(pickled.resolve("pytorch_model.bin"), new byte[10]);

        MechanistPreferences.node().put(MechanistPreferences.MODEL_FOLDERS, models.toString());
        waitUntil(() -> ui(() -> modelLibraryTable().getItemCount()) == 2, "the model library shows both folders");
        // Read the table as a user sees it: column texts of each row.
        List<List<String>> rows = ui(() -> {
            Table table = modelLibraryTable();
            List<List<String>> texts = new java.util.ArrayList<>();
            for (TableItem item : table.getItems()) {
                List<String> cells = new java.util.ArrayList<>();
                for (int c = 0; c < table.getColumnCount(); c++) {
                    cells.add(item.getText(c));
                }
                texts.add(cells);
            }
            return texts;
        });
        List<String> gpt2 = rows.stream().filter(r -> r.get(0).equals("tiny-gpt2")).findFirst().orElseThrow();
        // The weights file is no real safetensors file, so its dtype is unknown; nothing was verified yet.
        assertEquals(List.of("tiny-gpt2", "GPT2LMHeadModel", "4", "64", "4", "96", "?", "0.0 MB",
                CheckpointSummary.READY, "not verified"),
                gpt2);
        List<String> llama = rows.stream().filter(r -> r.get(0).equals("pickled-llama")).findFirst().orElseThrow();
        assertTrue(llama.get(8).contains("refused"), llama.toString());

        Path shot = ui(() -> {
            try {
                return Screenshots.save(window().getShell(), "workbench");
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        });
        assertTrue(Files.size(shot) > 1000, "screenshot written to " + shot);
        MechanistPreferences.node().remove(MechanistPreferences.MODEL_FOLDERS);
        assertTrue(MechanistPreferences.modelFolders().get(0).toString().endsWith("mechanist-models"),
                String.join(File.pathSeparator, MechanistPreferences.modelFolders().toString()));
    }

    @Test
    @Order(3)
    void preferencesHaveAMechanistPage() throws Exception {
        IPreferenceNode node = ui(() -> PlatformUI.getWorkbench().getPreferenceManager()
                .find("io.mechanist.ui.preferences"));
        assertNotNull(node, "Window > Preferences > Mechanist");
        assertEquals("Mechanist", node.getLabelText());
    }

    @Test
    @Order(4)
    void aboutShowsMechanistAndTheRunningEngineVersions() throws Exception {
        AtomicReference<AboutMechanistDialog> dialog = new AtomicReference<>();
        ui(() -> {
            AboutMechanistDialog about = new AboutMechanistDialog(window().getShell());
            about.setBlockOnOpen(false);
            about.open();
            dialog.set(about);
            return null;
        });
        try {
            waitUntil(() -> !ui(() -> dialog.get().engineText()).equals(AboutMechanistDialog.PROBING),
                    "the engine probe finishes");
            String engine = ui(() -> dialog.get().engineText());
            assertTrue(engine.startsWith("DJL 0.35.1, PyTorch 2.7.1 engine"), engine);
            ui(() -> {
                try {
                    return Screenshots.save(dialog.get().getShell(), "about");
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
        } finally {
            ui(() -> dialog.get().close());
        }
        assertTrue(AboutMechanistDialog.mechanistVersion().startsWith("0.1.0"));
    }

    /** The table of the Model Library view, found in its widget tree (must run on the UI thread). */
    private static Table modelLibraryTable() {
        try {
            page().showView(MechanistPerspective.MODEL_LIBRARY_VIEW);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        MPart part = window().getService(EPartService.class).findPart(MechanistPerspective.MODEL_LIBRARY_VIEW);
        Table table = find(Table.class, (Control) part.getWidget());
        if (table == null) {
            throw new AssertionError("no table in the Model Library view");
        }
        return table;
    }

    private static <W extends Control> W find(Class<W> type, Control root) {
        if (type.isInstance(root)) {
            return type.cast(root);
        }
        if (root instanceof Composite composite) {
            for (Control child : composite.getChildren()) {
                W found = find(type, child);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
