package io.mechanist.steering;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.core.tensor.TensorInfo;
import io.mechanist.store.ActivationStore;

/**
 * Import/export of steering vectors as safetensors (one F32 tensor {@code [d_model]}, provenance in the header's
 * {@code __metadata__}), and saving them into an activation store.
 */
public final class SteeringVectorFiles {
    /** Name of the tensor written by {@link #export}. */
    public static final String TENSOR = "steering_vector";

    private SteeringVectorFiles() {
    }

    /** Writes {@code vector} to {@code file} atomically; metadata keys: site, method and the provenance. */
    public static void export(SteeringVector vector, Path file) throws IOException {
        SafetensorsWriter writer = new SafetensorsWriter();
        writer.metadata("site", vector.siteId());
        writer.metadata("method", vector.method());
        vector.provenance().forEach((k, v) -> {
            if (!k.equals("site") && !k.equals("method")) {
                writer.metadata(k, v);
            }
        });
        writer.add(TENSOR, DType.F32, new long[] {vector.width()}, vector.values());
        writer.writeAtomically(file);
    }

    /**
     * Reads a vector from a safetensors file: tensor {@code tensorName} (or, when null, the only tensor of the file),
     * which must be 1-dimensional, or [1, d_model]. The site comes from metadata "site" unless {@code siteId} is given.
     *
     * @throws IllegalArgumentException naming the file when the tensor is missing, ambiguous, of the wrong shape, or
     *     no site is known
     */
    public static SteeringVector importVector(Path file, String tensorName, String siteId) throws IOException {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            String name = tensorName;
            if (name == null) {
                if (st.tensorNames().size() != 1) {
                    throw new IllegalArgumentException(file + " holds tensors " + st.tensorNames()
                            + "; name the one to import");
                }
                name = st.tensorNames().get(0);
            }
            TensorInfo info = st.info(name);
            long[] shape = info.shape();
            if (!(shape.length == 1 || (shape.length == 2 && shape[0] == 1))) {
                throw new IllegalArgumentException(file + ", tensor " + name + ": shape " + java.util.Arrays.toString(shape)
                        + " is not a vector [d_model]");
            }
            String site = siteId != null ? siteId : st.metadata().get("site");
            if (site == null) {
                throw new IllegalArgumentException(file + " has no 'site' metadata; give the hook site the vector belongs to");
            }
            Map<String, String> provenance = new LinkedHashMap<>(st.metadata());
            provenance.remove("site");
            String method = provenance.getOrDefault("method", "imported");
            provenance.remove("method");
            provenance.put("importedFrom", file.toAbsolutePath().toString());
            provenance.put("importedTensor", name);
            return new SteeringVector(site, method, st.readFloats(name), provenance);
        }
    }

    /**
     * Saves {@code vector} into {@code store} with its provenance; the source capture is linked when the provenance
     * names one ({@code sourceCapture}).
     *
     * @return the stored vector's id
     */
    public static String save(ActivationStore store, String name, SteeringVector vector) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>(vector.provenance());
        parameters.putIfAbsent("site", vector.siteId());
        parameters.putIfAbsent("method", vector.method());
        return store.saveVector(name, vector.siteId(), vector.method(), vector.values(), parameters,
                vector.provenance().get("sourceCapture"));
    }
}
