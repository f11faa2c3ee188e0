package io.mechanist.steering.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.mechanist.core.activations.ActivationSet;
import io.mechanist.core.activations.PromptInfo;
import io.mechanist.core.activations.StoredVectorData;
import io.mechanist.runtime.reference.ReferenceModel;
import io.mechanist.steering.ContrastPair;
import io.mechanist.steering.SteeringVector;
import io.mechanist.steering.SteeringVectorFiles;
import io.mechanist.steering.SteeringVectors;
import io.mechanist.store.ActivationStore;

/** Difference of means and PCA vectors against plain double computations; the random control; files and store. */
class VectorMathTest {

    @TempDir
    static Path dir;
    static Path checkpoint;
    static ActivationStore store;

    @BeforeAll
    static void setUp() throws Exception {
        checkpoint = SteeringFixtures.checkpoint(dir);
        store = SteeringFixtures.store(dir.resolve("store"), checkpoint);
    }

    @Test
    void meanDifferenceEqualsTheReferenceModelsDoubleMean() throws Exception {
        ReferenceModel reference = ReferenceModel.load(checkpoint);
        List<PromptInfo> prompts = SteeringFixtures.prompts();
        try (ActivationSet capture = store.openCapture(SteeringFixtures.CAPTURE)) {
            List<ContrastPair> pairs = ContrastPair.find(capture.prompts(), capture.promptCount(), "matching", "true");
            assertEquals(6, pairs.size());
            for (int layer = 0; layer < 2; layer++) {
                String site = "blocks." + layer + ".resid_post";
                SteeringVector v = SteeringVectors.meanDifference(capture, site, -1, pairs);
                double[] expected = new double[32];
                for (ContrastPair pair : pairs) {
                    assertEquals("true", prompts.get(pair.positive()).label("matching"));
                    double[][] pos = reference.run(prompts.get(pair.positive()).tokenIds()).activation(site);
                    double[][] neg = reference.run(prompts.get(pair.negative()).tokenIds()).activation(site);
                    for (int j = 0; j < 32; j++) {
                        expected[j] += (pos[pos.length - 1][j] - neg[neg.length - 1][j]) / pairs.size();
                    }
                }
                for (int j = 0; j < 32; j++) {
                    assertEquals(expected[j], v.values()[j], 1e-4, site + " component " + j);
                }
                assertTrue(v.norm() > 1e-3, "the pairs differ at the answer token");
                assertEquals("mean-difference", v.method());
                assertEquals(Integer.toString(layer), v.provenance().get("layer"));
                assertEquals("-1", v.provenance().get("position"));
                assertEquals(SteeringFixtures.CAPTURE, v.provenance().get("sourceCapture"));
                assertEquals("pair0,pair1,pair2,pair3,pair4,pair5", v.provenance().get("pairs"));
            }
        }
    }

    @Test
    void pcaIsTheLeadingEigenvectorOfTheDifferenceCovariance() throws Exception {
        try (ActivationSet capture = store.openCapture(SteeringFixtures.CAPTURE)) {
            List<ContrastPair> pairs = ContrastPair.find(capture.prompts(), capture.promptCount(), "matching", "true");
            String site = "blocks.1.resid_post";
            SteeringVector v = SteeringVectors.pcaOfDifferences(capture, site, -1, pairs);
            int d = 32;
            double[][] diffs = new double[pairs.size()][d];
            float[] a = new float[d];
            float[] b = new float[d];
            double[] mean = new double[d];
            for (int i = 0; i < pairs.size(); i++) {
                capture.readRow(site, pairs.get(i).positive(), -1, a, 0);
                capture.readRow(site, pairs.get(i).negative(), -1, b, 0);
                for (int j = 0; j < d; j++) {
                    diffs[i][j] = (double) a[j] - b[j];
                    mean[j] += diffs[i][j] / pairs.size();
                }
            }
            double[][] cov = new double[d][d];
            for (double[] row : diffs) {
                for (int r = 0; r < d; r++) {
                    for (int c = 0; c < d; c++) {
                        cov[r][c] += (row[r] - mean[r]) * (row[c] - mean[c]);
                    }
                }
            }
            double[] top = jacobiTopEigenvector(cov);
            double projection = 0;
            for (int j = 0; j < d; j++) {
                projection += top[j] * mean[j];
            }
            double sign = Math.signum(projection);
            for (int j = 0; j < d; j++) {
                assertEquals(sign * top[j] * Math.abs(projection), v.values()[j], 1e-4, "component " + j);
            }
        }
    }

    @Test
    void randomControlHasTheRequestedNormAndIsSeeded() {
        SteeringVector a = SteeringVectors.random("blocks.0.resid_post", 768, 42.5, 9);
        SteeringVector b = SteeringVectors.random("blocks.0.resid_post", 768, 42.5, 9);
        SteeringVector c = SteeringVectors.random("blocks.0.resid_post", 768, 42.5, 10);
        assertEquals(42.5, a.norm(), 42.5 * 1e-6);
        assertArrayEquals(a.values(), b.values());
        assertFalse(Arrays.equals(a.values(), c.values()));
        assertEquals("9", a.provenance().get("seed"));
        assertThrows(IllegalArgumentException.class, () -> SteeringVectors.random("blocks.0.resid_post", 8, -1, 1));
    }

