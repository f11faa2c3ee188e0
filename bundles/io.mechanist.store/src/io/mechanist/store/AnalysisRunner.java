package io.mechanist.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.analysis.Analysis;
import io.mechanist.core.analysis.AnalysisContext;
import io.mechanist.core.analysis.AnalysisDescriptor;
import io.mechanist.core.analysis.AnalysisException;
import io.mechanist.core.analysis.AnalysisOutput;
import io.mechanist.core.analysis.AnalysisParameters;
import io.mechanist.core.analysis.AnalysisRegistry;
import io.mechanist.core.analysis.AnalysisRequest;
import io.mechanist.core.analysis.InputSpec;
import io.mechanist.core.analysis.OutputSpec;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.Provenance;
import io.mechanist.model.ResultArray;
import io.mechanist.model.ResultColumn;
import io.mechanist.model.ResultTable;
import io.mechanist.model.StoredVector;
import io.mechanist.store.internal.AtomicFiles;
import io.mechanist.store.internal.ModelLookup;
import io.mechanist.store.internal.ShardLayout;
import io.mechanist.store.internal.VectorFiles;

/**
 * Runs contributed analyses headless on a store and persists each run's output as an {@link AnalysisResult}:
 * tables inline, arrays in {@code results/<result id>.safetensors}, vectors as stored vectors. Outputs must match
 * the analysis's declared outputs (id and kind). A cancelled or failed run writes nothing.
 */
public final class AnalysisRunner {

    private final ActivationStore store;
    private final AnalysisRegistry registry;

