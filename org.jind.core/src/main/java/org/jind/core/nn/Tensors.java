package org.jind.core.nn;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small helpers between Java arrays and ND4J matrices (float32, row-major). */
public final class Tensors {
    static {
        Backend.ensureLoaded(); // every network is built through these helpers first
    }

    private Tensors() {
    }

    public static INDArray matrix(float[] data, int rows, int cols) {
        return Nd4j.create(data, new long[] {rows, cols}, 'c');
    }

    public static INDArray zeros(int rows, int cols) {
        return Nd4j.zeros(DataType.FLOAT, rows, cols);
    }

    /** Row-major copy of a matrix. */
    public static float[] toArray(INDArray m) {
        return m.dup('c').data().asFloat();
    }

    /** 1 where {@code x > 0}, else 0. */
    public static INDArray positiveMask(INDArray x) {
        return x.gt(0).castTo(DataType.FLOAT);
    }

    /** Uses ND4J's native backend with the given number of threads for BLAS and element-wise work. */
    public static void useThreads(int threads) {
        int n = Math.max(1, threads);
        Nd4j.getEnvironment().setMaxMasterThreads(n);
        Nd4j.getEnvironment().setMaxThreads(n);
        Nd4j.factory().blas().setMaxThreads(n);
    }
}
