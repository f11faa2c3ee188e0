package io.mechanist.ui.store;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.viewers.DoubleClickEvent;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.SelectionChangedEvent;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.ISharedImages;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PartInitException;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.part.ViewPart;

import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.ViewBinding;

/**
 * The open activation stores as a tree: models, datasets and their prompts, captures (status, sites, dtype) and the
 * prompts they hold, vectors and analysis results; the Properties view shows a node's details and provenance.
 * Selecting a prompt under a capture shows it in the heatmap view ({@link StorePromptSelection}); opening an
 * analysis result shows the view bound to its analysis ({@link StoreResultSelection}). Stores are read-only here and
 * every read runs in a job.
 * <p>
 * A 3.x view (like the Project Explorer) rather than an e4 POJO: its site's selection provider is what the
 * Properties view and other selection listeners track.
 */
public class StoreNavigator extends ViewPart {

    public static final String ID = "io.mechanist.ui.store.StoreNavigator";
    /** The view a selected prompt is shown in (contributed by another bundle; shown only if installed). */
    static final String HEATMAP_VIEW = "io.mechanist.ui.heatmap.HeatmapView";
    /** What the summary line says when no store is open. */
    public static final String NO_STORES = "No store open. Use \"Open Store...\" to browse an activation store.";

    private TreeViewer viewer;
    private Label summary;
    private final Consumer<List<StoreElement>> storesListener = this::storesChanged;

    @Override
    public void createPartControl(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        summary = new Label(parent, SWT.NONE);
        summary.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button open = new Button(parent, SWT.PUSH);
        open.setText("Open Store...");
        open.addListener(SWT.Selection, e -> chooseStore());
        Button refresh = new Button(parent, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> OpenStores.instance().refreshNow());

        viewer = new TreeViewer(parent, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1));
        viewer.setContentProvider(new ContentProvider());
        viewer.setLabelProvider(new Labels());
        viewer.setUseHashlookup(true);
        viewer.addSelectionChangedListener(this::selectionChanged);
        viewer.addDoubleClickListener(this::doubleClicked);
        createContextMenu();
        getSite().setSelectionProvider(viewer);

