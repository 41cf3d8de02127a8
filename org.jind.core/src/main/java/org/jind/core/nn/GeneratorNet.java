package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.data.SparseMatrix;
import org.jind.core.random.TorchGenerator;
import org.jind.core.train.Batches;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * The generator G of the spec (§2): {@code x' = x + b}, {@code h = F2(x') + E(x') ⊙ (1 + F3(x'))} with
 * F2, F3 each {@code Linear(M→512) → ReLU → Linear(512→512) → ReLU → Linear(512→256)} and E a copy of the
 * source encoder in inference mode (only JIND+ self-training changes E, and then in training mode).
 */
public final class GeneratorNet {
    public static final int HIDDEN = 512;

    public final Param shift;
    public final Linear[] f2 = new Linear[3];
    public final Linear[] f3 = new Linear[3];
    public final Linear encoder;

    /**
     * A fresh generator around a copy of {@code sourceEncoder}, drawn as the reference's {@code ClassifierBig}: F2's
     * layers, F3's layers, then a per-gene Gaussian scale the reference draws but never uses (skipped here).
     */
    public GeneratorNet(Linear sourceEncoder, TorchGenerator rng) {
        int genes = sourceEncoder.in();
        this.shift = new Param("generator.shift", Tensors.zeros(1, genes));
        this.encoder = Linear.copyOf("generator.encoder", sourceEncoder);
        int[] widths = widths(genes);
        for (int i = 0; i < 3; i++) {
            f2[i] = new Linear("generator.f2." + i, widths[i], widths[i + 1], rng);
        }
        for (int i = 0; i < 3; i++) {
            f3[i] = new Linear("generator.f3." + i, widths[i], widths[i + 1], rng);
        }
        rng.skipNormals(genes);
    }

    /** A generator sharing {@code g}'s shift, F2 and F3 with its own copy of {@code g}'s encoder (draws nothing). */
    private GeneratorNet(GeneratorNet g) {
        this.shift = g.shift;
        System.arraycopy(g.f2, 0, f2, 0, 3);
        System.arraycopy(g.f3, 0, f3, 0, 3);
        this.encoder = Linear.copyOf("generator.encoder", g.encoder);
    }

    /**
     * What self-training refines: this generator with its own copy of the encoder; the shift and both MLPs, which
     * self-training keeps frozen, are shared.
     */
    public GeneratorNet withEncoderCopy() {
        return new GeneratorNet(this);
    }

    /** Advances {@code rng} past what building a generator for {@code genes} genes draws. */
    public static void skipInitialisation(TorchGenerator rng, int genes) {
        int[] widths = widths(genes);
        for (int i = 0; i < 3; i++) {
            rng.skipUniforms(2 * Linear.draws(widths[i], widths[i + 1])); // the layer of F2 and the one of F3
        }
        rng.skipNormals(genes);
    }

    private static int[] widths(int genes) {
        return new int[] {genes, HIDDEN, HIDDEN, ClassifierNet.LATENT};
    }

    /** Fresh random F2 and F3 (the spec's re-initialisation on a zero loss). */
    public void resetMlps(TorchGenerator rng) {
        for (Linear l : f2) {
            l.reset(rng);
        }
        for (Linear l : f3) {
            l.reset(rng);
        }
    }

    /** What alignment trains: the shift and both MLPs (the encoder stays frozen). */
    public List<Param> alignmentParams() {
        List<Param> p = new ArrayList<>();
        p.add(shift);
        for (Linear l : f2) {
            p.addAll(l.params());
        }
        for (Linear l : f3) {
            p.addAll(l.params());
        }
        return p;
    }

    public List<Param> allParams() {
        List<Param> p = alignmentParams();
        p.addAll(encoder.params());
        return p;
    }

    /** The intermediate values of a forward pass, for the backward pass. */
    public static final class Pass {
        Input x;
        INDArray shifted; // x + b for a dense x; null for a sparse one, whose first layers add b·W instead
        INDArray[] f2In = new INDArray[3];
        INDArray[] f3In = new INDArray[3];
        INDArray f2Out;
        INDArray f3Out;
        INDArray encoded; // E(x') after dropout/noise when training the encoder
        ClassifierNet.Stochastic stochastic;
        public INDArray code;
    }

    /**
     * Forward pass. {@code encoderRng} non-null runs E in training mode (dropout and noise), as JIND+ does.
     */
    public Pass forward(INDArray x, TorchGenerator encoderRng) {
        return forward(Input.dense(x), encoderRng);
    }

    /**
     * Forward pass of a dense or sparse batch. A sparse batch never forms the dense {@code x + b}: each first
     * layer computes {@code x·W + (b·W + bias)}.
     */
    public Pass forward(Input x, TorchGenerator encoderRng) {
        return forward(x, null, null, encoderRng);
    }

