package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.AdamUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Adam with PyTorch's arithmetic (bias-corrected, ε added after the square root), no weight decay, computed by
 * ND4J's fused native updater: one pass over each parameter instead of a dozen element-wise operations.
 */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<Param> params;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private double lr;
    private int t;

    public Adam(List<Param> params, double lr) {
        this.params = List.copyOf(params);
        this.lr = lr;
        for (Param p : params) {
            m.add(p.value.ulike().assign(0));
            v.add(p.value.ulike().assign(0));
        }
    }

    @Override
    public void step() {
        t++;
        // ND4J computes lr·√(1−β2ᵗ)/(1−β1ᵗ) · m / (√v + ε'); PyTorch divides √v by √(1−β2ᵗ) before adding ε.
        // Both agree when ε' = ε·√(1−β2ᵗ).
        double eps = EPS * Math.sqrt(1 - Math.pow(BETA2, t));
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            // in place: the gradient becomes the update, v and m their new values
            Nd4j.exec(new AdamUpdater(p.grad, v.get(i), m.get(i), lr, BETA1, BETA2, eps, t - 1));
            p.value.subi(p.grad);
            p.changed();
        }
    }

    @Override
    public double learningRate() {
        return lr;
    }

    @Override
    public void setLearningRate(double lr) {
        this.lr = lr;
    }

    @Override
    public List<Param> params() {
        return params;
    }
}
