package org.jind.core.prep;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.junit.Test;

public class PreprocessingTest {

    static Dataset data(float[][] x, String... genes) {
        String[] ids = new String[x.length];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = "c" + i;
        }
        return new Dataset(SparseMatrix.fromDense(x), ids, genes, Map.of(), "test");
    }

    @Test
    public void countsAreNormalisedToTenThousandThenLogged() {
        // row sums 10 and 4
        Dataset d = data(new float[][] {{1, 9, 0}, {2, 0, 2}}, "a", "b", "c");
        Preprocessing.Fitted f = Preprocessing.fit(d, null, 3);
        assertTrue(f.plan().counts());
        // value for cell 0, gene a: log1p(1 / (10 + 1e-5) * 1e4)
        double expected = Math.log1p(1 / (10 + 1e-5) * 1e4);
        int col = List.of(f.plan().selectedGenes()).indexOf("a");
        assertEquals(expected, f.x().get(0, col), 1e-5);
        assertEquals(Math.log1p(2 / (4 + 1e-5) * 1e4), f.x().get(1, col), 1e-5);
        assertEquals(0f, f.x().get(1, List.of(f.plan().selectedGenes()).indexOf("b")), 0f);
    }

    @Test
    public void nonIntegerValuesAreUsedAsGiven() {
        Dataset d = data(new float[][] {{0.5f, 1f}, {1.5f, 0f}}, "a", "b");
        Preprocessing.Fitted f = Preprocessing.fit(d, null, 2);
        assertFalse(f.plan().counts());
        int a = List.of(f.plan().selectedGenes()).indexOf("a");
        assertEquals(0.5f, f.x().get(0, a), 0f);
        assertEquals(1.5f, f.x().get(1, a), 0f);
    }

    @Test
    public void genesAreKeptInDescendingVarianceOrder() {
        // population variances: a: values 0,2 -> 1 ; b: 0,4 -> 4 ; c: 1,3 -> 1 ; d: 5,5 -> 0
        float[] var = Preprocessing.variances(SparseMatrix.fromDense(new float[][] {{0, 0, 1, 5}, {2, 4, 3, 5}}));
        assertArrayEquals(new float[] {1, 4, 1, 0}, var, 0f);
        // up to 16 genes NumPy's argsort is an insertion sort: ties keep their order
        assertArrayEquals(new int[] {1, 0, 2}, Preprocessing.topByVariance(var, 3));
    }

    @Test
    public void varianceIsComputedInSinglePrecisionCellByCell() {
        // np.var(np.float32([.1, .2, .3])) is 0.0066666678f; in double precision (rounded to float) it would be
        // 0.0066666673f, and that one bit can reorder genes
        float[] var = Preprocessing.variances(SparseMatrix.fromDense(new float[][] {{0.1f}, {0.2f}, {0.3f}}));
        assertEquals(0.0066666678f, var[0], 0f);
        assertNotEquals(0.0066666673f, var[0], 0f);
    }

    @Test
    public void tiedVariancesFollowNumpysQuicksortBeyondSixteenGenes() {
        // np.argsort(np.ones(17, np.float32)): one partition step, then insertion sorts
        float[] equal = new float[17];
        Arrays.fill(equal, 0.5f);
        assertArrayEquals(new int[] {0, 14, 13, 12, 11, 10, 9, 15, 8, 6, 5, 4, 3, 2, 1, 7, 16},
                Preprocessing.topByVariance(equal, 17));
    }

    @Test
    public void commonGenesAreSortedByNameAndSelectionFollowsVariance() {
        Dataset d = data(new float[][] {{0.5f, 0.1f, 3f}, {0.5f, 0.2f, 0f}}, "zeta", "beta", "alpha");
        Preprocessing.Fitted f = Preprocessing.fit(d, List.of(Set.of("alpha", "beta", "other")), 5);
        assertArrayEquals(new String[] {"alpha", "beta"}, f.plan().libraryGenes());
        assertArrayEquals(new String[] {"alpha", "beta"}, f.plan().selectedGenes()); // alpha varies most
    }

    @Test
    public void applyReindexesAndNormalisesWithTheLibraryGenes() {
        Dataset src = data(new float[][] {{1, 3, 0}, {4, 0, 4}}, "a", "b", "c");
        Preprocessing.Plan plan = Preprocessing.fit(src, null, 2).plan();
        // new batch: other gene order plus an extra gene that is not in the library
        Dataset batch = data(new float[][] {{5, 2, 1, 1}}, "extra", "c", "b", "a");
        List<String> warnings = new ArrayList<>();
        SparseMatrix x = Preprocessing.apply(plan, batch, false, warnings);
        assertTrue(warnings.isEmpty());
        double libSize = 1 + 1 + 2; // a + b + c, not the extra gene
        for (int j = 0; j < plan.selectedGenes().length; j++) {
            float raw = switch (plan.selectedGenes()[j]) {
                case "a" -> 1;
                case "b" -> 1;
                default -> 2;
            };
            assertEquals(Math.log1p(raw / (libSize + 1e-5) * 1e4), x.get(0, j), 1e-5);
        }
    }

    @Test
    public void missingGenesAreAnErrorUnlessZeroFilled() {
        Dataset src = data(new float[][] {{1, 3}, {4, 1}}, "a", "b");
        Preprocessing.Plan plan = Preprocessing.fit(src, null, 2).plan();
        Dataset batch = data(new float[][] {{5}}, "a");
        try {
            Preprocessing.apply(plan, batch, false, new ArrayList<>());
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("1 of the model's 2 genes are missing"));
            assertTrue(e.getMessage(), e.getMessage().contains("'b'"));
            assertTrue(e.getMessage(), e.getMessage().contains("--fill-missing-genes"));
        }
        List<String> warnings = new ArrayList<>();
        SparseMatrix x = Preprocessing.apply(plan, batch, true, warnings);
        assertEquals(1, warnings.size());
        assertEquals(0f, x.get(0, List.of(plan.selectedGenes()).indexOf("b")), 0f);
    }

    @Test
    public void negativeCountsAreRejected() {
        Dataset d = data(new float[][] {{1, -2}, {3, 4}}, "a", "b");
        try {
            Preprocessing.fit(d, null, 2);
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("Negative values"));
        }
    }

    /** Counts 1–300 (most below the 64 whose transform is remembered per cell), halves and a large cell total. */
    @Test
    public void rememberedCountTransformsEqualTheDirectOnesBitForBit() {
        java.util.Random r = new java.util.Random(4);
        SparseMatrix.Builder b = new SparseMatrix.Builder(400);
        for (int cell = 0; cell < 300; cell++) {
            for (int g = 0; g < 400; g++) {
                if (r.nextInt(5) == 0) {
                    int count = r.nextInt(10) == 0 ? 1 + r.nextInt(300) : 1 + r.nextInt(6);
                    b.add(g, cell % 7 == 0 ? count + 0.5f : count);
                }
            }
            b.endRow();
        }
        SparseMatrix x = b.build();
        double[] sums = x.rowSums();
        SparseMatrix y = Preprocessing.normalise(x, sums);
        for (int cell = 0; cell < x.rows(); cell++) {
            for (int k = x.rowStart(cell); k < x.rowEnd(cell); k++) {
                float direct = (float) Math.log1p(x.value(k) / (sums[cell] + Preprocessing.PSEUDO_TOTAL)
                        * Preprocessing.SCALE);
                assertEquals("cell " + cell + ", value " + x.value(k), Float.floatToIntBits(direct),
                        Float.floatToIntBits(y.value(k)));
            }
        }
    }

    /** Columns far denser than the rest (the arrays then grow past their first size) and columns in a new order. */
    @Test
    public void selectColumnsKeepsExactlyTheChosenValuesInOrder() {
        java.util.Random r = new java.util.Random(5);
        float[][] dense = new float[200][500];
        for (float[] row : dense) {
            for (int g = 0; g < row.length; g++) {
                double p = g % 50 == 0 ? 0.95 : 0.02;
                row[g] = r.nextDouble() < p ? 1 + r.nextInt(9) : 0;
            }
        }
        int[] chosen = {450, 0, 100, 7, -1, 50, 499, 250};
        SparseMatrix s = SparseMatrix.fromDense(dense).selectColumns(chosen);
        assertEquals(chosen.length, s.cols());
        for (int cell = 0; cell < dense.length; cell++) {
            int last = -1;
            for (int k = s.rowStart(cell); k < s.rowEnd(cell); k++) {
                assertTrue("columns increase within a row", s.colIndex(k) > last);
                last = s.colIndex(k);
            }
            for (int j = 0; j < chosen.length; j++) {
                float expected = chosen[j] < 0 ? 0 : dense[cell][chosen[j]];
                assertEquals("cell " + cell + ", column " + j, expected, s.get(cell, j), 0f);
            }
        }
    }
}
