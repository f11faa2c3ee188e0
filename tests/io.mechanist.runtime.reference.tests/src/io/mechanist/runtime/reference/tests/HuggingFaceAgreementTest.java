package io.mechanist.runtime.reference.tests;

import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyCheckpoints.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

/**
 * The reference against Hugging Face transformers itself. Opt-in: set MECHANIST_HF_PYTHON to a python executable
 * that can import torch and transformers. HF is run in float64; it still computes RMSNorm, softmax and RoPE angles in
 * float32 internally, hence a tolerance of 1e-5 rather than double precision (GPT-2, which has no such upcasts,
 * agrees to about 1e-14).
 */
class HuggingFaceAgreementTest {

    static final String PYTHON_VARIABLE = "MECHANIST_HF_PYTHON";
    private static final double TOLERANCE = 1e-5;

    @TempDir
    Path temp;

    @BeforeAll
    static void transformersAvailable() {
        String python = System.getenv(PYTHON_VARIABLE);
        if (python == null || python.isBlank()) {
            abort("set " + PYTHON_VARIABLE + " to a python with torch and transformers to compare with HF itself");
        }
        String problem = PythonReference.probe(python, "import torch, transformers");
        if (problem != null) {
            fail(PYTHON_VARIABLE + "=" + python + " is set but unusable: " + problem);
        }
    }

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void residualStreamLogitsAndPatternsMatchTransformers(ArchitectureFamily family) throws Exception {
        Path dir = TinyCheckpoints.write(family, temp.resolve(family.modelType()), 21, Options.DEFAULT);
        int[] ids = TinyCheckpoints.sampleTokenIds(family);
        ReferenceForward reference = ReferenceModel.load(dir, DType.F64).run(ids);
        PythonReference.Result hf = PythonReference.run(System.getenv(PYTHON_VARIABLE), "hf_reference.py", dir, ids,
                temp, "float64");
        assertEquals(reference.layerCount() + 3, hf.sites().size(), "embed, resid_pre per layer, final_norm, logits");
        for (Map.Entry<String, double[][]> site : hf.sites().entrySet()) {
            Checks.assertClose(site.getValue(), reference.activation(site.getKey()), TOLERANCE,
                    family + " " + site.getKey());
        }
        for (Map.Entry<Integer, double[][][]> layer : hf.patterns().entrySet()) {
            double[][][] ours = reference.attentionPattern(layer.getKey());
            for (int h = 0; h < ours.length; h++) {
                Checks.assertClose(layer.getValue()[h], ours[h], TOLERANCE,
                        family + " attention layer " + layer.getKey() + " head " + h);
            }
        }
    }
}
