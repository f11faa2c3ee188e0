package io.mechanist.ui.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IDialogSettings;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.resource.JFaceResources;
import org.eclipse.jface.viewers.ITreeContentProvider;
import org.eclipse.jface.viewers.IStructuredSelection;
import org.eclipse.jface.viewers.LabelProvider;
import org.eclipse.jface.viewers.StructuredSelection;
import org.eclipse.jface.viewers.TreeViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.SashForm;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;

import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.InputSpec;
import io.mechanist.core.analysis.ParameterSpec;
import io.mechanist.ui.workflow.Dialogs;
import io.mechanist.ui.workflow.FormDialog;

/**
 * "Run Analysis": a form generated from the metadata of the installed analyses (built-in and third-party alike).
 * The analyses are listed by category with their description; each input role gets a list of the store's captures
 * or stored vectors, each parameter a field holding its default, with its type and description as tooltip. Values
 * are checked with the rules the runner applies ({@link AnalysisParameters#resolve}) while the user types, and OK
 * is enabled only when the run would be accepted.
 */
public final class RunAnalysisDialog extends FormDialog {

    /** The dialog shell's title. */
    public static final String TITLE = "Run Analysis";
    /** Widget data key: the parameter name a field edits. */
    public static final String PARAMETER_KEY = "io.mechanist.analysis.parameter";
    /** Widget data key: the input role a list binds. */
    public static final String INPUT_KEY = "io.mechanist.analysis.input";
    /** The entry of an optional input's list that leaves it unbound. */
    static final String NONE = "(none)";
    private static final String OTHER_CATEGORY = "Other";

    private final List<AnalysisDescriptor> analyses;
    private final StoreChoices choices;
    private final String preselectedCapture;
    private final String initialAnalysis;

    private TreeViewer chooser;
    private ScrolledComposite scroller;
    private Composite form;
    private AnalysisDescriptor selected;
    private final Map<String, Combo> inputFields = new LinkedHashMap<>();
    private final Map<String, Control> parameterFields = new LinkedHashMap<>();
    private AnalysisRequest request;
    /** Whether the user changed a field of the current form (problems are errors only then). */
    private boolean edited;
    /** Set while a form is being built: its fields' Modify events are not the user's edits. */
    private boolean building;
    /** The last values of the current analysis's parameters (dialog settings kept across restarts). */
    private IDialogSettings remembered;
    /** The settings section of an analysis's form: this prefix and its id. */
    static final String SETTINGS_PREFIX = "runAnalysis.";
    /** Width at which descriptions start to wrap, and the narrowest the form gets before scrolling sideways. */
    private static final int WRAP_WIDTH = 360;
    private static final int MIN_FORM_WIDTH = 320;

    /**
     * @param analyses           the installed analyses
     * @param choices            what the store offers to the inputs
     * @param preselectedCapture the capture selected in the navigator (bound to required capture inputs), or null
     * @param initialAnalysis    the analysis chosen at first (e.g. the last one run), or null for the first listed
     */
    public RunAnalysisDialog(Shell parent, List<AnalysisDescriptor> analyses, StoreChoices choices,
            String preselectedCapture, String initialAnalysis) {
        super(parent, TITLE, new Point(980, 680));
        this.analyses = List.copyOf(analyses);
        this.choices = choices;
        this.preselectedCapture = preselectedCapture;
        this.initialAnalysis = initialAnalysis;
    }

    /** The run the user asked for, after OK; null before or after Cancel. */
    public AnalysisRequest request() {
        return request;
    }

    /** The analysis of {@link #request()}. */
    public AnalysisDescriptor analysis() {
        return selected;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle("Run an analysis on " + choices.storeLabel());
        SashForm sash = new SashForm(area, SWT.HORIZONTAL);
        sash.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        chooser = new TreeViewer(sash, SWT.BORDER | SWT.SINGLE | SWT.V_SCROLL);
        chooser.setContentProvider(new ChooserContent());
        chooser.setLabelProvider(new LabelProvider() {
            @Override
            public String getText(Object element) {
                return element instanceof AnalysisDescriptor d ? d.name()
                        : String.valueOf(((Map.Entry<?, ?>) element).getKey());
            }
        });
        chooser.setInput(byCategory(analyses));
        chooser.expandAll();
        chooser.addSelectionChangedListener(e -> {
            if (((IStructuredSelection) e.getSelection()).getFirstElement() instanceof AnalysisDescriptor d
                    && d != selected) {
                show(d);
            }
        });

        scroller = new ScrolledComposite(sash, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        scroller.addListener(SWT.Resize, e -> fitForm());
        sash.setWeights(30, 70);

        if (analyses.isEmpty()) {
            setErrorMessage("No analysis is installed.");
        } else {
            AnalysisDescriptor first = analyses.stream().filter(a -> a.id().equals(initialAnalysis)).findFirst()
                    .orElse(firstListed());
            chooser.setSelection(new StructuredSelection(first), true);
            if (selected != first) {
                show(first);
            }
        }
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, "Run", true);
        createButton(parent, IDialogConstants.CANCEL_ID, IDialogConstants.CANCEL_LABEL, false);
        validate();
    }

