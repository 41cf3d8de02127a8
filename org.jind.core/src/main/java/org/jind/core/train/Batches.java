package org.jind.core.train;

import org.jind.core.data.SparseMatrix;
import org.jind.core.nn.Tensors;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Dense minibatches out of a sparse matrix, reusing one buffer. */
public final class Batches {
    private final SparseMatrix x;
    private final float[] buffer;

    public Batches(SparseMatrix x, int maxRows) {
        this.x = x;
        this.buffer = new float[Math.max(1, maxRows) * x.cols()];
    }

    /** Rows {@code ids[from .. from+count)} as a dense count × genes matrix. */
    public INDArray rows(int[] ids, int from, int count) {
        x.denseRows(ids, from, count, buffer);
        return Tensors.matrix(java.util.Arrays.copyOf(buffer, count * x.cols()), count, x.cols());
    }

    /** Consecutive rows {@code [from, from+count)}. */
    public INDArray range(int from, int count) {
        x.denseRange(from, count, buffer);
        return Tensors.matrix(java.util.Arrays.copyOf(buffer, count * x.cols()), count, x.cols());
    }
}
