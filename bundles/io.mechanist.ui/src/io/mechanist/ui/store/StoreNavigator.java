package io.mechanist.ui.store;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.jobs.IJobChangeEvent;
import org.eclipse.core.runtime.jobs.JobChangeAdapter;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.jface.action.Action;
import org.eclipse.jface.action.IAction;
import org.eclipse.jface.action.MenuManager;
import org.eclipse.jface.action.Separator;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
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
import org.eclipse.swt.layout.RowLayout;
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
import io.mechanist.ui.events.StorePromptSelection;
import io.mechanist.ui.events.StoreResultSelection;
import io.mechanist.ui.results.ResultView;
import io.mechanist.ui.workflow.NewStoreDialog;
import io.mechanist.ui.workflow.WorkflowHandler;

/**
 * The open activation stores as a tree: models, datasets and their prompts, captures (status, sites, dtype) and the
 * prompts they hold, vectors and analysis results; the Properties view shows a node's details and provenance.
 * Selecting a prompt under a capture shows it in the heatmap view ({@link StorePromptSelection}); opening an
 * analysis result shows the view bound to its analysis ({@link StoreResultSelection}). "Run Analysis..." (toolbar and
 * context menu) runs an installed analysis on the store ({@link RunAnalysisDialog}, {@link AnalysisJob}) and opens
 * its result. Stores are shown read-only and every read runs in a job.
 * <p>
 * A 3.x view (like the Project Explorer) rather than an e4 POJO: its site's selection provider is what the
 * Properties view and other selection listeners track.
 */
public class StoreNavigator extends ViewPart {

    public static final String ID = "io.mechanist.ui.store.StoreNavigator";
    /** The view a selected prompt is shown in (contributed by another bundle; shown only if installed). */
    static final String HEATMAP_VIEW = "io.mechanist.ui.heatmap.HeatmapView";
    /** What the summary line says when no store is open. */
    public static final String NO_STORES = "No store open. Create one (\"New Store...\") or open one (\"Open Store...\").";
    /** What the summary line says when no store is open yet but work that will open one is running. */
    public static final String PREPARING = "Preparing a store\u2026";
    /** The id of the "Run Analysis..." action (view toolbar and context menu). */
    public static final String RUN_ANALYSIS = "io.mechanist.ui.store.runAnalysis";
    /** The id of the "Capture Activations..." action (view toolbar and context menu). */
    public static final String CAPTURE = "io.mechanist.ui.store.capture";
    /** The context-menu item that opens a result in the generic result view. */
    public static final String OPEN_IN_RESULT_VIEW = "Open in Result View";
    /** Widget data key of the controls of the bar reporting a store that cannot be opened. */
    public static final String NOTICE_KEY = "io.mechanist.ui.store.notice";
    /** How long a finished run waits for its result to show in the tree before giving up selecting it. */
    private static final int REVEAL_ATTEMPTS = 480; // two minutes: a busy machine re-reads a big store slowly
    private static final int REVEAL_INTERVAL_MILLIS = 250;

    /** The analysis the dialog offers first: the one run last in this session. */
    private static String lastAnalysis;

    private TreeViewer viewer;
    private Label summary;
    private ActivityLine activity;
    private Composite notice;
    /** Stores whose failure to open was reported this session. */
    private final Set<Path> reported = new HashSet<>();
    private final IAction captureAction = new Action("Capture Activations...") {
        {
            setId(CAPTURE);
            setToolTipText("Capture a dataset's activations through a model into the selected store");
            setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                    .getImageDescriptor(ISharedImages.IMG_OBJ_ADD));
        }

