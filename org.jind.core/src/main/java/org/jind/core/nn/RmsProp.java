package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.updaters.RmsPropUpdater;
import org.nd4j.linalg.factory.Nd4j;

/**
 * RMSprop with PyTorch's arithmetic (no momentum, not centred, L2 weight decay added to the gradient), computed
 * by ND4J's fused native updater.
 */
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
            if (weightDecay != 0) {
                Nd4j.getBlasWrapper().level1().axpy(p.value.length(), weightDecay, p.value, p.grad); // g += wd·w
            }
            // in place: the gradient becomes the update, the running square its new value
            Nd4j.exec(new RmsPropUpdater(p.grad, square.get(i), lr, ALPHA, EPS));
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
