package org.jind.core.nn;

import java.util.Arrays;

import org.jind.core.data.SparseMatrix;

/**
 * The two products a first layer needs with a sparse input X (cells × genes, CSR): X·W for the forward pass and
 * Xᵀ·dY for the weight gradient. ND4J has no sparse arithmetic on the CPU, so these run on the Java heap. Cost:
 * about non-zeros × outputs multiply-adds, against cells × genes × outputs for the dense product.
 * <p>
 * Two things make these loops fast, both measured (JDK 17 and 25, AMD EPYC): <ul>
 * <li>Every inner loop reads and writes whole rows at the same index ({@code y[j] += v·w[j]}, each row its own
 * array). With an offset into a flat array ({@code y[a + j] += v·w[b + j]}) the JIT cannot rule out that the
 * two overlap and does not vectorise: 1.7 instead of 6–8 billion multiply-adds per second.</li>
 * <li>Four non-zeros share one pass over the output row, and the weight rows are taken a block of genes at a
 * time, so the block stays in the processor's cache while every cell of a cell block uses it.</li></ul>
 * Each cell's sums run in a fixed order that depends on its own row only, so results do not depend on the
 * batch or chunk a cell arrives in.
 */
public final class SparseProducts {
    /** Genes per block: 256 rows of 512 floats are 512 KB, a level-2 cache. */
    static final int GENE_BLOCK = 256;
    /** Cells per block: their output rows stay in cache across the gene blocks. */
    static final int CELL_BLOCK = 256;

    private SparseProducts() {
    }

    /** X·W for W given as rows (one per gene, all {@code out} long), as a row-major cells × out array. */
    public static float[] times(SparseMatrix x, float[][] w, int out) {
        int cells = x.rows();
        float[] y = new float[cells * out];
        int blockCells = Math.min(CELL_BLOCK, cells);
        float[][] acc = new float[blockCells][out];
        int[] cursor = new int[blockCells];
        for (int c0 = 0; c0 < cells; c0 += CELL_BLOCK) {
            int n = Math.min(CELL_BLOCK, cells - c0);
            for (int i = 0; i < n; i++) {
                cursor[i] = x.rowStart(c0 + i);
                Arrays.fill(acc[i], 0f);
            }
            for (int g0 = 0; g0 < x.cols(); g0 += GENE_BLOCK) {
                int blockEnd = g0 + GENE_BLOCK;
                for (int i = 0; i < n; i++) {
                    int from = cursor[i];
                    int rowEnd = x.rowEnd(c0 + i);
                    int to = from;
                    while (to < rowEnd && x.colIndex(to) < blockEnd) { // columns are increasing within a row
                        to++;
                    }
                    if (to > from) {
                        addRows(acc[i], x, from, to, w);
                    }
                    cursor[i] = to;
                }
            }
            for (int i = 0; i < n; i++) {
                System.arraycopy(acc[i], 0, y, (c0 + i) * out, out);
            }
        }
        return y;
    }

    /** {@code acc += Σ_k value(k) · rows[index(k)]} over the stored entries {@code [from, to)} of {@code m}. */
    private static void addRows(float[] acc, SparseMatrix m, int from, int to, float[][] rows) {
        int n = acc.length;
        int k = from;
        for (; k + 3 < to; k += 4) {
            float v0 = m.value(k);
            float v1 = m.value(k + 1);
            float v2 = m.value(k + 2);
            float v3 = m.value(k + 3);
            float[] r0 = rows[m.colIndex(k)];
            float[] r1 = rows[m.colIndex(k + 1)];
            float[] r2 = rows[m.colIndex(k + 2)];
            float[] r3 = rows[m.colIndex(k + 3)];
            for (int j = 0; j < n; j++) {
                acc[j] += v0 * r0[j] + v1 * r1[j] + v2 * r2[j] + v3 * r3[j];
            }
        }
        for (; k < to; k++) {
            float v = m.value(k);
            float[] r = rows[m.colIndex(k)];
            for (int j = 0; j < n; j++) {
                acc[j] += v * r[j];
            }
        }
    }

    /**
     * {@code acc += Xᵀ·dY} with acc as rows (one per gene) and dY as rows (one per cell); only the rows of genes
     * some cell expresses change.
     */
    public static void addTransposeTimes(SparseMatrix x, float[][] dy, float[][] acc) {
        SparseMatrix byGene = x.transpose(); // rows are genes, "columns" the cells expressing them
        for (int gene = 0; gene < byGene.rows(); gene++) {
            int from = byGene.rowStart(gene);
            int to = byGene.rowEnd(gene);
            if (to > from) {
                addRows(acc[gene], byGene, from, to, dy);
            }
        }
    }

    /**
     * {@code acc += sᵀ·d} (one row per entry of s): the shift's share of a first layer's weight gradient. Each value
     * is rounded as BLAS rounds this rank-one product, {@code acc + (s·d)}, so the result does not depend on where
     * the gradient is accumulated.
     */
    public static void addOuter(float[] s, float[] d, float[][] acc) {
        for (int i = 0; i < s.length; i++) {
            float si = s[i];
            float[] row = acc[i];
            for (int j = 0; j < d.length; j++) {
                row[j] += si * d[j];
            }
        }
    }
}
