package org.jind.core.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learnable matrix with its gradient (accumulated by backward passes, cleared by {@link #zeroGrad}).
 * <p>
 * Both can also live on the Java heap, one array per matrix row, for the sparse first layers' products
 * ({@link SparseProducts}). The value is always current in ND4J ({@link #value}); its heap rows are a copy, refreshed
 * when the value changed, or set directly by the optimiser's step. The gradient is current on one side at a time and
 * moves only when the other side asks for it: a sparse first layer accumulates its gradient on the heap, where the
 * optimiser reads it, so it never goes through ND4J. Each move or refresh is one pass over the matrix (10 MB for a
 * 5,000-gene first layer); the passes saved made an alignment iteration at 20,000 genes about a tenth faster.
 */
public final class Param {
    public final String name;
    /** The value; call {@link #changed()} after changing it. */
    public final INDArray value;
    private final INDArray grad;

    private int version;
    private float[][] valueRows;
    private int valueRowsVersion = -1;

    /** Where the gradient is current: in ND4J, on the heap, or nowhere yet because it was cleared. */
    private enum GradSide { ND4J, HEAP, ZERO }

    private float[][] gradRows;
    private GradSide gradSide = GradSide.ZERO;

    public Param(String name, INDArray value) {
        this.name = name;
        this.value = value;
        this.grad = value.ulike();
        this.grad.assign(0);
    }

    /** Clears the gradient (each side is zeroed when it is next used). */
    public void zeroGrad() {
        gradSide = GradSide.ZERO;
    }

    /** The gradient in ND4J, to accumulate into or read. */
    public INDArray grad() {
        if (gradSide == GradSide.ZERO) {
            grad.assign(0);
        } else if (gradSide == GradSide.HEAP) {
            Tensors.copyFromRows(gradRows, grad);
        }
        gradSide = GradSide.ND4J;
        return grad;
    }

    /** The gradient on the heap, one array per row, to accumulate into or read. */
    public float[][] gradRows() {
        if (gradRows == null) {
            gradRows = new float[rows()][columns()];
        } else if (gradSide == GradSide.ZERO) {
            for (float[] r : gradRows) {
                Arrays.fill(r, 0f);
            }
        }
        if (gradSide == GradSide.ND4J) {
            Tensors.copyToRows(grad, gradRows);
        }
        gradSide = GradSide.HEAP;
        return gradRows;
    }

    /**
     * The value on the heap, one array per row (copied when the value changed since the last call); read-only.
     * Synchronized: frozen layers are shared between models, which KNIME may run in two nodes at once.
     */
    public synchronized float[][] valueRows() {
        if (valueRows == null) {
            valueRows = new float[rows()][columns()];
        }
        if (valueRowsVersion != version) {
            Tensors.copyToRows(value, valueRows);
            valueRowsVersion = version;
        }
        return valueRows;
    }

    /** Copies the gradient, wherever it is current, into a flat row-major array (for an optimiser's loop). */
    public void copyGradTo(float[] out) {
        switch (gradSide) {
            case ZERO -> Arrays.fill(out, 0f);
            case ND4J -> Tensors.copyTo(grad, out);
            case HEAP -> {
                int cols = columns();
                for (int r = 0; r < gradRows.length; r++) {
                    System.arraycopy(gradRows[r], 0, out, r * cols, cols);
                }
            }
        }
    }

    /**
     * Sets the value from a flat row-major array (an optimiser's step). Heap rows already in use take the new values
     * at once, in Java, so the next sparse product does not copy them out of ND4J again.
     */
    public synchronized void setValue(float[] values) {
        Tensors.copyInto(values, value);
        version++;
        if (valueRows != null) {
            int cols = columns();
            for (int r = 0; r < valueRows.length; r++) {
                System.arraycopy(values, r * cols, valueRows[r], 0, cols);
            }
            valueRowsVersion = version;
        }
    }

    /** Call after changing {@link #value} (restores, re-initialisation): the heap rows are taken again when used. */
    public synchronized void changed() {
        version++;
    }

    public int rows() {
        return (int) value.rows();
    }

    public int columns() {
        return (int) value.columns();
    }
}
