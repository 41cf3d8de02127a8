package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The discriminator D (§2): {@code Linear(256→512) → LeakyReLU(0.2) → Linear(512→256) → LeakyReLU(0.2) →
 * Linear(256→256) → LeakyReLU(0.2) → Linear(256→1)}; the sigmoid is part of the loss ({@link Losses#bce}).
 */
public final class DiscriminatorNet {
    static final double SLOPE = 0.2;
    private final Linear[] layers;

    public DiscriminatorNet(Rng rng) {
        int[] w = {ClassifierNet.LATENT, 512, 256, 256, 1};
        layers = new Linear[4];
        for (int i = 0; i < 4; i++) {
            layers[i] = new Linear("discriminator." + i, w[i], w[i + 1], rng);
        }
    }

    public List<Param> params() {
        List<Param> p = new ArrayList<>();
        for (Linear l : layers) {
            p.addAll(l.params());
        }
        return p;
    }

    /** Pre-activations of every layer, for the backward pass; the last one is the logit. */
    public INDArray[] forward(INDArray z) {
        INDArray[] pre = new INDArray[layers.length + 1];
        pre[0] = z;
        INDArray a = z;
        for (int i = 0; i < layers.length; i++) {
            pre[i + 1] = layers[i].forward(a);
            a = i + 1 < layers.length ? Transforms.leakyRelu(pre[i + 1], SLOPE, true) : pre[i + 1];
        }
        return pre;
    }

    /**
     * Accumulates parameter gradients when {@code accumulate} (a D step: then the input gradient is not needed
     * and null is returned); otherwise returns only the gradient at the input (a G step through a frozen D).
     */
    public INDArray backward(INDArray[] pre, INDArray dLogit, boolean accumulate) {
        INDArray d = dLogit;
        for (int i = layers.length - 1; i >= 0; i--) {
            INDArray in = i == 0 ? pre[0] : Transforms.leakyRelu(pre[i], SLOPE, true);
            d = accumulate ? layers[i].backward(in, d, i > 0) : layers[i].inputGradient(d);
            if (i > 0) {
                d.muli(Tensors.positiveMask(pre[i]).muli(1 - SLOPE).addi(SLOPE)); // LeakyReLU'(pre)
            }
        }
        return d;
    }
}
