package org.jind.core.nn;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.junit.Test;

/** Adam and RMSprop against their update rules computed by hand (PyTorch's arithmetic). */
public class OptimizerTest {

    @Test
    public void adamFollowsBiasCorrectedUpdates() {
        Param p = new Param("p", Tensors.matrix(new float[] {1f, -2f}, 1, 2));
        Adam adam = new Adam(List.of(p), 0.1);
        double[] v = {1, -2};
        double[] m = {0, 0};
        double[] s = {0, 0};
        double[][] grads = {{0.5, -1}, {0.25, 3}, {-1, 0.5}};
        for (int t = 1; t <= grads.length; t++) {
            p.grad().assign(Tensors.matrix(new float[] {(float) grads[t - 1][0], (float) grads[t - 1][1]}, 1, 2));
            adam.step();
            for (int i = 0; i < 2; i++) {
                double g = grads[t - 1][i];
                m[i] = 0.9 * m[i] + 0.1 * g;
                s[i] = 0.999 * s[i] + 0.001 * g * g;
                double denom = Math.sqrt(s[i]) / Math.sqrt(1 - Math.pow(0.999, t)) + 1e-8;
                v[i] -= 0.1 / (1 - Math.pow(0.9, t)) * m[i] / denom;
            }
            float[] got = Tensors.toArray(p.value);
            assertEquals(v[0], got[0], 1e-5);
            assertEquals(v[1], got[1], 1e-5);
        }
    }

    @Test
    public void rmsPropAddsWeightDecayToTheGradient() {
        Param p = new Param("p", Tensors.matrix(new float[] {1f, -2f}, 1, 2));
        RmsProp opt = new RmsProp(List.of(p), 0.01, 0.1);
        double[] v = {1, -2};
        double[] sq = {0, 0};
        double[][] grads = {{0.5, -1}, {0.25, 3}};
        for (double[] gr : grads) {
            p.grad().assign(Tensors.matrix(new float[] {(float) gr[0], (float) gr[1]}, 1, 2));
            opt.step();
            for (int i = 0; i < 2; i++) {
                double g = gr[i] + 0.1 * v[i];
                sq[i] = 0.99 * sq[i] + 0.01 * g * g;
                v[i] -= 0.01 * g / (Math.sqrt(sq[i]) + 1e-8);
            }
            float[] got = Tensors.toArray(p.value);
            assertEquals(v[0], got[0], 1e-5);
            assertEquals(v[1], got[1], 1e-5);
        }
    }
}
