package org.jind.core.nn;

import java.util.Arrays;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A learnable matrix with its gradient (accumulated by backward passes, cleared by {@link #zeroGrad}).
 * <p>
 * Both also live on the Java heap, one array per matrix row, for the work done there: the optimisers' fused loops
 * and the sparse first layers' products ({@link SparseProducts}). The value is always current in ND4J
 * ({@link #value}); its heap rows are a copy, refreshed when the value changed. The gradient is current on one side
 * at a time, and moves only when the other side asks for it: a sparse first layer accumulates its gradient on the
 * heap, where the optimiser reads it, so it never goes through ND4J. Each move or refresh is one pass over the
 * matrix; for a 5,000-gene first layer (10 MB) the passes saved this way were a tenth of an alignment iteration.
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
     * The value on the heap, one array per row (copied when the value changed since the last call). Read-only,
     * except for an optimiser, which then calls {@link #valueRowsChanged()}. Synchronized: frozen layers are shared
     * between models, which KNIME may run in two nodes at once.
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

    /** After an optimiser changed {@link #valueRows()}: the value takes them over. */
    public synchronized void valueRowsChanged() {
        Tensors.copyFromRows(valueRows, value);
        version++;
        valueRowsVersion = version;
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
