package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class LossesTest {

    @Test
    public void weightedNllIsTheWeightedMeanOfPerCellLosses() {
        float[] logits = {0, 0, 2, 0}; // cell 0: p = (.5,.5); cell 1: p = (e²/(e²+1), 1/(e²+1))
        double[] w = {1.0, 3.0};
        int[] y = {0, 1};
        Losses.Result r = Losses.weightedNll(Tensors.matrix(logits, 2, 2), y, w);
        double l0 = -Math.log(0.5);
        double l1 = -Math.log(1 / (Math.exp(2) + 1));
        assertEquals((1 * l0 + 3 * l1) / 4, r.loss(), 1e-6);
        // gradient: w_i/Σw · (p − onehot)
        float[] g = Tensors.toArray(r.grad());
        double p10 = Math.exp(2) / (Math.exp(2) + 1);
        assertArrayEquals(new float[] {(float) (0.25 * (0.5 - 1)), (float) (0.25 * 0.5), (float) (0.75 * p10),
            (float) (0.75 * (1 - p10 - 1))}, g, 1e-6f);
    }

    @Test
    public void bceMatchesTheDefinitionAndSaturatesToZero() {
        Losses.Result r = Losses.bce(Tensors.matrix(new float[] {0f, 2f}, 2, 1), 1f);
        double expected = (-Math.log(0.5) - Math.log(1 / (1 + Math.exp(-2)))) / 2;
        assertEquals(expected, r.loss(), 1e-6);
        assertArrayEquals(new float[] {(0.5f - 1) / 2, (float) (1 / (1 + Math.exp(-2)) - 1) / 2},
                Tensors.toArray(r.grad()), 1e-6f);
        // a logit so large that the float probability is exactly 1: the loss is exactly 0, as in PyTorch
        assertEquals(0.0, Losses.bce(Tensors.matrix(new float[] {40f}, 1, 1), 1f).loss(), 0.0);
        // and the log is clamped at -100 on the other side
        assertEquals(100.0, Losses.bce(Tensors.matrix(new float[] {40f}, 1, 1), 0f).loss(), 1e-9);
    }

    @Test
    public void bceGradientFadesWhereTheProbabilitySaturatesAsInPytorch() {
        // x.grad after BCELoss()(sigmoid(x), t).backward() in PyTorch 1.13 for one logit x and target t
        assertEquals(0f, grad(40f, 0f), 0f); // p is exactly 1: no gradient, although the loss is 100
        assertEquals(-0.09357623755931854f, grad(-30f, 1f), 2e-6f); // p < 1e-12: damped
        assertEquals(-1f, grad(-20f, 1f), 1e-6f);
        assertEquals(-0.11920296400785446f, grad(2f, 1f), 1e-7f);
    }

    private static float grad(float logit, float target) {
        return Tensors.toArray(Losses.bce(Tensors.matrix(new float[] {logit}, 1, 1), target).grad())[0];
    }
}