    /**
     * The forward pass; {@code mlps} non-null: F2's and F3's outputs taken from there (such a pass back-propagates
     * into the encoder only); {@code encoderProduct} non-null: {@code x·W} of the encoder (no shift, no bias) taken
     * from there, E(x + b) being that plus {@code b·W + bias}.
     */
    private Pass forward(Input x, MlpOutputs mlps, INDArray encoderProduct, TorchGenerator encoderRng) {
        return forward(x, mlps, encoderProduct, encoderRng, Lane.INLINE);
    }

    /** {@link #forward(Input, MlpOutputs, INDArray, TorchGenerator)} with F3 on {@code lane} while F2 runs here. */
    private Pass forward(Input x, MlpOutputs mlps, INDArray encoderProduct, TorchGenerator encoderRng, Lane lane) {
        Pass p = new Pass();
        p.x = x;
        if (!x.isSparse()) {
            p.shifted = x.dense().addRowVector(shift.value);
        }
        Lane.Task<INDArray> f3Out = mlps == null ? lane.fork(() -> mlpForward(f3, p, p.f3In)) : null;
        INDArray e;
        if (encoderProduct != null) {
            e = encoderProduct.addRowVector(encoder.shiftOffset(shift.value));
        } else {
            e = x.isSparse() ? encoder.forwardShifted(x.sparse(), shift.value) : encoder.forward(p.shifted);
        }
        INDArray a = mlps == null ? mlpForward(f2, p, p.f2In) : mlps.f2();
        INDArray b = mlps == null ? f3Out.join() : mlps.f3();
        p.f2Out = a;
        p.f3Out = b;
        if (encoderRng != null) {
            p.stochastic = ClassifierNet.Stochastic.draw(x.rows(), encoderRng);
            e = p.stochastic.apply(e);
        }
        p.encoded = e;
        p.code = a.add(e.mul(b.add(1)));
        return p;
    }

    /**
     * F2 or F3 on the pass's input ({@code x + b}: a sparse x never forms it, each first layer computing
     * {@code x·W + (b·W + bias)}); keeps each layer's input in {@code inputs} for the backward pass.
     */
    private INDArray mlpForward(Linear[] mlp, Pass p, INDArray[] inputs) {
        INDArray a;
        if (p.x.isSparse()) {
            a = mlp[0].forwardShifted(p.x.sparse(), shift.value);
        } else {
            inputs[0] = p.shifted;
            a = mlp[0].forward(p.shifted);
        }
        for (int i = 1; i < 3; i++) {
            a = Transforms.relu(a, false);
            inputs[i] = a;
            a = mlp[i].forward(a);
        }
        return a;
    }

    /** The outputs of F2 and F3 (cells × {@link ClassifierNet#LATENT} each) for some cells. */
    public record MlpOutputs(INDArray f2, INDArray f3) {
    }

    /**
     * The encoder's {@code x·W} (no shift, no bias) for every cell of {@code x} (row-major, cells ×
     * {@link ClassifierNet#LATENT}), computed {@code chunk} cells at a time. While the encoder is frozen (alignment)
     * a minibatch can take its rows from here instead of multiplying again: E(x + b) = x·W + (b·W + bias).
     */
    public float[] encoderProducts(SparseMatrix x, int chunk) {
        // always the sparse products, whose sums are the same for a cell in any minibatch: a sparse minibatch then
        // gets exactly what it would have computed itself
        return perCell(x, chunk, "generator-encoder", 1, (from, n) -> new INDArray[] {
            encoder.product(Input.sparse(x.rowRange(from, n)))})[0];
    }

    /**
     * An inference-mode pass (for alignment, where the encoder is frozen) that takes the encoder's {@code x·W} for
     * these cells from {@code encoderProduct} (rows of {@link #encoderProducts}); F2 and F3 run and can be trained.
     */
    public Pass forwardWithEncoderProducts(Input x, INDArray encoderProduct) {
        return forwardWithEncoderProducts(x, encoderProduct, Lane.INLINE);
    }

    /** {@link #forwardWithEncoderProducts(Input, INDArray)} with F3 computed on {@code lane}: the same numbers. */
    public Pass forwardWithEncoderProducts(Input x, INDArray encoderProduct, Lane lane) {
        return forward(x, null, encoderProduct, null, lane);
    }

    /** F2's and F3's outputs for every cell of a batch (row-major, cells × {@link ClassifierNet#LATENT} each). */
    public record FrozenMlps(float[] f2, float[] f3) {
        /** The outputs of cells {@code ids[from .. from+n)}, for {@link #forwardWithFrozenMlps}. */
        public MlpOutputs rows(int[] ids, int from, int n) {
            return new MlpOutputs(Tensors.gatherRows(f2, ClassifierNet.LATENT, ids, from, n),
                    Tensors.gatherRows(f3, ClassifierNet.LATENT, ids, from, n));
        }
    }

    /** F2's and F3's outputs for every cell of {@code x}, computed {@code chunk} cells at a time. */
    public FrozenMlps frozenMlps(SparseMatrix x, int chunk) {
        Batches batches = new Batches(x);
        float[][] out = perCell(x, chunk, "generator-mlps", 2, (from, n) -> {
            Pass p = forward(batches.range(from, n), null, null, null);
            return new INDArray[] {p.f2Out, p.f3Out};
        });
        return new FrozenMlps(out[0], out[1]);
    }

