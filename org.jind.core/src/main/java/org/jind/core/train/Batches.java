package org.jind.core.train;

import org.jind.core.data.SparseMatrix;
import org.jind.core.nn.Input;
import org.jind.core.nn.Tensors;

/**
 * Minibatches out of a sparse matrix, handed to the first layers sparse (CSR rows) when few enough of their
 * values are non-zero, else dense (written into ND4J's memory a block of rows at a time).
 */
public final class Batches {
    /**
     * Up to this fraction of non-zero values a minibatch goes to the first layers sparse. The sparse products cost
     * about non-zeros × outputs multiply-adds on the Java heap, at about half the speed of BLAS per multiply-add
     * (see {@link org.jind.core.nn.SparseProducts}), plus copies of the weights and their gradient between ND4J and
     * the heap; the dense ones cells × genes × outputs multiply-adds. Measured on this project's 2-core machines
     * (a genes→512 layer, 5,000 genes, minibatches of 128, forward and weight gradient, weights changing every
     * step): sparse took 0.44× the dense time at 3 % non-zero, 0.61× at 13 %, 0.87× at 25 % and 1.1× at 40 %.
     * The system property {@value #DENSITY_PROPERTY} overrides it (for measurements: 1 makes every batch sparse,
     * 0 every batch dense).
     */
    public static final double SPARSE_MAX_DENSITY = 0.25;
    public static final String DENSITY_PROPERTY = "jind.sparseMaxDensity";
    private static final double MAX_DENSITY = maxDensity();

    /** The limit in force: {@link #SPARSE_MAX_DENSITY} unless the system property sets another. */
    public static double maxDensityInForce() {
        return MAX_DENSITY;
    }

    private static double maxDensity() {
        try {
            return Double.parseDouble(System.getProperty(DENSITY_PROPERTY, String.valueOf(SPARSE_MAX_DENSITY)));
        } catch (NumberFormatException e) {
            return SPARSE_MAX_DENSITY; // a measurement knob: a malformed value means the default
        }
    }

    private final SparseMatrix x;

    public Batches(SparseMatrix x) {
        this.x = x;
    }

    /** Rows {@code ids[from .. from+count)}. */
    public Input rows(int[] ids, int from, int count) {
        int[] rows = java.util.Arrays.copyOfRange(ids, from, from + count);
        return of(x.selectRows(rows));
    }

    /** Consecutive rows {@code [from, from+count)}; dense ones are written from {@code x} without a copy of the rows. */
    public Input range(int from, int count) {
        if (sparseEnough(x.rowStart(from + count) - x.rowStart(from), count, x.cols())) {
            return Input.sparse(x.rowRange(from, count));
        }
        return Input.dense(Tensors.denseRows(x, from, count));
    }

    /** A batch in the form that is faster for its density. */
    public static Input of(SparseMatrix batch) {
        if (sparseEnough(batch.nonZeros(), batch.rows(), batch.cols())) {
            return Input.sparse(batch);
        }
        return Input.dense(Tensors.denseRows(batch, 0, batch.rows()));
    }

    private static boolean sparseEnough(long nonZeros, int rows, int cols) {
        double cells = (double) rows * cols;
        return cells > 0 && nonZeros <= MAX_DENSITY * cells;
    }
}
