package org.jind.core.nn;

import java.util.List;

import org.jind.core.data.SparseMatrix;
import org.jind.core.random.TorchGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * {@code y = x·W + b} with W of shape in × out, initialised as PyTorch's {@code nn.Linear}: Kaiming-uniform with
 * a = √5 for W (bound √3 · √(2 / (1 + a²)) / √in, which is 1/√in up to rounding) and uniform ±1/√in for b.
 */
public final class Linear {
    private static final double KAIMING_A = Math.sqrt(5);

    public final Param weight;
    public final Param bias;

    public Linear(String name, int in, int out, TorchGenerator rng) {
        this(name, in, out);
        reset(rng);
    }

    private Linear(String name, int in, int out) {
        this.weight = new Param(name + ".W", Tensors.zeros(in, out));
        this.bias = new Param(name + ".b", Tensors.zeros(1, out));
    }

    /** A copy of {@code source}'s weights under another name (draws nothing). */
    public static Linear copyOf(String name, Linear source) {
        Linear l = new Linear(name, source.in(), source.out());
        l.weight.value.assign(source.weight.value);
        l.bias.value.assign(source.bias.value);
        l.weight.changed();
        l.bias.changed();
        return l;
    }

    /**
     * Fresh random weights (also used to re-initialise a network), drawn in PyTorch's order: W row by row in its
     * out × in layout, then b.
     */
    public void reset(TorchGenerator rng) {
        int in = in();
        int out = out();
        float wBound = (float) (Math.sqrt(3.0) * (Math.sqrt(2.0 / (1 + KAIMING_A * KAIMING_A)) / Math.sqrt(in)));
        float bBound = (float) (1 / Math.sqrt(in));
        float[] w = new float[in * out];
        for (int o = 0; o < out; o++) {
            for (int i = 0; i < in; i++) {
                w[i * out + o] = rng.uniform(-wBound, wBound);
            }
        }
        float[] b = new float[out];
        for (int o = 0; o < out; o++) {
            b[o] = rng.uniform(-bBound, bBound);
        }
        weight.value.assign(Tensors.matrix(w, in, out));
        bias.value.assign(Tensors.matrix(b, 1, out));
        weight.changed();
        bias.changed();
    }

    /** How many random numbers {@link #reset} draws for a layer of this shape. */
    public static long draws(int in, int out) {
        return (long) in * out + out;
    }

    public INDArray forward(INDArray x) {
        return Nd4j.gemm(x, weight.value, false, false).addiRowVector(bias.value); // gemm: mmul() costs 2.5× more here
    }

    /** {@code x·W + b} for a dense or a sparse input. */
    public INDArray forward(Input x) {
        return x.isSparse() ? forwardShifted(x.sparse(), null) : forward(x.dense());
    }

    /**
     * {@code (x + s)·W + b} for a sparse x and a dense row s (null: none), computed as {@code x·W + (s·W + b)} so
     * the shifted input, which is dense, is never formed.
     */
    public INDArray forwardShifted(SparseMatrix x, INDArray shift) {
        return product(Input.sparse(x)).addiRowVector(shiftOffset(shift));
    }

    /** {@code s·W + b} for a dense row s (null: just b): what a shifted input adds to every row's {@code x·W}. */
    public INDArray shiftOffset(INDArray shift) {
        if (shift == null) {
            return bias.value;
        }
        // s·W from the heap rows: a 1 × genes by genes × out product through BLAS first packs all of W, about 3 ms
        // at 5,000 × 512 against 0.4 ms here
        SparseMatrix s = SparseMatrix.fromDense(new float[][] {Tensors.toArray(shift)});
        return Tensors.matrix(SparseProducts.times(s, weight.valueRows(), out()), 1, out()).addi(bias.value);
    }

    /** {@code x·W} without the bias, for a dense or a sparse input. */
    public INDArray product(Input x) {
        return x.isSparse()
                ? Tensors.matrix(SparseProducts.times(x.sparse(), weight.valueRows(), out()), x.rows(), out())
                : Nd4j.gemm(x.dense(), weight.value, false, false);
    }

    /**
     * The parameter gradients of {@link #forwardShifted}: {@code dW += xᵀ·dy + sᵀ·Σ_rows dy}, {@code db += Σ_rows dy}.
     * dW is accumulated on the heap ({@link Param#gradRows()}), where the optimiser takes it.
     */
    public void backwardShifted(SparseMatrix x, INDArray shift, INDArray dy) {
        float[][] dyRows = new float[(int) dy.rows()][out()];
        Tensors.copyToRows(dy, dyRows);
        float[][] dW = weight.gradRows();
        SparseProducts.addTransposeTimes(x, dyRows, dW);
        INDArray dySum = Tensors.columnSums(dy);
        if (shift != null) {
            SparseProducts.addOuter(Tensors.toArray(shift), Tensors.toArray(dySum), dW);
        }
        bias.grad().addi(dySum);
    }

    /** Accumulates dW and db from the input and the output gradient; returns dx when asked (else null). */
    public INDArray backward(INDArray x, INDArray dy, boolean needDx) {
        Nd4j.gemm(x, dy, weight.grad(), true, false, 1.0, 1.0); // dW += xᵀ·dy without materialising xᵀ
        Tensors.addColumnSums(dy, bias.grad());
        return needDx ? inputGradient(dy) : null;
    }

    /** dx for an output gradient, leaving the parameter gradients alone (for frozen layers). */
    public INDArray inputGradient(INDArray dy) {
        return Nd4j.gemm(dy, weight.value, false, true);
    }

    public List<Param> params() {
        return List.of(weight, bias);
    }

    public int in() {
        return (int) weight.value.rows();
    }

    public int out() {
        return (int) weight.value.columns();
    }
}
