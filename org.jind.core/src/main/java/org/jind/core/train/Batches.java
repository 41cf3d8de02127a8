package org.jind.core.train;

import org.jind.core.data.SparseMatrix;
import org.jind.core.nn.Input;
import org.jind.core.nn.Tensors;

/**
 * Minibatches out of a sparse matrix, handed to the first layers sparse (CSR rows) when few enough of their
 * values are non-zero, else dense (ND4J copies the Java array into its own memory).
 */
public final class Batches {
    /**
     * Up to this fraction of non-zero values a minibatch goes to the first layers sparse. The sparse products cost
     * about non-zeros × outputs multiply-adds plus a copy of the weights; the dense ones cells × genes × outputs at
     * several times the speed per multiply-add (BLAS). Measured on this project's 2-core machines (5,000 genes,
     * minibatches of 128): sparse is faster below about 30 % non-zero.
     */
    public static final double SPARSE_MAX_DENSITY = 0.3;

    private final SparseMatrix x;

    public Batches(SparseMatrix x) {
        this.x = x;
    }

    /** Rows {@code ids[from .. from+count)}. */
    public Input rows(int[] ids, int from, int count) {
        int[] rows = java.util.Arrays.copyOfRange(ids, from, from + count);
        return of(x.selectRows(rows));
    }

    /** Consecutive rows {@code [from, from+count)}. */
    public Input range(int from, int count) {
        return of(x.rowRange(from, count));
    }

    /** A batch in the form that is faster for its density. */
    public static Input of(SparseMatrix batch) {
        double cells = (double) batch.rows() * batch.cols();
        if (cells > 0 && batch.nonZeros() <= SPARSE_MAX_DENSITY * cells) {
            return Input.sparse(batch);
        }
        float[] dense = new float[batch.rows() * batch.cols()];
        batch.denseRange(0, batch.rows(), dense);
        return Input.dense(Tensors.matrix(dense, batch.rows(), batch.cols()));
    }
}