    /** Computes matrices of {@link ClassifierNet#LATENT} columns for cells [from, from + n). */
    private interface ChunkOutputs {
        INDArray[] of(int from, int n);
    }

    /**
     * Row-major Java copies (cells × {@link ClassifierNet#LATENT}) of the {@code count} matrices {@code outputs}
     * computes for every cell of x, {@code chunk} cells at a time in reused memory.
     */
    private static float[][] perCell(SparseMatrix x, int chunk, String purpose, int count,
            ChunkOutputs outputs) {
        float[][] out = new float[count][x.rows() * ClassifierNet.LATENT];
        try (Scratch scratch = new Scratch(purpose)) {
            for (int from = 0; from < x.rows(); from += chunk) {
                int n = Math.min(chunk, x.rows() - from);
                try (MemoryWorkspace ws = scratch.step()) {
                    INDArray[] parts = outputs.of(from, n);
                    for (int i = 0; i < count; i++) {
                        System.arraycopy(Tensors.toArray(parts[i]), 0, out[i], from * ClassifierNet.LATENT,
                                n * ClassifierNet.LATENT);
                    }
                }
            }
        }
        return out;
    }

    /**
     * A training-mode (or, with a null {@code encoderRng}, inference) pass that runs only the encoder and takes
     * F2's and F3's outputs from {@code mlps}: the same numbers as {@link #forward(Input, TorchGenerator)} while
     * F2, F3 and the shift are unchanged, at the cost of the encoder's layer alone.
     */
    public Pass forwardWithFrozenMlps(Input x, MlpOutputs mlps, TorchGenerator encoderRng) {
        return forward(x, mlps, null, encoderRng);
    }

    /** The aligned code in inference mode. */
    public INDArray code(INDArray x) {
        return forward(x, null).code;
    }

    /** The aligned code of a dense or sparse batch in inference mode. */
    public INDArray code(Input x) {
        return forward(x, null).code;
    }

    /**
     * Back-propagates the gradient at the code. {@code trainMlps} sends it into b, F2 and F3; {@code trainEncoder}
     * into E's weights (JIND+). Gradients accumulate into the parameters' grad arrays.
     */
    public void backward(Pass p, INDArray dCode, boolean trainMlps, boolean trainEncoder) {
        backward(p, dCode, trainMlps, trainEncoder, Lane.INLINE);
    }

    /**
     * {@link #backward(Pass, INDArray, boolean, boolean)} with F3's part on {@code lane} while F2's runs here: each
     * MLP accumulates into its own parameters, and the shift's three terms are added in the same order.
     */
    public void backward(Pass p, INDArray dCode, boolean trainMlps, boolean trainEncoder, Lane lane) {
        if (trainEncoder) {
            INDArray dE = dCode.mul(p.f3Out.add(1));
            if (p.stochastic != null) {
                dE = p.stochastic.backward(dE);
            }
            firstLayerBackward(encoder, p, dE);
        }
        if (!trainMlps) {
            return;
        }
        if (p.f2In[2] == null) {
            throw new IllegalStateException("a pass with frozen F2 and F3 outputs trains the encoder only");
        }
        // The shift is added to every row, so its gradient is the column sum of the input gradient, and
        // Σ_rows(dy·Wᵀ) = (Σ_rows dy)·Wᵀ: one vector–matrix product per first layer instead of a full dx.
        Lane.Task<INDArray> f3Term = lane.fork(
                () -> f3[0].inputGradient(Tensors.columnSums(mlpBackward(f3, p, p.f3In, dCode.mul(p.encoded)))));
        INDArray dShift = encoder.inputGradient(Tensors.columnSums(dCode.mul(p.f3Out.add(1))));
        dShift.addi(f2[0].inputGradient(Tensors.columnSums(mlpBackward(f2, p, p.f2In, dCode))));
        dShift.addi(f3Term.join());
        shift.grad().addi(dShift);
    }

    /** The parameter gradients of a first layer (input x + b) for the gradient at its output. */
    private void firstLayerBackward(Linear layer, Pass p, INDArray dy) {
        if (p.x.isSparse()) {
            layer.backwardShifted(p.x.sparse(), shift.value, dy);
        } else {
            layer.backward(p.shifted, dy, false);
        }
    }

    /** Back-propagates through an MLP, accumulating its gradients; returns the gradient at the first layer's output. */
    private INDArray mlpBackward(Linear[] mlp, Pass p, INDArray[] inputs, INDArray dOut) {
        INDArray d = dOut;
        for (int i = 2; i > 0; i--) {
            d = mlp[i].backward(inputs[i], d, true);
            d.muli(Tensors.positiveMask(inputs[i])); // inputs[i] = relu(previous): positive where it passed
        }
        firstLayerBackward(mlp[0], p, d);
        return d;
    }
}
