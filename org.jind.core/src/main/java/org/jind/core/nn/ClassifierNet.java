package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.random.TorchGenerator;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The encoder E ({@code Linear(M→256)} + dropout + relative Gaussian noise in training) and the classifier head
 * C ({@code ReLU → Linear(256→256) → ReLU → Linear(256→K)}) of the spec (§2).
 */
public final class ClassifierNet {
    public static final int LATENT = 256;
    /** The dropout probability, a double as PyTorch's {@code nn.Dropout(p=0.2)} holds it. */
    public static final double DROPOUT_P = 0.2;
    public static final float NOISE = 0.2f;

    public final Linear encoder;
    public final Linear hidden;
    public final Linear output;

    public ClassifierNet(int genes, int classes, TorchGenerator rng) {
        this.encoder = new Linear("encoder", genes, LATENT, rng);
        this.hidden = new Linear("head.hidden", LATENT, LATENT, rng);
        this.output = new Linear("head.output", LATENT, classes, rng);
    }

    /** How many random numbers initialising a network of this shape draws. */
    public static long initDraws(int genes, int classes) {
        return Linear.draws(genes, LATENT) + Linear.draws(LATENT, LATENT) + Linear.draws(LATENT, classes);
    }

    public List<Param> params() {
        List<Param> p = new ArrayList<>(encoder.params());
        p.addAll(head());
        return p;
    }

    public List<Param> head() {
        List<Param> p = new ArrayList<>(hidden.params());
        p.addAll(output.params());
        return p;
    }

    /** The latent code E(x) in inference mode: the plain linear map. */
    public INDArray encode(INDArray x) {
        return encoder.forward(x);
    }

    /** The latent code of a dense or sparse input. */
    public INDArray encode(Input x) {
        return encoder.forward(x);
    }

    /** C(z): logits of the head for latent codes. */
    public INDArray head(INDArray z) {
        return output.forward(Transforms.relu(hidden.forward(Transforms.relu(z, true)), false));
    }

    /** The intermediate values of a training-mode forward pass, kept for the backward pass. */
    public static final class Pass {
        Input x;
        Stochastic stochastic;
        INDArray code;
        INDArray h1;
        INDArray a1;
        public INDArray logits;
    }

    /**
     * The training-mode part of E: dropout (kept units scaled by 1/(1−p)) then relative noise {@code d + σ·d·ε}
     * whose scale {@code σ·d} is a constant for back-propagation, so the gradient passes the noise unchanged.
     */
    public record Stochastic(INDArray dropout, INDArray noise) {
        /** Draws as the reference's training step does: the whole dropout mask, then the whole noise. */
        public static Stochastic draw(int rows, TorchGenerator rng) {
            float[] drop = new float[rows * LATENT];
            double keep = 1 - (double) DROPOUT_P;
            float kept = (float) (1 / keep);
            for (int i = 0; i < drop.length; i++) {
                drop[i] = rng.bernoulli(keep) ? kept : 0f;
            }
            float[] noise = new float[rows * LATENT];
            rng.normalFill(noise);
            for (int i = 0; i < noise.length; i++) {
                noise[i] = 1f + NOISE * noise[i];
            }
            return new Stochastic(Tensors.matrix(drop, rows, LATENT), Tensors.matrix(noise, rows, LATENT));
        }

        /** Applies dropout then noise to a code (in place). */
        public INDArray apply(INDArray z) {
            return z.muli(dropout).muli(noise);
        }

        /** The gradient at the linear output from the gradient at the noisy code. */
        public INDArray backward(INDArray dCode) {
            return dCode.mul(dropout);
        }
    }

    /** Training-mode forward pass through E (with dropout and noise) and C. */
    public Pass forwardTrain(Input x, TorchGenerator rng) {
        Stochastic stochastic = Stochastic.draw(x.rows(), rng);
        Pass p = headPass(stochastic.apply(encoder.forward(x)));
        p.x = x;
        p.stochastic = stochastic;
        return p;
    }

    /** Forward pass through C alone from given codes, kept for back-propagating to the codes. */
    public Pass headPass(INDArray code) {
        Pass p = new Pass();
        p.code = code;
        p.h1 = hidden.forward(Transforms.relu(p.code, true));
        p.a1 = Transforms.relu(p.h1, true);
        p.logits = output.forward(p.a1);
        return p;
    }

    /**
     * The gradient at the latent code for {@code dLogits}, with C frozen: its parameters' gradients are left alone
     * (the same numbers as {@link #backward} without the encoder), so a network shared by several models is never
     * written to when a step trains only what lies before C.
     */
    public INDArray codeGradient(Pass p, INDArray dLogits) {
        INDArray dh1 = output.inputGradient(dLogits).muli(Tensors.positiveMask(p.h1));
        return hidden.inputGradient(dh1).muli(Tensors.positiveMask(p.code));
    }

    /**
     * Back-propagates {@code dLogits} through C and, when {@code intoEncoder}, through E (accumulating
     * gradients); returns the gradient at the latent code.
     */
    public INDArray backward(Pass p, INDArray dLogits, boolean intoEncoder) {
        INDArray da1 = output.backward(p.a1, dLogits, true);
        INDArray dh1 = da1.muli(Tensors.positiveMask(p.h1));
        INDArray dRelu = hidden.backward(Transforms.relu(p.code, true), dh1, true);
        INDArray dCode = dRelu.muli(Tensors.positiveMask(p.code));
        if (intoEncoder) {
            INDArray dEncoded = p.stochastic.backward(dCode);
            if (p.x.isSparse()) {
                encoder.backwardShifted(p.x.sparse(), null, dEncoded);
            } else {
                encoder.backward(p.x.dense(), dEncoded, false);
            }
        }
        return dCode;
    }
}