    private AnalysisDescriptor firstListed() {
        Map<String, List<AnalysisDescriptor>> grouped = byCategory(analyses);
        return grouped.values().iterator().next().get(0);
    }

    /** Category -> analyses (by name), categories sorted, analyses without one under "Other" at the end. */
    static Map<String, List<AnalysisDescriptor>> byCategory(List<AnalysisDescriptor> analyses) {
        Map<String, List<AnalysisDescriptor>> grouped = new TreeMap<>();
        for (AnalysisDescriptor analysis : analyses) {
            if (!analysis.category().isBlank()) {
                grouped.computeIfAbsent(analysis.category(), c -> new ArrayList<>()).add(analysis);
            }
        }
        List<AnalysisDescriptor> other = analyses.stream().filter(a -> a.category().isBlank()).toList();
        Map<String, List<AnalysisDescriptor>> ordered = new LinkedHashMap<>(grouped);
        if (!other.isEmpty()) {
            ordered.put(grouped.containsKey(OTHER_CATEGORY) ? OTHER_CATEGORY + " " : OTHER_CATEGORY,
                    new ArrayList<>(other));
        }
        ordered.values().forEach(list -> list.sort((a, b) -> a.name().compareToIgnoreCase(b.name())));
        return ordered;
    }

    /** Builds the form of {@code analysis}: description, one list per input, one field per parameter. */
    private void show(AnalysisDescriptor analysis) {
        selected = analysis;
        building = true;
        if (form != null) {
            // Detach the old form first: a message shown while the new one is built lays the dialog out, and a
            // scroller still holding a disposed form fails ("Widget is disposed").
            scroller.setContent(null);
            form.dispose();
        }
        remembered = Dialogs.settings(SETTINGS_PREFIX + analysis.id());
        inputFields.clear();
        parameterFields.clear();
        form = new Composite(scroller, SWT.NONE);
        GridLayout formLayout = new GridLayout(2, false);
        formLayout.marginRight = 18; // clear of an overlay scroll bar, so wrapped text never ends under it
        form.setLayout(formLayout);

        Label name = wide(new Label(form, SWT.NONE));
        name.setText(analysis.name());
        name.setFont(JFaceResources.getBannerFont());
        Label description = wide(new Label(form, SWT.WRAP));
        description.setText(analysis.description().replaceAll("\\s+", " ").strip());
        ((GridData) description.getLayoutData()).widthHint = WRAP_WIDTH;
        Label origin = wide(new Label(form, SWT.NONE));
        origin.setText(analysis.id() + (analysis.contributor().isEmpty() ? ""
                : "  \u2013  contributed by " + analysis.contributor()));

        if (!analysis.inputs().isEmpty()) {
            heading("Inputs");
            for (InputSpec input : analysis.inputs()) {
                inputField(input);
            }
        }
        if (!analysis.parameters().isEmpty()) {
            heading("Parameters");
            for (ParameterSpec parameter : analysis.parameters()) {
                parameterField(parameter);
            }
        }
        updateSites();
        scroller.setContent(form);
        fitForm();
        building = false;
        edited = false;
        validate();
    }

    /** Lays the form out at the scroller's width (descriptions wrap) and scrolls only vertically when it can. */
    private void fitForm() {
        if (form == null || form.isDisposed()) {
            return;
        }
        int width = Math.max(scroller.getClientArea().width, MIN_FORM_WIDTH);
        scroller.setMinSize(new Point(MIN_FORM_WIDTH, form.computeSize(width, SWT.DEFAULT).y));
    }

    private String runMessage() {
        return "Runs in the background into " + choices.storeFolder() + "; the result appears under \"Analysis results\".";
    }

    /** Validates after the user changed a field (not while the form is being built). */
    private void edited() {
        if (building) {
            return;
        }
        edited = true;
        validate();
    }

