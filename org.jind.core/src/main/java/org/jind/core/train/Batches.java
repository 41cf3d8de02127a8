package org.jind.core.train;

import org.jind.core.data.SparseMatrix;
import org.jind.core.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Dense minibatches out of a sparse matrix (ND4J copies the Java array into its own memory). */
public final class Batches {
    private final SparseMatrix x;

    public Batches(SparseMatrix x) {
        this.x = x;
    }

    /** Rows {@code ids[from .. from+count)} as a dense count × genes matrix. */
    public INDArray rows(int[] ids, int from, int count) {
        float[] dense = new float[count * x.cols()];
        x.denseRows(ids, from, count, dense);
        return Tensors.matrix(dense, count, x.cols());
    }

    /** Consecutive rows {@code [from, from+count)}. */
    public INDArray range(int from, int count) {
        float[] dense = new float[count * x.cols()];
        x.denseRange(from, count, dense);
        return Tensors.matrix(dense, count, x.cols());
    }
}
