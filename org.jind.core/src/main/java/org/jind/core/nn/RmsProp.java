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
    private final double weightDecay;
    private double lr;

    public RmsProp(List<Param> params, double lr, double weightDecay) {
        this.params = List.copyOf(params);
        this.lr = lr;
        this.weightDecay = weightDecay;
        for (Param p : params) {
            square.add(p.value.ulike().assign(0));
        }
    }

    @Override
    public void step() {
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            INDArray g = weightDecay == 0 ? p.grad : p.grad.add(p.value.mul(weightDecay));
            INDArray sq = square.get(i).muli(ALPHA).addi(g.mul(g).muli(1 - ALPHA));
            p.value.subi(g.div(Transforms.sqrt(sq, true).addi(EPS)).muli(lr));
        }
    }

    /** Forgets the running averages (used when the networks it updates are re-initialised). */
    public void resetState() {
        square.forEach(s -> s.assign(0));
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