    private void heading(String text) {
        Label heading = wide(new Label(form, SWT.NONE));
        heading.setText(text);
        heading.setFont(JFaceResources.getHeaderFont());
        ((GridData) heading.getLayoutData()).verticalIndent = 8;
    }

    private static <T extends Control> T wide(T control) {
        control.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        return control;
    }

    private void inputField(InputSpec input) {
        Label label = new Label(form, SWT.NONE);
        label.setText(input.role() + " (" + input.kind().xmlName() + ")" + (input.required() ? " *" : ""));
        Combo combo = new Combo(form, SWT.READ_ONLY | SWT.DROP_DOWN);
        GridData comboData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        comboData.widthHint = 120;
        combo.setLayoutData(comboData);
        combo.setData(INPUT_KEY, input.role());
        List<StoreChoices.Choice> offered = offered(input);
        List<String> ids = new ArrayList<>();
        if (!input.required()) {
            combo.add(NONE);
            ids.add(null);
        }
        for (StoreChoices.Choice choice : offered) {
            combo.add(choice.id().equals(choice.label()) ? choice.id() : choice.id() + "  \u2013  " + choice.label());
            ids.add(choice.id());
        }
        combo.setData(ids);
        int initial = 0;
        if (input.required() && input.kind() == InputSpec.Kind.CAPTURE && preselectedCapture != null
                && ids.contains(preselectedCapture)) {
            initial = ids.indexOf(preselectedCapture);
        }
        if (combo.getItemCount() > 0) {
            combo.select(initial);
        }
        String tooltip = input.description() + (input.required() ? "" : "\nOptional.");
        label.setToolTipText(tooltip);
        combo.setToolTipText(tooltip);
        combo.addListener(SWT.Selection, e -> {
            updateSites();
            edited();
        });
        inputFields.put(input.role(), combo);
    }

    private List<StoreChoices.Choice> offered(InputSpec input) {
        return input.kind() == InputSpec.Kind.CAPTURE ? choices.captures() : choices.vectors();
    }

    private void parameterField(ParameterSpec parameter) {
        String fromData = DataDefaults.of(parameter, boundDataset());
        String initial = remembered.get(parameter.name()) != null ? remembered.get(parameter.name())
                : fromData != null ? fromData : parameter.defaultValue();
        Label label = new Label(form, SWT.NONE);
        label.setText(parameter.name() + (parameter.required() && parameter.defaultValue() == null ? " *" : ""));
        Control field;
        switch (parameter.type()) {
            case BOOLEAN -> {
                Button check = new Button(form, SWT.CHECK);
                check.setSelection(Boolean.parseBoolean(initial));
                check.addListener(SWT.Selection, e -> edited());
                field = check;
            }
            case HOOK_SITE -> {
                Combo combo = new Combo(form, SWT.DROP_DOWN);
                combo.setText(initial == null ? "" : initial);
                combo.addListener(SWT.Modify, e -> edited());
                field = combo;
            }
            default -> {
                Text text = new Text(form, SWT.BORDER | SWT.SINGLE);
                text.setText(initial == null ? "" : initial);
                text.addListener(SWT.Modify, e -> edited());
                field = text;
            }
        }
        GridData fieldData = new GridData(SWT.FILL, SWT.CENTER, true, false);
        fieldData.widthHint = 120; // grows with the dialog; never wider than it
        field.setLayoutData(fieldData);
        field.setData(PARAMETER_KEY, parameter.name());
        String tooltip = tooltip(parameter);
        label.setToolTipText(tooltip);
        field.setToolTipText(tooltip);
        parameterFields.put(parameter.name(), field);
        if (!parameter.description().isEmpty()) {
            new Label(form, SWT.NONE);
            Label description = new Label(form, SWT.WRAP);
            GridData data = new GridData(SWT.FILL, SWT.TOP, true, false);
            data.widthHint = WRAP_WIDTH / 2;
            description.setLayoutData(data);
            description.setText(parameter.description() + (parameter.defaultValue() == null ? ""
                    : " (default " + parameter.defaultValue() + ")"));
            description.setForeground(description.getDisplay().getSystemColor(SWT.COLOR_WIDGET_DARK_SHADOW));
        }
    }

    static String tooltip(ParameterSpec parameter) {
        String use = parameter.defaultValue() != null ? "default " + parameter.defaultValue()
                : parameter.required() ? "required" : "optional, no default";
        return (parameter.description().isEmpty() ? "" : parameter.description() + "\n") + "Type "
                + parameter.type().xmlName() + ", " + use;
    }

