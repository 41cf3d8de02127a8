package org.jind.core.nn;

import java.util.List;

/** Updates parameters from their gradients; the learning rate can be changed by a schedule. */
public interface Optimizer {
    void step();

    double learningRate();

    void setLearningRate(double lr);

    /** The parameters this optimiser updates. */
    List<Param> params();

    /** Clears their gradients. */
    default void zeroGrad() {
        params().forEach(Param::zeroGrad);
    }
}