        @Override
        public void run() {
            StoreElement element = selected();
            WorkflowHandler.capture(viewer.getTree().getShell(), getSite().getPage(),
                    element == null ? null : element.storeFolder());
        }
    };
    private final Consumer<List<StoreElement>> storesListener = this::storesChanged;
    private final IAction runAnalysisAction = new Action("Run Analysis...") {
        {
            setId(RUN_ANALYSIS);
            setToolTipText("Run an installed analysis on the selected store's captures");
            setImageDescriptor(PlatformUI.getWorkbench().getSharedImages()
                    .getImageDescriptor(ISharedImages.IMG_TOOL_FORWARD));
        }

        @Override
        public void run() {
            runAnalysis();
        }
    };

    @Override
    public void createPartControl(Composite parent) {
        // Buttons on the first row (continued on a second in a narrow view), the summary below them across the
        // view: neither clips the other.
        parent.setLayout(new GridLayout(4, false));
        Composite buttons = new Composite(parent, SWT.NONE);
        RowLayout buttonsLayout = new RowLayout(SWT.HORIZONTAL);
        buttonsLayout.wrap = true;
        buttonsLayout.marginLeft = 0;
        buttonsLayout.marginTop = 0;
        buttonsLayout.marginBottom = 0;
        buttons.setLayout(buttonsLayout);
        buttons.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1));
        Button create = new Button(buttons, SWT.PUSH);
        create.setText("New Store...");
        create.addListener(SWT.Selection, e -> {
            if (new NewStoreDialog(create.getShell()).open() == Window.OK) {
                viewer.getControl().setFocus();
            }
        });
        Button open = new Button(buttons, SWT.PUSH);
        open.setText("Open Store...");
        open.addListener(SWT.Selection, e -> chooseStore());
        Button refresh = new Button(buttons, SWT.PUSH);
        refresh.setText("Refresh");
        refresh.addListener(SWT.Selection, e -> OpenStores.instance().refreshNow());
        summary = new Label(parent, SWT.WRAP);
        GridData summaryData = new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1);
        summaryData.widthHint = 120;
        summary.setLayoutData(summaryData);
        activity = new ActivityLine(parent, 4, this::updateSummary);

        notice = new Composite(parent, SWT.NONE);
        notice.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 4, 1));
        notice.setLayout(new GridLayout(3, false));
        ((GridData) notice.getLayoutData()).exclude = true;
        notice.setVisible(false);
        viewer = new TreeViewer(parent, SWT.BORDER | SWT.V_SCROLL | SWT.H_SCROLL);
        viewer.getTree().setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 4, 1));
        viewer.setContentProvider(new ContentProvider());
        viewer.setLabelProvider(new Labels());
        viewer.setUseHashlookup(true);
        viewer.addSelectionChangedListener(this::selectionChanged);
        viewer.addDoubleClickListener(this::doubleClicked);
        createContextMenu();
        getSite().setSelectionProvider(viewer);
        getViewSite().getActionBars().getToolBarManager().add(captureAction);
        getViewSite().getActionBars().getToolBarManager().add(runAnalysisAction);
        getViewSite().getActionBars().updateActionBars();

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
                if (element.kind() == StoreElement.Kind.RESULT) {
                    manager.add(new Action(OPEN_IN_RESULT_VIEW) {
                        @Override
                        public void run() {
                            openInResultView(element);
                        }
                    });
                }
                if (element.property("Store", "Problem") == null) {
                    manager.add(captureAction);
                    manager.add(runAnalysisAction);
                    manager.add(new Separator());
                }
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
        List<StoreElement> broken = trees.stream().filter(t -> t.property("Store", "Problem") != null).toList();
        for (StoreElement tree : trees) {
            viewer.setExpandedState(tree, true);
        }
        for (StoreElement tree : broken) {
            // Each store that fails to open is reported once per session, with the choice to forget it.
            if (reported.add(tree.storeFolder())) {
                report(tree);
            }
        }
        updateSummary();
    }

    private void updateSummary() {
        if (summary.isDisposed()) {
            return;
        }
        List<?> trees = viewer.getInput() instanceof List<?> list ? list : List.of();
        long broken = trees.stream().filter(t -> ((StoreElement) t).property("Store", "Problem") != null).count();
        long open = trees.size() - broken;
        summary.setText(trees.isEmpty() ? (activity.current() != null ? PREPARING : NO_STORES)
                : (open == 1 ? "1 store open" : open + " stores open")
                        + (broken == 0 ? "" : ", " + broken + " cannot be opened"));
        summary.getParent().layout();
    }

    /** The line under the summary that shows background work preparing the navigator's content. */
    ActivityLine activity() {
        return activity;
    }

    /** The activities the navigator has shown while preparing its content, oldest first (tests read them). */
    public List<String> activitiesShown() {
        return activity.shown();
    }

    /** The activity shown now, or null (UI thread). */
    public String activityText() {
        return activity.current();
    }

    /** Shows a bar above the tree saying that {@code tree}'s store cannot be opened, with Forget and Keep. */
    private void report(StoreElement tree) {
        for (org.eclipse.swt.widgets.Control child : notice.getChildren()) {
            child.dispose();
        }
        Label text = new Label(notice, SWT.WRAP);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        data.widthHint = 200;
        text.setLayoutData(data);
        text.setText("The store " + tree.storeFolder() + " " + tree.property("Store", "Problem"));
        text.setData(NOTICE_KEY, "message");
        Button forget = new Button(notice, SWT.PUSH);
        forget.setText("Forget It");
        forget.setToolTipText("Close it and stop reopening it at every start");
        forget.setData(NOTICE_KEY, "forget");
        forget.addListener(SWT.Selection, e -> {
            hideNotice();
            OpenStores.instance().close(tree.storeFolder());
        });
        Button keep = new Button(notice, SWT.PUSH);
        keep.setText("Keep");
        keep.setToolTipText("Keep it in the list; it is tried again at the next start");
        keep.setData(NOTICE_KEY, "keep");
        keep.addListener(SWT.Selection, e -> hideNotice());
        ((GridData) notice.getLayoutData()).exclude = false;
        notice.setVisible(true);
        notice.getParent().layout(true, true);
    }

    private void hideNotice() {
        ((GridData) notice.getLayoutData()).exclude = true;
        notice.setVisible(false);
        notice.getParent().layout(true, true);
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
        openResult(element);
    }

    /**
     * Shows an analysis result in the view bound to its analysis's output and posts it as {@link StoreResultSelection}
     * (what double-clicking a result does).
     */
    private void openResult(StoreElement element) {
        String analysisId = element.property("Result", "Analysis");
        List<ViewBinding> bindings = AnalysisRegistry.fromPlatform().viewsFor(analysisId);
        if (bindings.isEmpty()) {
            // Views bound to the analysis come first; every result has the generic one.
            openInResultView(element);
            return;
        }
        ViewBinding binding = bindings.get(0);
        IEventBroker eventBroker = getSite().getService(IEventBroker.class);
        if (showView(binding.viewId()) && eventBroker != null) {
            eventBroker.post(StoreResultSelection.TOPIC, new StoreResultSelection(element.storeFolder(),
                    element.id(), analysisId, binding.outputId()));
        }
    }

    /** Shows a result in the generic {@link ResultView}: its tables, arrays and notes, whatever the analysis. */
    public void openInResultView(StoreElement element) {
        IWorkbenchWindow window = getSite().getWorkbenchWindow();
        try {
            ResultView view = (ResultView) window.getActivePage().showView(ResultView.ID);
            view.show(element.storeFolder(), element.id());
        } catch (PartInitException e) {
            MessageDialog.openError(viewer.getTree().getShell(), OPEN_IN_RESULT_VIEW, e.getMessage());
        }
    }

    /**
     * Opens the "Run Analysis" dialog for the store of the selected node (or the only open store), preselecting the
     * selected capture, and runs the chosen analysis in a job; when it finishes its result is selected and opened.
     */
    public void runAnalysis() {
        StoreElement element = selected();
        StoreElement tree = element != null ? storeTree(element.storeFolder()) : onlyStore();
        if (tree == null || tree.property("Store", "Problem") != null) {
            MessageDialog.openInformation(viewer.getTree().getShell(), RunAnalysisDialog.TITLE,
                    tree != null ? "The store " + tree.storeFolder() + " cannot be read: "
                            + tree.property("Store", "Problem")
                            : ((List<?>) viewer.getInput()).isEmpty() ? "Open a store first (\"Open Store...\")."
                                    : "Select a store or one of its captures first.");
            return;
        }
        StoreElement capture = element == null ? null
                : element.kind() == StoreElement.Kind.CAPTURE ? element : element.capture();
        AnalysisRegistry registry = AnalysisRegistry.fromPlatform();
        RunAnalysisDialog dialog = new RunAnalysisDialog(viewer.getTree().getShell(), registry.analyses(),
                StoreChoices.of(tree), capture == null ? null : capture.id(), lastAnalysis);
        if (dialog.open() != Window.OK) {
            return;
        }
        lastAnalysis = dialog.analysis().id();
        AnalysisJob job = new AnalysisJob(tree.storeFolder(), dialog.analysis(), dialog.request(), registry);
        job.setUser(true);
        job.addJobChangeListener(new JobChangeAdapter() {
            @Override
            public void done(IJobChangeEvent event) {
                var control = viewer.getControl();
                if (control.isDisposed() || event.getResult().getSeverity() == IStatus.CANCEL) {
                    return;
                }
                control.getDisplay().asyncExec(() -> {
                    if (control.isDisposed()) {
                        return;
                    }
                    if (event.getResult().isOK()) {
                        revealResult(job.storeFolder(), job.resultId(), REVEAL_ATTEMPTS);
                    } else {
                        // The status names the analysis, the store and why (ErrorDialog stays silent in
                        // automated runs; a failed run must always be seen).
                        MessageDialog.openError(control.getShell(), RunAnalysisDialog.TITLE,
                                event.getResult().getMessage());
                    }
                });
            }
        });
        job.schedule();
    }

    /**
     * Selects the result {@code resultId} of the store in {@code storeFolder} and opens it as double-clicking does,
     * retrying a while until the refreshed tree holds it. Must run on the UI thread.
     */
    private void revealResult(Path storeFolder, String resultId, int attemptsLeft) {
        if (viewer.getControl().isDisposed()) {
            return;
        }
        StoreElement tree = storeTree(storeFolder);
        StoreElement results = tree == null ? null : tree.child(StoreSnapshot.RESULTS);
        StoreElement result = results == null ? null
                : results.children().stream().filter(r -> r.id().equals(resultId)).findFirst().orElse(null);
        if (result != null) {
            viewer.setSelection(new StructuredSelection(result), true);
            openResult(result);
        } else if (attemptsLeft > 0) {
            viewer.getControl().getDisplay().timerExec(REVEAL_INTERVAL_MILLIS,
                    () -> revealResult(storeFolder, resultId, attemptsLeft - 1));
        }
    }

    /** The tree of the open store in {@code folder}, or null. */
    private StoreElement storeTree(Path folder) {
        Object input = viewer.getInput();
        for (Object tree : input instanceof List<?> list ? list : List.of()) {
            if (((StoreElement) tree).storeFolder().equals(folder)) {
                return (StoreElement) tree;
            }
        }
        return null;
    }

    private StoreElement onlyStore() {
        Object input = viewer.getInput();
        return input instanceof List<?> list && list.size() == 1 ? (StoreElement) list.get(0) : null;
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
