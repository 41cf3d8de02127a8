package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** Adam with PyTorch's arithmetic (bias-corrected, ε added after the square root), no weight decay. */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<Param> params;
    private final List<INDArray> m = new ArrayList<>();
    private final List<INDArray> v = new ArrayList<>();
    private final List<INDArray> tmp = new ArrayList<>(); // scratch space: no allocation per step
    private double lr;
    private int t;

    public Adam(List<Param> params, double lr) {
        this.params = List.copyOf(params);
        this.lr = lr;
        for (Param p : params) {
            m.add(p.value.ulike().assign(0));
            v.add(p.value.ulike().assign(0));
            tmp.add(p.value.ulike());
        }
    }

    @Override
    public void step() {
        t++;
        double bc1 = 1 - Math.pow(BETA1, t);
        double sqrtBc2 = Math.sqrt(1 - Math.pow(BETA2, t));
        for (int i = 0; i < params.size(); i++) {
            INDArray g = params.get(i).grad;
            INDArray t = tmp.get(i);
            INDArray mi = m.get(i).muli(BETA1).addi(t.assign(g).muli(1 - BETA1));
            INDArray vi = v.get(i).muli(BETA2).addi(t.assign(g).muli(g).muli(1 - BETA2));
            INDArray denom = Transforms.sqrt(t.assign(vi), false).divi(sqrtBc2).addi(EPS);
            params.get(i).value.subi(denom.rdivi(mi).muli(lr / bc1));
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
