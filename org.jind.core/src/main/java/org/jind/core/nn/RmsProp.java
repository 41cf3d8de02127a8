package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/** RMSprop with PyTorch's arithmetic (no momentum, not centred, L2 weight decay added to the gradient). */
public final class RmsProp implements Optimizer {
    private static final double ALPHA = 0.99;
    private static final double EPS = 1e-8;

    private final List<Param> params;
    private final List<INDArray> square = new ArrayList<>();
    private final List<INDArray> tmp = new ArrayList<>(); // scratch space: no allocation per step
    private final double weightDecay;
    private double lr;

    public RmsProp(List<Param> params, double lr, double weightDecay) {
        this.params = List.copyOf(params);
        this.lr = lr;
        this.weightDecay = weightDecay;
        for (Param p : params) {
            square.add(p.value.ulike().assign(0));
            tmp.add(p.value.ulike());
        }
    }

    @Override
    public void step() {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            INDArray t = tmp.get(i);
            INDArray g = weightDecay == 0 ? p.grad : p.grad.addi(t.assign(p.value).muli(weightDecay)); // grads are scratch
            INDArray sq = square.get(i).muli(ALPHA).addi(t.assign(g).muli(g).muli(1 - ALPHA));
            INDArray denom = Transforms.sqrt(t.assign(sq), false).addi(EPS);
            p.value.subi(denom.rdivi(g).muli(lr));
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
