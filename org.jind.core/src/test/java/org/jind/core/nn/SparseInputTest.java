package org.jind.core.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.jind.core.data.SparseMatrix;
import org.jind.core.random.TorchGenerator;
import org.jind.core.train.Batches;
import org.junit.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The sparse first layers compute what the dense ones do. Tolerance: both sum the same float32 products in a
 * different order; with at most 60 genes per cell and terms of magnitude ≤ 1, the two sums differ by at most
 * about n·ε·Σ|terms| ≈ 60 · 6e-8 · 60 ≈ 2e-4 in the worst case and ~1e-6 typically; 1e-4 relative to the largest
 * entry (never less than 1e-5 absolute) fails on any real mistake (a missing shift term changes entries by 1e-2).
 */
public class SparseInputTest {
    private static final int GENES = 60;

    /** Random cells × genes data, about {@code density} of it non-zero, with log-normalised-like values. */
    private static SparseMatrix randomSparse(int cells, double density, TorchGenerator rng) {
        SparseMatrix.Builder b = new SparseMatrix.Builder(GENES);
        for (int r = 0; r < cells; r++) {
            for (int c = 0; c < GENES; c++) {
                if (rng.uniform(0f, 1f) < density) {
                    b.add(c, rng.uniform(0.1f, 3f));
                }
            }
            b.endRow();
        }
        return b.build();
    }

    private static Input dense(SparseMatrix x) {
        float[] d = new float[x.rows() * x.cols()];
        x.denseRange(0, x.rows(), d);
        return Input.dense(Tensors.matrix(d, x.rows(), x.cols()));
    }

    private static INDArray random(int rows, int cols, TorchGenerator rng) {
        float[] v = new float[rows * cols];
        rng.normalFill(v);
        return Tensors.matrix(v, rows, cols);
    }

    private static void assertClose(String what, INDArray expected, INDArray actual) {
        float[] e = Tensors.toArray(expected);
        float[] a = Tensors.toArray(actual);
        assertEquals(what + " size", e.length, a.length);
        double max = 0;
        for (float v : e) {
            max = Math.max(max, Math.abs(v));
        }
        double tol = Math.max(1e-5, 1e-4 * max);
        for (int i = 0; i < e.length; i++) {
            assertEquals(what + "[" + i + "]", e[i], a[i], tol);
        }
    }

    private static List<INDArray> gradients(List<Param> params) {
        return params.stream().map(p -> p.grad().dup()).toList();
    }

    @Test
    public void batchesChooseSparseBelowTheDensityLimitAndDenseAbove() {
        TorchGenerator rng = new TorchGenerator(1);
        assertTrue(Batches.of(randomSparse(20, 0.01, rng)).isSparse());
        assertTrue(!Batches.of(randomSparse(20, 0.8, rng)).isSparse());
    }

    @Test
    public void encoderForwardAndGradientsEqualTheDensePath() {
        TorchGenerator rng = new TorchGenerator(3);
        ClassifierNet net = new ClassifierNet(GENES, 4, rng);
        SparseMatrix x = randomSparse(17, 0.1, rng);
        assertClose("code", net.encode(dense(x)), net.encode(Input.sparse(x)));
        INDArray dLogits = random(17, 4, rng);
        List<List<INDArray>> grads = new java.util.ArrayList<>();
        for (Input in : List.of(dense(x), Input.sparse(x))) {
            net.params().forEach(Param::zeroGrad);
            ClassifierNet.Pass p = net.forwardTrain(in, new TorchGenerator(11)); // same dropout and noise
            net.backward(p, dLogits, true);
            grads.add(gradients(net.params()));
        }
        for (int i = 0; i < grads.get(0).size(); i++) {
            assertClose(net.params().get(i).name, grads.get(0).get(i), grads.get(1).get(i));
        }
        assertTrue("the encoder's gradient is not trivially zero",
                grads.get(1).get(0).norm2Number().doubleValue() > 1e-3);
    }

    @Test
    public void generatorWithShiftEqualsTheDensePath() {
        TorchGenerator rng = new TorchGenerator(5);
        GeneratorNet g = new GeneratorNet(new Linear("e", GENES, ClassifierNet.LATENT, rng), rng);
        g.shift.value.assign(random(1, GENES, rng).muli(0.3)); // a shift that matters
        SparseMatrix x = randomSparse(13, 0.08, rng);
        assertClose("code", g.code(dense(x)), g.code(Input.sparse(x)));
        INDArray dCode = random(13, ClassifierNet.LATENT, rng);
        for (boolean mlps : new boolean[] {true, false}) {
            List<List<INDArray>> grads = new java.util.ArrayList<>();
            for (Input in : List.of(dense(x), Input.sparse(x))) {
                g.allParams().forEach(Param::zeroGrad);
                GeneratorNet.Pass p = g.forward(in, mlps ? null : new TorchGenerator(9));
                g.backward(p, dCode, mlps, !mlps);
                grads.add(gradients(g.allParams()));
            }
            for (int i = 0; i < grads.get(0).size(); i++) {
                assertClose(g.allParams().get(i).name + (mlps ? " (alignment)" : " (JIND+)"), grads.get(0).get(i),
                        grads.get(1).get(i));
            }
        }
    }
}
