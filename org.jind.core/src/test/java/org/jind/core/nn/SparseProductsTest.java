package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Random;

import org.jind.core.data.SparseMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.junit.Test;

/**
 * The blocked sparse products against a plain double-precision computation, on shapes that cross the gene and
 * cell blocks (600 cells, 700 genes: 3 gene blocks and 3 cell blocks, the last ones partial), with empty rows,
 * rows of every length modulo 4 and a band of genes no cell expresses. Tolerance: float32 sums of at most ~140
 * products of magnitude ≤ 3 differ from the exact sum by far less than 1e-3; a wrong row, block or tail changes
 * entries by whole products (≥ 0.01).
 */
public class SparseProductsTest {
    private static final int CELLS = 600;
    private static final int GENES = 700;
    private static final int OUT = 37;

    private static SparseMatrix data(Random r) {
        SparseMatrix.Builder b = new SparseMatrix.Builder(GENES);
        for (int c = 0; c < CELLS; c++) {
            double density = c % 50 == 0 ? 0 : 0.01 + 0.3 * r.nextDouble();
            for (int g = 0; g < GENES; g++) {
                boolean silentBand = g >= 300 && g < 560; // a whole gene block without values
                if (!silentBand && r.nextDouble() < density) {
                    b.add(g, 0.1f + 2.9f * r.nextFloat());
                }
            }
            b.endRow();
        }
        return b.build();
    }

    private static float[][] rows(int n, int m, Random r) {
        float[][] a = new float[n][m];
        for (float[] row : a) {
            for (int j = 0; j < m; j++) {
                row[j] = (float) r.nextGaussian();
            }
        }
        return a;
    }

    @Test
    public void timesEqualsThePlainProduct() {
        Random r = new Random(7);
        SparseMatrix x = data(r);
        float[][] w = rows(GENES, OUT, r);
        float[] y = SparseProducts.times(x, w, OUT);
        for (int c = 0; c < CELLS; c++) {
            for (int j = 0; j < OUT; j++) {
                double exact = 0;
                for (int k = x.rowStart(c); k < x.rowEnd(c); k++) {
                    exact += (double) x.value(k) * w[x.colIndex(k)][j];
                }
                assertEquals("cell " + c + ", output " + j, exact, y[c * OUT + j], 1e-3);
            }
        }
    }

    @Test
    public void eachCellsResultIsTheSameInAnyChunk() {
        Random r = new Random(8);
        SparseMatrix x = data(r);
        float[][] w = rows(GENES, OUT, r);
        float[] whole = SparseProducts.times(x, w, OUT);
        for (int from = 0; from < CELLS; from += 113) {
            int n = Math.min(113, CELLS - from);
            float[] part = SparseProducts.times(x.rowRange(from, n), w, OUT);
            float[] expected = java.util.Arrays.copyOfRange(whole, from * OUT, (from + n) * OUT);
            assertArrayEquals("cells from " + from, expected, part, 0f);
        }
    }

    @Test
    public void addTransposeTimesAddsThePlainProduct() {
        Random r = new Random(9);
        SparseMatrix x = data(r);
        float[][] dy = rows(CELLS, OUT, r);
        float[][] acc = rows(GENES, OUT, r);
        float[][] before = new float[GENES][];
        for (int g = 0; g < GENES; g++) {
            before[g] = acc[g].clone();
        }
        SparseProducts.addTransposeTimes(x, dy, acc);
        double[][] exact = new double[GENES][OUT];
        for (int c = 0; c < CELLS; c++) {
            for (int k = x.rowStart(c); k < x.rowEnd(c); k++) {
                for (int j = 0; j < OUT; j++) {
                    exact[x.colIndex(k)][j] += (double) x.value(k) * dy[c][j];
                }
            }
        }
        for (int g = 0; g < GENES; g++) {
            for (int j = 0; j < OUT; j++) {
                assertEquals("gene " + g + ", output " + j, before[g][j] + exact[g][j], acc[g][j], 2e-3);
            }
        }
        assertArrayEquals("a gene no cell expresses keeps its row", before[400], acc[400], 0f);
    }

    /** The shift's share of a weight gradient equals, bit for bit, the rank-one product BLAS adds to the gradient. */
    @Test
    public void addOuterRoundsAsBlasAccumulates() {
        Random r = new Random(13);
        int genes = 700;
        float[] s = rows(1, genes, r)[0];
        s[3] = 0;
        float[] d = rows(1, 512, r)[0];
        float[][] acc = rows(genes, 512, r);
        INDArray blas = Tensors.matrix(flat(acc), genes, 512);
        Nd4j.gemm(Tensors.matrix(s, 1, genes), Tensors.matrix(d, 1, 512), blas, true, false, 1.0, 1.0);
        SparseProducts.addOuter(s, d, acc);
        assertArrayEquals(Tensors.toArray(blas), flat(acc), 0f);
    }

    private static float[] flat(float[][] rows) {
        float[] out = new float[rows.length * rows[0].length];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * rows[0].length, rows[0].length);
        }
        return out;
    }
}