    @Test
    void safetensorsRoundTripAndStoreKeepProvenance() throws Exception {
        try (ActivationSet capture = store.openCapture(SteeringFixtures.CAPTURE)) {
            List<ContrastPair> pairs = ContrastPair.find(capture.prompts(), capture.promptCount(), "matching", "true");
            SteeringVector v = SteeringVectors.meanDifference(capture, "blocks.0.resid_post", -1, pairs);
            Path file = dir.resolve("v.safetensors");
            SteeringVectorFiles.export(v, file);
            SteeringVector back = SteeringVectorFiles.importVector(file, null, null);
            assertArrayEquals(v.values(), back.values());
            assertEquals(v.siteId(), back.siteId());
            assertEquals(v.method(), back.method());
            assertEquals(v.provenance().get("pairs"), back.provenance().get("pairs"));

            String id = SteeringVectorFiles.save(store, "caa layer 0", v);
            StoredVectorData stored = store.readVector(id);
            assertArrayEquals(v.values(), stored.values());
            assertEquals("mean-difference", stored.method());
            assertEquals("blocks.0.resid_post", stored.siteId());
            for (String key : List.of("layer", "site", "position", "sourceCapture", "pairs", "pairCount")) {
                assertEquals(v.provenance().get(key), stored.parameters().get(key), key);
            }
            SteeringVector probe = SteeringVectors.fromStored(stored);
            assertEquals(id, probe.provenance().get("sourceVector"));
        }
    }

    @Test
    void clearErrors() throws Exception {
        List<PromptInfo> unpaired = SteeringFixtures.prompts().stream().filter(p -> p.pairId() == null).toList();
        var noPairs = assertThrows(IllegalArgumentException.class,
                () -> ContrastPair.find(unpaired, unpaired.size(), "matching", "true"));
        assertTrue(noPairs.getMessage().contains("no contrast pairs"), noPairs.getMessage());
        List<PromptInfo> all = SteeringFixtures.prompts();
        var noLabel = assertThrows(IllegalArgumentException.class,
                () -> ContrastPair.find(all, all.size(), "behaviour", "yes"));
        assertTrue(noLabel.getMessage().contains("has no label 'behaviour'"), noLabel.getMessage());
        try (ActivationSet capture = store.openCapture(SteeringFixtures.CAPTURE)) {
            var noSite = assertThrows(IllegalArgumentException.class, () -> SteeringVectors.meanDifference(capture,
                    "blocks.5.resid_post", -1, List.of(new ContrastPair("p", 0, 1))));
            assertTrue(noSite.getMessage().contains("has no site blocks.5.resid_post"), noSite.getMessage());
            var empty = assertThrows(IllegalArgumentException.class,
                    () -> SteeringVectors.meanDifference(capture, "blocks.0.resid_post", -1, List.of()));
            assertTrue(empty.getMessage().contains("no contrast pairs"), empty.getMessage());
        }
        Path bad = dir.resolve("two.safetensors");
        new io.mechanist.core.tensor.SafetensorsWriter().add("a", io.mechanist.core.tensor.DType.F32, new long[] {2},
                new float[2]).add("b", io.mechanist.core.tensor.DType.F32, new long[] {2}, new float[2]).write(bad);
        var ambiguous = assertThrows(IllegalArgumentException.class,
                () -> SteeringVectorFiles.importVector(bad, null, "blocks.0.resid_post"));
        assertTrue(ambiguous.getMessage().contains("name the one"), ambiguous.getMessage());
    }

    /** Cyclic Jacobi eigenvalue iteration on a symmetric matrix; returns the eigenvector of the largest eigenvalue. */
    private static double[] jacobiTopEigenvector(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
        }
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < 100; sweep++) {
            double off = 0;
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    off += a[p][q] * a[p][q];
                }
            }
            if (off < 1e-30) {
                break;
            }
            for (int p = 0; p < n; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (Math.abs(a[p][q]) < 1e-300) {
                        continue;
                    }
                    double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
                    double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
                    if (theta == 0) {
                        t = 1;
                    }
                    double c = 1 / Math.sqrt(t * t + 1);
                    double s = t * c;
                    for (int k = 0; k < n; k++) {
                        double akp = a[k][p];
                        double akq = a[k][q];
                        a[k][p] = c * akp - s * akq;
                        a[k][q] = s * akp + c * akq;
                    }
                    for (int k = 0; k < n; k++) {
                        double apk = a[p][k];
                        double aqk = a[q][k];
                        a[p][k] = c * apk - s * aqk;
                        a[q][k] = s * apk + c * aqk;
                    }
                    for (int k = 0; k < n; k++) {
                        double vkp = v[k][p];
                        double vkq = v[k][q];
                        v[k][p] = c * vkp - s * vkq;
                        v[k][q] = s * vkp + c * vkq;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i < n; i++) {
            if (a[i][i] > a[best][best]) {
                best = i;
            }
        }
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            out[i] = v[i][best];
        }
        return out;
    }
}
