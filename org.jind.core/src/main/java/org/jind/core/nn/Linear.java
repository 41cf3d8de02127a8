package org.jind.core.nn;

import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** {@code y = x·W + b} with W of shape in × out; PyTorch's default initialisation (uniform ±1/√in). */
public final class Linear {
    public final Param weight;
    public final Param bias;

    public Linear(String name, int in, int out, Rng rng) {
        this.weight = new Param(name + ".W", Tensors.zeros(in, out));
        this.bias = new Param(name + ".b", Tensors.zeros(1, out));
        reset(rng);
    }

    /** Fresh random weights (also used to re-initialise a network). */
    public void reset(Rng rng) {
        int in = (int) weight.value.rows();
        int out = (int) weight.value.columns();
        float bound = (float) (1.0 / Math.sqrt(in));
        float[] w = new float[in * out];
        for (int i = 0; i < w.length; i++) {
            w[i] = rng.uniform(-bound, bound);
        }
        float[] b = new float[out];
        for (int i = 0; i < out; i++) {
            b[i] = rng.uniform(-bound, bound);
        }
        weight.value.assign(Tensors.matrix(w, in, out));
        bias.value.assign(Tensors.matrix(b, 1, out));
    }

    public INDArray forward(INDArray x) {
        return Nd4j.gemm(x, weight.value, false, false).addiRowVector(bias.value); // gemm: mmul() costs 2.5× more here
    }

    /** Accumulates dW and db from the input and the output gradient; returns dx when asked (else null). */
    public INDArray backward(INDArray x, INDArray dy, boolean needDx) {
        Nd4j.gemm(x, dy, weight.grad, true, false, 1.0, 1.0); // dW += xᵀ·dy without materialising xᵀ
        Tensors.addColumnSums(dy, bias.grad);
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