    /** Offers the sites of the bound captures in the hook-site fields. */
    private void updateSites() {
        Set<String> sites = new LinkedHashSet<>();
        for (Map.Entry<String, String> input : inputs().entrySet()) {
            StoreChoices.Choice capture = selected.input(input.getKey()).kind() == InputSpec.Kind.CAPTURE
                    ? choices.capture(input.getValue()) : null;
            if (capture != null) {
                sites.addAll(capture.sites());
            }
        }
        for (ParameterSpec parameter : selected.parameters()) {
            if (parameter.type() == ParameterSpec.Type.HOOK_SITE
                    && parameterFields.get(parameter.name()) instanceof Combo combo) {
                String text = combo.getText();
                combo.setItems(sites.toArray(String[]::new));
                combo.setText(text);
            }
        }
    }

    /** The dataset file recorded by the first bound capture, or null. */
    private java.nio.file.Path boundDataset() {
        for (Map.Entry<String, String> input : inputs().entrySet()) {
            StoreChoices.Choice capture = selected.input(input.getKey()).kind() == InputSpec.Kind.CAPTURE
                    ? choices.capture(input.getValue()) : null;
            if (capture != null && !capture.datasetFile().isEmpty()) {
                return java.nio.file.Path.of(capture.datasetFile());
            }
        }
        return null;
    }

    /** The bound inputs: role -> capture or vector id. */
    private Map<String, String> inputs() {
        Map<String, String> bound = new LinkedHashMap<>();
        inputFields.forEach((role, combo) -> {
            @SuppressWarnings("unchecked")
            List<String> ids = (List<String>) combo.getData();
            int index = combo.getSelectionIndex();
            if (index >= 0 && ids.get(index) != null) {
                bound.put(role, ids.get(index));
            }
        });
        return bound;
    }

    /** The parameter values given: every non-empty field (an empty field leaves the default to the runner). */
    private Map<String, String> parameters() {
        Map<String, String> given = new LinkedHashMap<>();
        parameterFields.forEach((name, field) -> {
            String value = switch (field) {
                case Button check -> Boolean.toString(check.getSelection());
                case Combo combo -> combo.getText();
                case Text text -> text.getText();
                default -> throw new IllegalStateException(field.toString());
            };
            if (!value.strip().isEmpty()) {
                given.put(name, value);
            }
        });
        return given;
    }

    /** What stops the run, as the runner would say it, or null. */
    String problem() {
        if (selected == null) {
            return "Choose an analysis.";
        }
        Map<String, String> bound = inputs();
        for (InputSpec input : selected.inputs()) {
            if (input.required() && !bound.containsKey(input.role())) {
                return offered(input).isEmpty()
                        ? "The store has no " + input.kind().xmlName() + " for input '" + input.role() + "'."
                        : "Choose a " + input.kind().xmlName() + " for input '" + input.role() + "'.";
            }
        }
        try {
            AnalysisParameters.resolve(selected, parameters());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    private void validate() {
        String problem = analyses.isEmpty() ? "No analysis is installed." : problem();
        if (problem != null && !edited) {
            // A fresh form: say what is missing without calling it an error yet.
            setErrorMessage(null);
            setMessage(problem, IMessageProvider.INFORMATION);
        } else {
            setErrorMessage(problem);
            setMessage(runMessage());
        }
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(problem == null);
        }
    }

    @Override
    protected void okPressed() {
        if (problem() != null) {
            validate();
            return;
        }
        request = new AnalysisRequest(selected.id(), parameters(), inputs());
        // The next form of this analysis starts from these values (an emptied field goes back to the default).
        for (ParameterSpec parameter : selected.parameters()) {
            String value = request.parameters().get(parameter.name());
            remembered.put(parameter.name(), value != null ? value : parameter.defaultValue());
        }
        super.okPressed();
    }

    private static final class ChooserContent implements ITreeContentProvider {
        @Override
        public Object[] getElements(Object input) {
            return ((Map<?, ?>) input).entrySet().toArray();
        }

        @Override
        public Object[] getChildren(Object parent) {
            return parent instanceof Map.Entry<?, ?> category ? ((List<?>) category.getValue()).toArray()
                    : new Object[0];
        }

        @Override
        public Object getParent(Object element) {
            return null;
        }

        @Override
        public boolean hasChildren(Object element) {
            return element instanceof Map.Entry<?, ?>;
        }
    }
}
