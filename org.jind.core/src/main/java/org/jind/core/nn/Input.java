package org.jind.core.nn;

import org.jind.core.data.SparseMatrix;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A minibatch of cells as a first layer takes it: dense (an ND4J matrix) or sparse (CSR rows on the Java heap).
 * A sparse batch makes the first layers' cost grow with its non-zeros instead of cells × genes; see
 * {@link SparseProducts} and {@code Batches} for when each form is chosen.
 */
public final class Input {
    private final INDArray dense;
    private final SparseMatrix sparse;

    private Input(INDArray dense, SparseMatrix sparse) {
        this.dense = dense;
        this.sparse = sparse;
    }

    public static Input dense(INDArray x) {
        return new Input(x, null);
    }

    public static Input sparse(SparseMatrix x) {
        return new Input(null, x);
    }

    public boolean isSparse() {
        return sparse != null;
    }

    /** The dense matrix; only for a dense input. */
    public INDArray dense() {
        if (dense == null) {
            throw new IllegalStateException("a sparse input has no dense matrix");
        }
        return dense;
    }

    /** The CSR rows; only for a sparse input. */
    public SparseMatrix sparse() {
        if (sparse == null) {
            throw new IllegalStateException("a dense input has no CSR rows");
        }
        return sparse;
    }

    public int rows() {
        return sparse != null ? sparse.rows() : (int) dense.rows();
    }
}
