package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.random.TorchGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The discriminator D (§2): {@code Linear(256→512) → LeakyReLU(0.2) → Linear(512→256) → LeakyReLU(0.2) →
 * Linear(256→256) → LeakyReLU(0.2) → Linear(256→1)}; the sigmoid is part of the loss ({@link Losses#bce}).
 */
public final class DiscriminatorNet {
    static final double SLOPE = 0.2;
    private final Linear[] layers;

    public DiscriminatorNet(TorchGenerator rng) {
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

    /** A forward pass: each layer's input (the first is the code) and the logit. */
    public record Pass(INDArray[] inputs, INDArray logit) {
    }

    public Pass forward(INDArray z) {
        INDArray[] inputs = new INDArray[layers.length];
        INDArray a = z;
        for (int i = 0; i < layers.length - 1; i++) {
            inputs[i] = a;
            a = leakyRelu(layers[i].forward(a));
        }
        inputs[layers.length - 1] = a;
        return new Pass(inputs, layers[layers.length - 1].forward(a));
    }

    /**
     * Accumulates parameter gradients when {@code accumulate} (a D step: then the input gradient is not needed
     * and null is returned); otherwise returns only the gradient at the input (a G step through a frozen D).
     */
    public INDArray backward(Pass p, INDArray dLogit, boolean accumulate) {
        INDArray d = dLogit;
        for (int i = layers.length - 1; i >= 0; i--) {
            d = accumulate ? layers[i].backward(p.inputs[i], d, i > 0) : layers[i].inputGradient(d);
            if (i > 0) {
                // LeakyReLU'(pre) from its output: the output is positive exactly where the pre-activation is
                d.muli(Tensors.positiveMask(p.inputs[i]).muli(1 - SLOPE).addi(SLOPE));
            }
        }
        return d;
    }

    /** max(x, 0.2·x) in two element-wise operations (ND4J's own LeakyReLU op is several times slower). */
    private static INDArray leakyRelu(INDArray x) {
        return Transforms.max(x.mul(SLOPE), x, false);
    }
}
