package org.jind.core.nn;

import java.util.ArrayList;
import java.util.List;

/**
 * Adam with PyTorch's arithmetic (bias-corrected, ε added after the square root), no weight decay, in PyTorch's
 * order of float operations: {@code m = fma(1−β1, g, m·β1)}, {@code v = v·β2 + ((1−β2)·g)·g},
 * {@code w = w + (−lr/(1−β1ᵗ))·m / (√v / √(1−β2ᵗ) + ε)}.
 * <p>
 * One fused loop on the Java heap over flat arrays (the moments live there; value and gradient are copied in
 * bulk, the gradient from wherever it was accumulated, see {@link Param}): ND4J's native
 * Adam updater took a third of a training run at 5,000 genes.
 */
public final class Adam implements Optimizer {
    private static final double BETA1 = 0.9;
    private static final double BETA2 = 0.999;
    private static final double EPS = 1e-8;

    private final List<Param> params;
    private final List<float[]> m = new ArrayList<>();
    private final List<float[]> v = new ArrayList<>();
    // reused between steps: each parameter's value and gradient on the heap
    private final List<float[]> values = new ArrayList<>();
    private final List<float[]> grads = new ArrayList<>();
    private double lr;
    private int t;

    public Adam(List<Param> params, double lr) {
        this.params = List.copyOf(params);
        this.lr = lr;
        for (Param p : params) {
            int n = (int) p.value.length();
            m.add(new float[n]);
            v.add(new float[n]);
            values.add(new float[n]);
            grads.add(new float[n]);
        }
    }

    @Override
    public void step() {
        t++;
        // the scalars as PyTorch computes them (in double) and hands them to its float kernels
        float stepSize = (float) -(lr / (1 - Math.pow(BETA1, t)));
        float correction2 = (float) Math.sqrt(1 - Math.pow(BETA2, t));
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            float[] w = values.get(i);
            float[] g = grads.get(i);
            Tensors.copyTo(p.value, w);
            p.copyGradTo(g);
            update(w, g, m.get(i), v.get(i), stepSize, correction2);
            p.setValue(w);
        }
    }

    private static void update(float[] w, float[] g, float[] m, float[] v, float stepSize, float correction2) {
        float b1 = (float) BETA1;
        float oneMinusB1 = (float) (1 - BETA1);
        float b2 = (float) BETA2;
        float oneMinusB2 = (float) (1 - BETA2);
        float eps = (float) EPS;
        for (int j = 0; j < w.length; j++) {
            float gj = g[j];
            float mj = Math.fma(oneMinusB1, gj, m[j] * b1);
            float vj = v[j] * b2 + oneMinusB2 * gj * gj;
            m[j] = mj;
            v[j] = vj;
            w[j] = w[j] + stepSize * mj / ((float) Math.sqrt(vj) / correction2 + eps);
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
