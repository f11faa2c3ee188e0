package io.mechanist.core.analysis;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;

/**
 * The analyses and view bindings contributed on {@value #EXTENSION_POINT_ID}, read from an extension registry.
 * Faulty contributions do not hide the others: they are left out and described in {@link #problems()}, naming the
 * contributing bundle.
 * <p>
 * A registry is a snapshot taken at construction; create a new one to see bundles installed later.
 */
public final class AnalysisRegistry {

    /** The extension point analyses and view bindings are contributed to. */
    public static final String EXTENSION_POINT_ID = "io.mechanist.core.analyses";

    private final Map<String, AnalysisDescriptor> analyses = new LinkedHashMap<>();
    private final Map<String, IConfigurationElement> elements = new LinkedHashMap<>();
    private final List<ViewBinding> views = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();

    /** Reads the contributions from {@code registry}. */
    public AnalysisRegistry(IExtensionRegistry registry) {
        Objects.requireNonNull(registry, "registry");
        IConfigurationElement[] contributions = registry.getConfigurationElementsFor(EXTENSION_POINT_ID);
        for (IConfigurationElement element : contributions) {
            String contributor = element.getContributor().getName();
            try {
                switch (element.getName()) {
                    case "analysis" -> addAnalysis(element, contributor);
                    case "outputView" -> views.add(new ViewBinding(required(element, "analysisId"),
                            required(element, "outputId"), required(element, "viewId"), contributor));
                    default -> throw new IllegalArgumentException("unknown element <" + element.getName() + ">");
                }
            } catch (IllegalArgumentException e) {
                problems.add(EXTENSION_POINT_ID + " contribution from bundle " + contributor + " ignored: " + e.getMessage());
            }
        }
        for (ViewBinding view : views) {
            AnalysisDescriptor target = analyses.get(view.analysisId());
            if (target == null || target.output(view.outputId()) == null) {
                problems.add("outputView " + view.viewId() + " from bundle " + view.contributor()
                        + " refers to unknown analysis output " + view.analysisId() + "/" + view.outputId());
            }
        }
    }

    /**
     * The registry of the running platform.
     *
     * @throws IllegalStateException if no extension registry is running (plain Java without Equinox)
     */
    public static AnalysisRegistry fromPlatform() {
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        if (registry == null) {
            throw new IllegalStateException("no Eclipse extension registry is running; create an AnalysisRegistry "
                    + "from an IExtensionRegistry made with RegistryFactory.createRegistry");
        }
        return new AnalysisRegistry(registry);
    }

    /** All valid analyses, in contribution order. */
    public List<AnalysisDescriptor> analyses() {
        return List.copyOf(analyses.values());
    }

    /** The analysis {@code id}, if contributed. */
    public Optional<AnalysisDescriptor> find(String id) {
        return Optional.ofNullable(analyses.get(id));
    }

    /**
     * The analysis {@code id} or an exception listing the known ids.
     *
     * @throws IllegalArgumentException if no such analysis is contributed
     */
    public AnalysisDescriptor get(String id) {
        AnalysisDescriptor descriptor = analyses.get(id);
        if (descriptor == null) {
            throw new IllegalArgumentException("no analysis '" + id + "' is contributed; known: " + analyses.keySet());
        }
        return descriptor;
    }

    /**
     * A new instance of the analysis's class, created by its contributing bundle.
     *
     * @throws CoreException if the class cannot be loaded or instantiated, or does not implement {@link Analysis}
     */
    public Analysis create(String id) throws CoreException {
        get(id);
        Object created = elements.get(id).createExecutableExtension("class");
        if (!(created instanceof Analysis analysis)) {
            throw new CoreException(org.eclipse.core.runtime.Status.error("analysis " + id + ": class "
                    + created.getClass().getName() + " does not implement " + Analysis.class.getName()));
        }
        return analysis;
    }

    /** Views bound to outputs of analysis {@code analysisId}. */
    public List<ViewBinding> viewsFor(String analysisId) {
        return views.stream().filter(v -> v.analysisId().equals(analysisId)).toList();
    }

    /** All view bindings. */
    public List<ViewBinding> views() {
        return Collections.unmodifiableList(views);
    }

    /** Descriptions of contributions that were left out, each naming the contributing bundle. */
    public List<String> problems() {
        return Collections.unmodifiableList(problems);
    }

    private void addAnalysis(IConfigurationElement element, String contributor) {
        String id = required(element, "id");
        required(element, "class");
        if (analyses.containsKey(id)) {
            throw new IllegalArgumentException("analysis id '" + id + "' is already contributed by bundle "
                    + analyses.get(id).contributor());
        }
        try {
            List<InputSpec> inputs = new ArrayList<>();
            for (IConfigurationElement input : element.getChildren("input")) {
                inputs.add(new InputSpec(required(input, "role"), InputSpec.Kind.parse(required(input, "kind")),
                        !"false".equals(input.getAttribute("required")), input.getAttribute("description")));
            }
            List<ParameterSpec> parameters = new ArrayList<>();
            for (IConfigurationElement parameter : element.getChildren("parameter")) {
                parameters.add(new ParameterSpec(required(parameter, "name"),
                        ParameterSpec.Type.parse(required(parameter, "type")), parameter.getAttribute("default"),
                        "true".equals(parameter.getAttribute("required")), parameter.getAttribute("description")));
            }
            List<OutputSpec> outputs = new ArrayList<>();
            for (IConfigurationElement output : element.getChildren("output")) {
                outputs.add(new OutputSpec(required(output, "id"), OutputSpec.Kind.parse(required(output, "kind")),
                        output.getAttribute("name"), output.getAttribute("description")));
            }
            requireUnique(id, "input role", inputs.stream().map(InputSpec::role).toList());
            requireUnique(id, "parameter", parameters.stream().map(ParameterSpec::name).toList());
            requireUnique(id, "output id", outputs.stream().map(OutputSpec::id).toList());
            analyses.put(id, new AnalysisDescriptor(id, element.getAttribute("name"), descriptionOf(element),
                    element.getAttribute("category"), contributor, inputs, parameters, outputs));
            elements.put(id, element);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analysis '" + id + "': " + e.getMessage(), e);
        }
    }

    private static String descriptionOf(IConfigurationElement element) {
        IConfigurationElement[] description = element.getChildren("description");
        if (description.length == 0) {
            return "";
        }
        String text = description[0].getValue();
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static void requireUnique(String id, String what, List<String> names) {
        for (int i = 0; i < names.size(); i++) {
            if (names.subList(i + 1, names.size()).contains(names.get(i))) {
                throw new IllegalArgumentException(what + " '" + names.get(i) + "' is declared twice");
            }
        }
    }

    private static String required(IConfigurationElement element, String attribute) {
        String value = element.getAttribute(attribute);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("<" + element.getName() + "> lacks attribute '" + attribute + "'");
        }
        return value.strip();
    }
}
