package io.mechanist.runtime.reference.tests;

import io.mechanist.core.tensor.DType;
import io.mechanist.runtime.reference.ArchitectureFamily;
import io.mechanist.runtime.reference.ReferenceForward;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.runtime.reference.SiteIds;
import io.mechanist.testing.checkpoints.TinyCheckpoints;
import io.mechanist.testing.checkpoints.TinyCheckpoints.Options;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Java reference against an independently written numpy forward pass: every hook site and attention pattern
 * must agree to 1e-9 in double precision.
 */
class NumpyAgreementTest {

    private static final double TOLERANCE = 1e-9;

    @TempDir
    Path temp;

    @BeforeAll
    static void numpyAvailable() {
        PythonReference.requireNumpy();
    }

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void everySiteMatchesNumpyOnTheSamplePrompt(ArchitectureFamily family) throws Exception {
        compare(family, Options.DEFAULT, TinyCheckpoints.sampleTokenIds(family), 7);
    }

    static Stream<Arguments> storageVariants() {
        return Stream.of(
                Arguments.of(ArchitectureFamily.GPT2, new Options(DType.F16, true)),
                Arguments.of(ArchitectureFamily.LLAMA, new Options(DType.BF16, true)),
                Arguments.of(ArchitectureFamily.GEMMA2, new Options(DType.BF16, false)),
                Arguments.of(ArchitectureFamily.GEMMA3_TEXT, new Options(DType.F16, true)),
                Arguments.of(ArchitectureFamily.QWEN2, new Options(DType.BF16, true)));
    }

    @ParameterizedTest
    @MethodSource("storageVariants")
    void halfPrecisionAndShardedCheckpointsMatchNumpy(ArchitectureFamily family, Options options) throws Exception {
        compare(family, options, TinyCheckpoints.sampleTokenIds(family), 11);
    }

    @ParameterizedTest
    @EnumSource(ArchitectureFamily.class)
    void aSingleTokenPromptMatchesNumpy(ArchitectureFamily family) throws Exception {
        compare(family, Options.DEFAULT, new int[] {TinyCheckpoints.addsBos(family) ? 2 : 9}, 3);
    }

    private void compare(ArchitectureFamily family, Options options, int[] ids, long seed) throws Exception {
        Path dir = TinyCheckpoints.write(family, temp.resolve(family.modelType()), seed, options);
        ReferenceForward java = ReferenceModel.load(dir).run(ids);
        PythonReference.Result numpy = PythonReference.numpy(dir, ids, temp);

        assertEquals(java.siteIds(), numpy.sites().keySet(), "both sides record the same sites in order");
        for (String site : java.siteIds()) {
            Checks.assertClose(numpy.sites().get(site), java.activation(site), TOLERANCE, family + " " + site);
        }
        for (int layer = 0; layer < java.layerCount(); layer++) {
            double[][][] expected = numpy.patterns().get(layer);
            double[][][] actual = java.attentionPattern(layer);
            assertEquals(expected.length, actual.length, "heads");
            for (int h = 0; h < expected.length; h++) {
                Checks.assertClose(expected[h], actual[h], TOLERANCE,
                        family + " " + SiteIds.attnPattern(layer) + " head " + h);
            }
        }
        assertTrue(Checks.maxAbs(java.logits()) > 0.5, "logits are not trivially small");
    }
}
