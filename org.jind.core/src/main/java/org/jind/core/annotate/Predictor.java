package org.jind.core.annotate;

import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.GeneratorNet;
import org.jind.core.nn.Input;
import org.jind.core.nn.Losses;
import org.jind.core.nn.Scratch;
import org.jind.core.nn.Tensors;
import org.jind.core.train.Batches;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Inference-mode class probabilities, in chunks so memory stays bounded on large batches. */
public final class Predictor {
    /**
     * Cells per forward pass. Matrix products of another row count may round differently in the last bit, so a
     * batch annotated in chunks that are multiples of this gives bit-identical results to the whole batch.
     */
    public static final int CHUNK = 1024;

    private Predictor() {
    }

    /** Probabilities (cells × classes) through the generator when the model has one, else through the encoder. */
    public static float[] probabilities(JindModel model, SparseMatrix x) {
        return probabilities(model, x, model.generator != null);
    }

    public static float[] probabilities(JindModel model, SparseMatrix x, boolean throughGenerator) {
        return probabilities(model.net, throughGenerator ? model.generator : null, x);
    }

    /** Probabilities through {@code generator} when non-null, else through the encoder of {@code net}. */
    public static float[] probabilities(ClassifierNet net, GeneratorNet generator, SparseMatrix x) {
        return probabilities(net, generator, x, null);
    }

    /**
     * Probabilities as {@link #probabilities(ClassifierNet, GeneratorNet, SparseMatrix)}; when {@code codes} is
     * non-null it receives, in the same pass, the latent code each cell was classified from (cells ×
     * {@link ClassifierNet#LATENT}, row-major).
     */
    static float[] probabilities(ClassifierNet net, GeneratorNet generator, SparseMatrix x, float[] codes) {
        int k = net.output.out();
        float[] out = new float[x.rows() * k];
        Batches batches = new Batches(x);
        try (Scratch scratch = new Scratch("predict")) { // one chunk's memory, reused for every chunk
            for (int from = 0; from < x.rows(); from += CHUNK) {
                int n = Math.min(CHUNK, x.rows() - from);
                try (MemoryWorkspace ws = scratch.step()) {
                    Input xb = batches.range(from, n);
                    INDArray code = generator != null ? generator.code(xb) : net.encode(xb);
                    if (codes != null) {
                        float[] c = Tensors.toArray(code);
                        System.arraycopy(c, 0, codes, from * ClassifierNet.LATENT, c.length);
                    }
                    softmaxInto(Tensors.toArray(net.head(code)), k, out, from * k);
                }
            }
        }
        return out;
    }

    /** Softmax of each row of logits (k columns) into {@code out} from {@code offset}. */
    public static void softmaxInto(float[] logits, int k, float[] out, int offset) {
        for (int i = 0; i < logits.length / k; i++) {
            double[] p = Losses.softmaxRow(logits, i * k, k);
            for (int c = 0; c < k; c++) {
                out[offset + i * k + c] = (float) p[c];
            }
        }
    }

    /** An annotation and the latent codes of its cells (cells × {@link ClassifierNet#LATENT}, row-major). */
    public record Coded(Annotation annotation, float[] codes) {
        public float code(int cell, int dimension) {
            return codes[cell * ClassifierNet.LATENT + dimension];
        }
    }

    /**
     * Annotates with precomputed thresholds (see {@link Thresholds#compute}) and keeps the latent code each
     * cell was classified from: the generator's when the model has one, else the encoder's (inference mode).
     * Callers that annotate a batch in several parts compute the thresholds once.
     */
    public static Coded annotateWithCodes(JindModel model, SparseMatrix x, double[] thresholds) {
        float[] codes = new float[x.rows() * ClassifierNet.LATENT];
        float[] probs = probabilities(model.net, model.generator, x, codes);
        return new Coded(Annotation.of(model.classes, probs, thresholds), codes);
    }

    /** Annotates with the source thresholds at θ. */
    public static Annotation annotate(JindModel model, SparseMatrix x, double theta) {
        return Annotation.of(model.classes, probabilities(model, x), Thresholds.compute(model.validation, theta));
    }
}