    public AnalysisRunner(ActivationStore store, AnalysisRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /**
     * Creates the analysis named by the request, runs it and commits the result.
     *
     * @return the id of the new analysis result
     * @throws AnalysisException if the analysis refuses its input
     * @throws CoreException if the analysis class cannot be created
     * @throws org.eclipse.core.runtime.OperationCanceledException if cancelled through the monitor
     */
    public String run(AnalysisRequest request, IProgressMonitor monitor) throws AnalysisException, CoreException, IOException {
        AnalysisDescriptor descriptor = registry.get(request.analysisId());
        return run(descriptor, registry.create(descriptor.id()), request, monitor);
    }

    /** Runs a given analysis instance described by {@code descriptor}; see {@link #run(AnalysisRequest, IProgressMonitor)}. */
    public String run(AnalysisDescriptor descriptor, Analysis analysis, AnalysisRequest request, IProgressMonitor monitor)
            throws AnalysisException, IOException {
        store.requireWritable();
        SubMonitor progress = SubMonitor.convert(monitor, descriptor.name(), 100);
        AnalysisParameters parameters = AnalysisParameters.resolve(descriptor, request.parameters());
        checkInputs(descriptor, request);
        Context context = new Context(descriptor, parameters, request.inputs());
        AnalysisOutput output;
        try {
            progress.checkCanceled();
            output = analysis.run(context, progress.split(90));
            progress.checkCanceled();
        } finally {
            context.closeAll();
        }
        checkOutputs(descriptor, output);
        return persist(descriptor, parameters, request, output, progress.split(10));
    }

    private static void checkInputs(AnalysisDescriptor descriptor, AnalysisRequest request) {
        for (String role : request.inputs().keySet()) {
            if (descriptor.input(role) == null) {
                throw new IllegalArgumentException("analysis " + descriptor.id() + " has no input '" + role + "'; it declares "
                        + descriptor.inputs().stream().map(InputSpec::role).toList());
            }
        }
        for (InputSpec input : descriptor.inputs()) {
            if (input.required() && !request.inputs().containsKey(input.role())) {
                throw new IllegalArgumentException("analysis " + descriptor.id() + " needs input '" + input.role()
                        + "' (" + input.kind().xmlName() + "): " + input.description());
            }
        }
    }

    private static void checkOutputs(AnalysisDescriptor descriptor, AnalysisOutput output) {
        checkKind(descriptor, output.tables().stream().map(AnalysisOutput.Table::name).toList(), OutputSpec.Kind.TABLE);
        checkKind(descriptor, output.arrays().stream().map(AnalysisOutput.ArrayData::name).toList(), OutputSpec.Kind.ARRAY);
        checkKind(descriptor, output.vectors().stream().map(AnalysisOutput.VectorData::name).toList(), OutputSpec.Kind.VECTOR);
    }

    private static void checkKind(AnalysisDescriptor descriptor, List<String> names, OutputSpec.Kind kind) {
        for (String name : names) {
            OutputSpec spec = descriptor.output(name);
            if (spec == null || spec.kind() != kind) {
                throw new IllegalStateException("analysis " + descriptor.id() + " (bundle " + descriptor.contributor()
                        + ") produced " + kind.xmlName() + " '" + name + "', which its plugin.xml does not declare as an "
                        + kind.xmlName() + " output");
            }
        }
    }

    private String persist(AnalysisDescriptor descriptor, AnalysisParameters parameters, AnalysisRequest request,
            AnalysisOutput output, IProgressMonitor monitor) throws IOException {
        String resultId = "result-" + UUID.randomUUID().toString().substring(0, 8);
        MechanistFactory factory = MechanistFactory.eINSTANCE;
        // Data files first; the metadata commit at the end makes them part of the store.
        AtomicFiles.Written arraysFile = null;
        String arraysRelative = ShardLayout.RESULTS + "/" + resultId + ".safetensors";
        if (!output.arrays().isEmpty()) {
            SafetensorsWriter writer = new SafetensorsWriter().metadata("analysis", descriptor.id()).metadata("result", resultId);
            for (AnalysisOutput.ArrayData array : output.arrays()) {
                long[] shape = java.util.Arrays.stream(array.shape()).asLongStream().toArray();
                writer.add(array.name(), DType.F32, shape, array.values());
            }
            Path dir = Files.createDirectories(store.paths().requireInsideOnDisk(
                    store.folder().resolve(ShardLayout.RESULTS), "folder"));
            arraysFile = AtomicFiles.write(dir.resolve(resultId + ".safetensors"), writer::writeTo);
        }
        List<StoredVector> vectors = new ArrayList<>();
        for (AnalysisOutput.VectorData vector : output.vectors()) {
            String vectorId = "vector-" + UUID.randomUUID().toString().substring(0, 8);
            Map<String, String> provenance = new HashMap<>(vector.parameters());
            provenance.put("analysis", descriptor.id());
            vectors.add(VectorFiles.write(store.paths(), vectorId, vector.name(), vector.siteId(), vector.method(),
                    vector.values(), provenance));
        }
        AtomicFiles.Written arrays = arraysFile;
        store.update(s -> {
            AnalysisResult result = factory.createAnalysisResult();
            result.setId(resultId);
            result.setName(descriptor.name());
            result.setAnalysisId(descriptor.id());
            result.setCreatedAt(new Date());
            result.getParameters().putAll(parameters.asMap());
            request.inputs().forEach((role, id) -> {
                InputSpec.Kind kind = descriptor.input(role).kind();
                if (kind == InputSpec.Kind.CAPTURE) {
                    result.getInputCaptures().add(ModelLookup.capture(s, id));
                } else {
                    result.getInputVectors().add(ModelLookup.vector(s, id));
                }
                result.getParameters().put("input." + role, id);
            });
            for (AnalysisOutput.Table table : output.tables()) {
                ResultTable stored = factory.createResultTable();
                stored.setName(table.name());
                for (AnalysisOutput.Column column : table.columns()) {
                    ResultColumn storedColumn = factory.createResultColumn();
                    storedColumn.setName(column.name());
                    storedColumn.setUnit(column.unit());
                    if (column.numbers() != null) {
                        for (double v : column.numbers()) {
                            storedColumn.getNumbers().add(v);
                        }
                    } else {
                        storedColumn.getTexts().addAll(List.of(column.texts()));
                    }
                    stored.getColumns().add(storedColumn);
                }
                result.getTables().add(stored);
            }
            if (arrays != null) {
                result.setArraysFile(arraysRelative);
                result.setArraysSha256(arrays.sha256());
                for (AnalysisOutput.ArrayData array : output.arrays()) {
                    ResultArray stored = factory.createResultArray();
                    stored.setName(array.name());
                    stored.setTensorName(array.name());
                    for (int d : array.shape()) {
                        stored.getShape().add(d);
                    }
                    stored.getAxes().addAll(array.axes());
                    result.getArrays().add(stored);
                }
            }
            for (StoredVector vector : vectors) {
                vector.setSourceResult(result);
                s.getVectors().add(vector);
                result.getProducedVectors().add(vector);
            }
            Provenance provenance = factory.createProvenance();
            provenance.setTool("mechanist");
            provenance.setCreatedAt(new Date());
            provenance.getParameters().putAll(output.notes());
            provenance.getParameters().put("contributor", descriptor.contributor());
            provenance.getVersions().put("java", System.getProperty("java.version"));
            result.setProvenance(provenance);
            s.getResults().add(result);
        });
        SubMonitor.convert(monitor, 1).worked(1);
        return resultId;
    }

    /** The inputs of one run, opened lazily and closed after it. */
    private final class Context implements AnalysisContext {
        private final AnalysisDescriptor descriptor;
        private final AnalysisParameters parameters;
        private final Map<String, String> inputs;
        private final Map<String, ActivationSet> opened = new HashMap<>();

        Context(AnalysisDescriptor descriptor, AnalysisParameters parameters, Map<String, String> inputs) {
            this.descriptor = descriptor;
            this.parameters = parameters;
            this.inputs = inputs;
        }

        @Override
        public AnalysisDescriptor descriptor() {
            return descriptor;
        }

        @Override
        public AnalysisParameters parameters() {
            return parameters;
        }

        @Override
        public synchronized ActivationSet capture(String role) {
            String id = bound(role, InputSpec.Kind.CAPTURE);
            ActivationSet set = opened.get(role);
            if (set == null) {
                try {
                    set = store.openCapture(id);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                opened.put(role, set);
            }
            return set;
        }

        @Override
        public StoredVectorData vector(String role) {
            try {
                return store.readVector(bound(role, InputSpec.Kind.VECTOR));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public boolean isBound(String role) {
            return inputs.containsKey(role);
        }

        private String bound(String role, InputSpec.Kind kind) {
            InputSpec spec = descriptor.input(role);
            if (spec == null || spec.kind() != kind) {
                throw new IllegalArgumentException("analysis " + descriptor.id() + " declares no " + kind.xmlName()
                        + " input '" + role + "'");
            }
            String id = inputs.get(role);
            if (id == null) {
                throw new IllegalArgumentException("analysis " + descriptor.id() + ": optional input '" + role + "' is not bound");
            }
            return id;
        }

        synchronized void closeAll() throws IOException {
            for (ActivationSet set : opened.values()) {
                set.close();
            }
            opened.clear();
        }
    }
}