        OpenStores stores = OpenStores.instance();
        stores.addListener(storesListener);
        show(stores.trees());
        stores.restore();
        FirstLaunch.start(this);
    }

    private void createContextMenu() {
        MenuManager menu = new MenuManager();
        menu.setRemoveAllWhenShown(true);
        menu.addMenuListener(manager -> {
            StoreElement element = selected();
            if (element != null) {
                manager.add(new org.eclipse.jface.action.Action("Close Store") {
                    @Override
                    public void run() {
                        OpenStores.instance().close(element.storeFolder());
                    }
                });
            }
        });
        viewer.getTree().setMenu(menu.createContextMenu(viewer.getTree()));
    }

    private void chooseStore() {
        DirectoryDialog dialog = new DirectoryDialog(viewer.getTree().getShell());
        dialog.setText("Open Store");
        dialog.setMessage("Choose an activation store folder (it holds store.xmi).");
        String folder = dialog.open();
        if (folder != null) {
            OpenStores.instance().open(Path.of(folder));
        }
    }

    /** Opens {@code folder} (in a job); the tree shows it once it is read. */
    public void openStore(Path folder) {
        OpenStores.instance().open(folder);
    }

    private void storesChanged(List<StoreElement> trees) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        viewer.getControl().getDisplay().asyncExec(() -> {
            if (!viewer.getControl().isDisposed()) {
                show(trees);
            }
        });
    }

    private void show(List<StoreElement> trees) {
        Object[] expanded = viewer.getExpandedElements();
        viewer.setInput(trees);
        viewer.setExpandedElements(expanded);
        if (trees.isEmpty()) {
            summary.setText(NO_STORES);
        } else {
            for (StoreElement tree : trees) {
                viewer.setExpandedState(tree, true);
            }
            summary.setText(trees.size() == 1 ? "1 store open" : trees.size() + " stores open");
        }
        summary.getParent().layout();
    }

    /**
     * Selects the first prompt of the store's first complete capture (which shows it in the heatmap view). Must
     * run on the UI thread; returns whether there was one.
     */
    public boolean revealFirstPrompt(Path storeFolder) {
        for (Object input : (List<?>) viewer.getInput()) {
            StoreElement tree = (StoreElement) input;
            if (!tree.storeFolder().equals(storeFolder.toAbsolutePath().normalize())) {
                continue;
            }
            StoreElement captures = tree.child(StoreSnapshot.CAPTURES);
            for (StoreElement capture : captures == null ? List.<StoreElement>of() : captures.children()) {
                if ("complete".equals(capture.property("Capture", "Status")) && !capture.children().isEmpty()) {
                    viewer.setSelection(new StructuredSelection(capture.children().get(0)), true);
                    return true;
                }
            }
        }
        return false;
    }

    private StoreElement selected() {
        return ((IStructuredSelection) viewer.getSelection()).getFirstElement() instanceof StoreElement e ? e : null;
    }

    private void selectionChanged(SelectionChangedEvent event) {
        IStructuredSelection selection = (IStructuredSelection) event.getSelection();
        if (selection.getFirstElement() instanceof StoreElement element && element.kind() == StoreElement.Kind.PROMPT
                && element.capture() != null) {
            StorePromptSelection prompt = new StorePromptSelection(element.storeFolder(), element.capture().id(),
                    element.promptIndex(), element.label());
            showView(HEATMAP_VIEW);
            IEventBroker eventBroker = getSite().getService(IEventBroker.class);
            if (eventBroker != null) {
                eventBroker.post(StorePromptSelection.TOPIC, prompt);
            }
        }
    }

    private void doubleClicked(DoubleClickEvent event) {
        StoreElement element = ((IStructuredSelection) event.getSelection()).getFirstElement() instanceof StoreElement e
                ? e : null;
        if (element == null) {
            return;
        }
        if (element.kind() != StoreElement.Kind.RESULT) {
            viewer.setExpandedState(element, !viewer.getExpandedState(element));
            return;
        }
        String analysisId = element.property("Result", "Analysis");
        List<ViewBinding> bindings = AnalysisRegistry.fromPlatform().viewsFor(analysisId);
        if (bindings.isEmpty()) {
            MessageDialog.openInformation(viewer.getTree().getShell(), "No view for this result",
                    "No installed view shows results of analysis '" + analysisId + "'. Its numbers are in the store "
                            + "(see the Properties view), and the headless CLI can export them.");
            return;
        }
        ViewBinding binding = bindings.get(0);
        IEventBroker eventBroker = getSite().getService(IEventBroker.class);
        if (showView(binding.viewId()) && eventBroker != null) {
            eventBroker.post(StoreResultSelection.TOPIC, new StoreResultSelection(element.storeFolder(),
                    element.id(), analysisId, binding.outputId()));
        }
    }

    /** Shows (creating if needed) a view without taking the focus from the navigator. */
    private static boolean showView(String viewId) {
        IWorkbenchWindow window = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (window == null || window.getActivePage() == null
                || PlatformUI.getWorkbench().getViewRegistry().find(viewId) == null) {
            return false;
        }
        try {
            window.getActivePage().showView(viewId, null, IWorkbenchPage.VIEW_VISIBLE);
            return true;
        } catch (PartInitException e) {
            return false;
        }
    }

    /** The tree viewer (tests read its items as a user sees them). */
    public TreeViewer viewer() {
        return viewer;
    }

    /** The summary line above the tree. */
    public String summaryText() {
        return summary.getText();
    }

    @Override
    public void setFocus() {
        viewer.getControl().setFocus();
    }

    @Override
    public void dispose() {
        OpenStores.instance().removeListener(storesListener);
        super.dispose();
    }

    private static final class ContentProvider implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return input instanceof List<?> list ? list.toArray() : new Object[0];
        }

        @Override
        public Object[] getChildren(Object parent) {
            return ((StoreElement) parent).children().toArray();
        }

        @Override
        public Object getParent(Object element) {
            return ((StoreElement) element).parent();
        }

        @Override
        public boolean hasChildren(Object element) {
            return !((StoreElement) element).children().isEmpty();
        }
    }

    private static final class Labels extends LabelProvider {
        @Override
        public String getText(Object element) {
            return ((StoreElement) element).label();
        }

        @Override
        public Image getImage(Object element) {
            ISharedImages images = PlatformUI.getWorkbench().getSharedImages();
            return switch (((StoreElement) element).kind()) {
                case STORE -> images.getImage(ISharedImages.IMG_OBJ_PROJECT);
                case FOLDER -> images.getImage(ISharedImages.IMG_OBJ_FOLDER);
                case PROBLEM -> images.getImage(ISharedImages.IMG_OBJS_WARN_TSK);
                case CAPTURE -> images.getImage(((StoreElement) element).property("Capture", "Status")
                        .equals("complete") ? ISharedImages.IMG_OBJ_ELEMENT : ISharedImages.IMG_OBJS_WARN_TSK);
                default -> images.getImage(ISharedImages.IMG_OBJ_FILE);
            };
        }
    }
}
