package io.mechanist.store.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Date;
import java.util.Map;

import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.core.tensor.DType;
import io.mechanist.core.tensor.SafetensorsFile;
import io.mechanist.core.tensor.SafetensorsWriter;
import io.mechanist.model.AnalysisResult;
import io.mechanist.model.MechanistFactory;
import io.mechanist.model.Provenance;
import io.mechanist.model.ResultArray;
import io.mechanist.model.StoredVector;
import io.mechanist.store.StoreCorruptionException;

/** Files of stored vectors ({@code vectors/<id>.safetensors}) and result arrays ({@code results/<id>.safetensors}). */
public final class VectorFiles {

    /** What is needed to read a vector without holding the model lock. */
    public record Snapshot(String id, String name, String siteId, String method, Path file, String tensor,
            String sha256, Map<String, String> parameters) {
    }

    /** Where a result array lives. */
    public record ArrayLocation(Path file, String element, String sha256, String tensor, int[] shape) {
    }

    private VectorFiles() {
    }

    /** Writes the vector file atomically and returns the (uncommitted) model object describing it. */
    public static StoredVector write(StorePaths paths, String id, String name, String siteId, String method,
            float[] values, Map<String, String> parameters) throws IOException {
        ShardLayout.checkId(id);
        Path dir = Files.createDirectories(paths.requireInsideOnDisk(paths.root().resolve(ShardLayout.VECTORS),
                "folder"));
        String relative = ShardLayout.VECTORS + "/" + id + ".safetensors";
        SafetensorsWriter writer = new SafetensorsWriter().metadata("site", siteId).metadata("method", method)
                .add(ShardLayout.VECTOR_TENSOR, DType.F32, new long[] {values.length}, values);
        AtomicFiles.Written written = AtomicFiles.write(dir.resolve(id + ".safetensors"), writer::writeTo);
        double sum = 0;
        for (float v : values) {
            sum += (double) v * v;
        }
        StoredVector vector = MechanistFactory.eINSTANCE.createStoredVector();
        vector.setId(id);
        vector.setName(name);
        vector.setSiteId(siteId);
        vector.setMethod(method);
        vector.setDimension(values.length);
        vector.setNorm(Math.sqrt(sum));
        vector.setFile(relative);
        vector.setTensorName(ShardLayout.VECTOR_TENSOR);
        vector.setSha256(written.sha256());
        vector.setCreatedAt(new Date());
        Provenance provenance = MechanistFactory.eINSTANCE.createProvenance();
        provenance.setCreatedAt(new Date());
        provenance.setTool("mechanist");
        provenance.getParameters().putAll(parameters);
        vector.setProvenance(provenance);
        return vector;
    }

    /** What is needed to read a vector; its file checked to be one of the store's. */
    public static Snapshot snapshot(StorePaths paths, StoredVector vector) throws StoreCorruptionException {
        Map<String, String> parameters = vector.getProvenance() == null ? Map.of() : vector.getProvenance().getParameters().map();
        return new Snapshot(vector.getId(), vector.getName(), vector.getSiteId(), vector.getMethod(),
                paths.vectorFile(vector), vector.getTensorName(), vector.getSha256(), Map.copyOf(parameters));
    }

    public static StoredVectorData read(StorePaths paths, Snapshot snapshot) throws IOException {
        try (SafetensorsFile tensors = paths.openInside(snapshot.file(), "file of vector '" + snapshot.id() + "'",
                file -> {
                    CaptureReader.verifyFile(file, -1, snapshot.sha256());
                    return SafetensorsFile.open(file);
                })) {
            return new StoredVectorData(snapshot.id(), snapshot.name(), snapshot.siteId(), snapshot.method(),
                    tensors.readFloats(snapshot.tensor()), snapshot.parameters());
        }
    }

    /** Where an array of a result is; its file checked to be one of the store's. */
    public static ArrayLocation arrayLocation(StorePaths paths, AnalysisResult result, String arrayName)
            throws StoreCorruptionException {
        ResultArray array = result.getArrays().stream().filter(a -> arrayName.equals(a.getName())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("analysis result " + result.getId() + " has no array '"
                        + arrayName + "'; it has " + result.getArrays().stream().map(ResultArray::getName).toList()));
        return new ArrayLocation(paths.resultArraysFile(result), "arrays file of analysis result '" + result.getId() + "'",
                result.getArraysSha256(), array.getTensorName(),
                array.getShape().stream().mapToInt(Integer::intValue).toArray());
    }

    public static float[] readArray(StorePaths paths, ArrayLocation location) throws IOException {
        try (SafetensorsFile tensors = paths.openInside(location.file(), location.element(), file -> {
            CaptureReader.verifyFile(file, -1, location.sha256());
            return SafetensorsFile.open(file);
        })) {
            Path file = tensors.path();
            if (location.tensor() == null || !tensors.contains(location.tensor())) {
                throw new StoreCorruptionException(file, "has no tensor '" + location.tensor() + "'");
            }
            long expected = 1;
            for (int d : location.shape()) {
                expected = d < 0 ? -1 : expected * d;
                if (expected < 0 || expected > Integer.MAX_VALUE) {
                    throw new StoreCorruptionException(file, location.element() + " records the impossible shape "
                            + java.util.Arrays.toString(location.shape()) + " for tensor '" + location.tensor() + "'");
                }
            }
            long actual = tensors.info(location.tensor()).elementCount();
            if (actual != expected) {
                throw new StoreCorruptionException(file, "tensor '" + location.tensor() + "' has " + actual
                        + " values, but store.xmi records the shape " + java.util.Arrays.toString(location.shape()));
            }
            return tensors.readFloats(location.tensor());
        }
    }
}
