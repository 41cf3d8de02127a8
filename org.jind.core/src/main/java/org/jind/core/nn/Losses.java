package org.jind.core.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The two losses of the method, each returning its value and the gradient with respect to its input. */
public final class Losses {
    private Losses() {
    }

    /** A loss value and the gradient it sends back. */
    public record Result(double loss, INDArray grad) {
    }

    /**
     * Class-weighted negative log-likelihood of softmax(logits) as a weighted mean:
     * {@code Σ w[y_i]·(−log p_i,y_i) / Σ w[y_i]}.
     */
    public static Result weightedNll(INDArray logits, int[] y, double[] classWeight) {
        int n = (int) logits.rows();
        int k = (int) logits.columns();
        float[] z = Tensors.toArray(logits);
        float[] grad = new float[z.length];
        double wsum = 0;
        for (int i = 0; i < n; i++) {
            wsum += classWeight[y[i]];
        }
        double loss = 0;
        for (int i = 0; i < n; i++) {
            double[] p = softmaxRow(z, i * k, k);
            double w = classWeight[y[i]] / wsum;
            loss -= w * Math.log(Math.max(p[y[i]], Double.MIN_NORMAL));
            for (int c = 0; c < k; c++) {
                grad[i * k + c] = (float) (w * (p[c] - (c == y[i] ? 1 : 0)));
            }
        }
        return new Result(loss, Tensors.matrix(grad, n, k));
    }

    /**
     * Binary cross-entropy of sigmoid(logit) against a constant target, averaged over the rows, computed as
     * PyTorch's {@code BCELoss(Sigmoid(x))} does (float probabilities, logs clamped at −100) so that an exactly-zero
     * loss happens where it would. The gradient goes the same way, through BCE's division by
     * {@code max(p(1 − p), 1e-12)} and the sigmoid's {@code p(1 − p)}: it is p − target except where the probability
     * saturates (exactly 0 or 1 in float, or below 1e-12), where it fades to 0 as in the reference.
     */
    public static Result bce(INDArray logits, float target) {
        int n = (int) logits.rows();
        float[] l = Tensors.toArray(logits);
        float[] grad = new float[n];
        double loss = 0;
        for (int i = 0; i < n; i++) {
            float p = (float) (1.0 / (1.0 + Math.exp(-l[i])));
            double logP = Math.max(Math.log(p), -100);
            double log1mP = Math.max(Math.log(1f - p), -100);
            loss -= target * logP + (1 - target) * log1mP;
            float g = (p - target) / Math.max((1f - p) * p, 1e-12f) / n;
            grad[i] = g * (1f - p) * p;
        }
        return new Result(loss / n, Tensors.matrix(grad, n, 1));
    }

    /** Numerically stable softmax of {@code k} values starting at {@code off}. */
    public static double[] softmaxRow(float[] z, int off, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < k; c++) {
            max = Math.max(max, z[off + c]);
        }
        double[] p = new double[k];
        double s = 0;
        for (int c = 0; c < k; c++) {
            p[c] = Math.exp(z[off + c] - max);
            s += p[c];
        }
        for (int c = 0; c < k; c++) {
            p[c] /= s;
        }
        return p;
    }
}
