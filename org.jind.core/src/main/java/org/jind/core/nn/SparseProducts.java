package org.jind.core.nn;

import org.jind.core.data.SparseMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The two products a first layer needs with a sparse input X (cells × genes, CSR): X·W for the forward pass and
 * Xᵀ·dY for the weight gradient. ND4J has no sparse arithmetic on the CPU, so these run on the Java heap, gene by
 * gene: each weight row is read once and multiplied into the output rows of the cells that express the gene
 * (inner loops over contiguous floats, which the JIT vectorises). The weights are copied between ND4J and the
 * heap with one bulk copy per call. Cost: about non-zeros × outputs multiply-adds plus the copies, against
 * cells × genes × outputs for the dense product.
 */
public final class SparseProducts {
    private SparseProducts() {
    }

    /** X·W as an ND4J matrix (cells × W's columns). */
    public static INDArray times(SparseMatrix x, INDArray w) {
        return times(x, Tensors.toArray(w), (int) w.columns());
    }

    /** X·W for W given as a row-major Java array with {@code out} columns. */
    public static INDArray times(SparseMatrix x, float[] weights, int out) {
        float[] y = new float[x.rows() * out];
        SparseMatrix byGene = x.transpose(); // rows are genes, "columns" the cells expressing them
        for (int gene = 0; gene < byGene.rows(); gene++) {
            int wBase = gene * out;
            for (int k = byGene.rowStart(gene); k < byGene.rowEnd(gene); k++) {
                float v = byGene.value(k);
                int yBase = byGene.colIndex(k) * out;
                for (int j = 0; j < out; j++) {
                    y[yBase + j] += v * weights[wBase + j];
                }
            }
        }
        return Tensors.matrix(y, x.rows(), out);
    }

    /** {@code acc += Xᵀ·dY}; only the rows of acc for genes some cell expresses change. */
    public static void addTransposeTimes(SparseMatrix x, INDArray dy, INDArray acc) {
        addTransposeTimes(x, dy, acc, new float[(int) acc.length()]);
    }

    /** As {@link #addTransposeTimes(SparseMatrix, INDArray, INDArray)}, with a reusable Java buffer of acc's size. */
    public static void addTransposeTimes(SparseMatrix x, INDArray dy, INDArray acc, float[] sum) {
        int out = (int) dy.columns();
        float[] grad = Tensors.toArray(dy);
        Tensors.copyTo(acc, sum);
        SparseMatrix byGene = x.transpose();
        for (int gene = 0; gene < byGene.rows(); gene++) {
            int aBase = gene * out;
            for (int k = byGene.rowStart(gene); k < byGene.rowEnd(gene); k++) {
                float v = byGene.value(k);
                int gBase = byGene.colIndex(k) * out;
                for (int j = 0; j < out; j++) {
                    sum[aBase + j] += v * grad[gBase + j];
                }
            }
        }
        Tensors.copyInto(sum, acc);
    }
}
