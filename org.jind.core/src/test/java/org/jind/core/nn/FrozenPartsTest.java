package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.jind.core.data.SparseMatrix;
import org.jind.core.random.TorchGenerator;
import org.jind.core.train.Batches;
import org.junit.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What models derived from one another share stays untouched: the classifier's frozen-head gradient gives the
 * numbers of the full backward pass without writing its parameters' gradients, and a generator prepared for
 * self-training shares the shift and MLPs and owns an equal copy of the encoder, made without drawing.
 */
public class FrozenPartsTest {
    private static INDArray random(int rows, int cols, TorchGenerator rng) {
        float[] v = new float[rows * cols];
        rng.normalFill(v);
        return Tensors.matrix(v, rows, cols);
    }

    /** 300 cells × 40 genes: the first 150 about 10 % non-zero (sparse minibatches), the rest 60 % (dense ones). */
    /** A fresh generator for 40 genes whose shift is not zero (so that b·W matters). */
    private static GeneratorNet shiftedGenerator(TorchGenerator rng) {
        GeneratorNet g = new GeneratorNet(new Linear("e", 40, ClassifierNet.LATENT, rng), rng);
        g.shift.value.assign(random(1, 40, rng).muli(0.3));
        return g;
    }

    private static SparseMatrix sparseThenDenseCells(TorchGenerator rng) {
        SparseMatrix.Builder b = new SparseMatrix.Builder(40);
        for (int c = 0; c < 300; c++) {
            for (int j = 0; j < 40; j++) {
                if (rng.uniform(0f, 1f) < (c < 150 ? 0.1 : 0.6)) {
                    b.add(j, rng.uniform(0.1f, 3f));
                }
            }
            b.endRow();
        }
        return b.build();
    }

    private static List<float[]> grads(List<Param> params) {
        return params.stream().map(p -> Tensors.toArray(p.grad())).toList();
    }

    @Test
    public void theFrozenHeadGradientEqualsTheBackwardPassAndWritesNoGradient() {
        TorchGenerator rng = new TorchGenerator(3);
        ClassifierNet net = new ClassifierNet(20, 4, rng);
        INDArray code = random(8, ClassifierNet.LATENT, rng);
        INDArray dLogits = random(8, 4, rng);
        List<float[]> before = grads(net.params());
        INDArray frozen = net.codeGradient(net.headPass(code.dup()), dLogits);
        List<float[]> after = grads(net.params());
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), after.get(i), 0f);
        }
        INDArray full = net.backward(net.headPass(code.dup()), dLogits, false);
        assertArrayEquals(Tensors.toArray(full), Tensors.toArray(frozen), 0f);
        // the full pass does write the head's gradients, so the check above could fail
        float[] outputGrad = Tensors.toArray(net.output.weight.grad());
        double sum = 0;
        for (float g : outputGrad) {
            sum += Math.abs(g);
        }
        assertTrue(sum > 0);
    }

    @Test
    public void aGeneratorForSelfTrainingSharesTheMlpsAndCopiesTheEncoderWithoutDrawing() {
        TorchGenerator rng = new TorchGenerator(5);
        ClassifierNet net = new ClassifierNet(20, 4, rng);
        GeneratorNet g = new GeneratorNet(net.encoder, rng);
        TorchGenerator probe = new TorchGenerator(5);
        probe.skipUniforms(ClassifierNet.initDraws(20, 4));
        GeneratorNet.skipInitialisation(probe, 20);
        GeneratorNet plus = g.withEncoderCopy();
        // the copy drew nothing: the next number is the one after the two networks' initialisation
        assertEquals(probe.uniform(0f, 1f), rng.uniform(0f, 1f), 0f);
        assertSame(g.shift, plus.shift);
        for (int i = 0; i < 3; i++) {
            assertSame(g.f2[i], plus.f2[i]);
            assertSame(g.f3[i], plus.f3[i]);
        }
        assertNotSame(g.encoder, plus.encoder);
        assertArrayEquals(Tensors.toArray(g.encoder.weight.value), Tensors.toArray(plus.encoder.weight.value), 0f);
        assertArrayEquals(Tensors.toArray(g.encoder.bias.value), Tensors.toArray(plus.encoder.bias.value), 0f);
        assertEquals(g.encoder.weight.name, plus.encoder.weight.name);
        // changing the copy leaves the original alone
        plus.encoder.weight.value.addi(1);
        assertArrayEquals(Tensors.toArray(net.encoder.weight.value), Tensors.toArray(g.encoder.weight.value), 0f);
    }

    /**
     * A pass with F2's and F3's outputs computed once gives the full pass's code and encoder gradient, draws the same
     * dropout and noise, and refuses to train the MLPs it did not run. Sparse and dense inputs, minibatch rows in a
     * shuffled order. Tolerance: the frozen outputs come from products over 300 rows instead of 7, which may round
     * the last bit differently (values of order 1: 1e-5).
     */
    @Test
    public void frozenMlpOutputsGiveTheFullPass() {
        TorchGenerator rng = new TorchGenerator(8);
        GeneratorNet g = shiftedGenerator(rng);
        SparseMatrix x = sparseThenDenseCells(rng);
        GeneratorNet.FrozenMlps mlps = g.frozenMlps(x, 64);
        Batches batches = new Batches(x);
        for (int[] ids : new int[][] {{5, 149, 0, 77, 3, 120, 9}, {290, 151, 200, 299, 160, 170, 250}}) {
            INDArray dCode = random(ids.length, ClassifierNet.LATENT, rng);
            float[][] codes = new float[2][];
            float[][] grads = new float[2][];
            float[] next = new float[2];
            for (int k = 0; k < 2; k++) {
                g.encoder.weight.zeroGrad();
                TorchGenerator draws = new TorchGenerator(21);
                GeneratorNet.Pass p = k == 0 ? g.forward(batches.rows(ids, 0, ids.length), draws)
                        : g.forwardWithFrozenMlps(batches.rows(ids, 0, ids.length), mlps.rows(ids, 0, ids.length),
                                draws);
                g.backward(p, dCode, false, true);
                codes[k] = Tensors.toArray(p.code);
                grads[k] = Tensors.toArray(g.encoder.weight.grad());
                next[k] = draws.uniform(0f, 1f); // where the draws stand after the pass
            }
            assertEquals("the same dropout and noise drawn", next[0], next[1], 0f);
            assertArrayEquals(codes[0], codes[1], 1e-5f);
            assertArrayEquals(grads[0], grads[1], 1e-4f);
        }
        GeneratorNet.Pass frozen = g.forwardWithFrozenMlps(batches.rows(new int[] {1, 2}, 0, 2),
                mlps.rows(new int[] {1, 2}, 0, 2), null);
        try {
            g.backward(frozen, random(2, ClassifierNet.LATENT, rng), true, false);
            org.junit.Assert.fail("trained MLPs it did not run");
        } catch (IllegalStateException expected) {
            assertTrue(expected.getMessage().contains("encoder only"));
        }
    }

    /**
     * Alignment's pass with the frozen encoder's x·W computed once per cell gives the full pass: bit for bit for a
     * sparse minibatch (the same products, per cell), up to float rounding for a dense one ((x + b)·W against
     * x·W + b·W: 1e-5 on values of order 1); and the MLPs' gradients agree the same way.
     */
    @Test
    public void encoderProductsComputedOnceGiveTheFullPass() {
        TorchGenerator rng = new TorchGenerator(12);
        GeneratorNet g = shiftedGenerator(rng);
        SparseMatrix x = sparseThenDenseCells(rng);
        float[] products = g.encoderProducts(x, 64);
        Batches batches = new Batches(x);
        int[][] minibatches = {{5, 149, 0, 77, 3, 120, 9}, {290, 151, 200, 299, 160, 170, 250}};
        for (int m = 0; m < 2; m++) {
            int[] ids = minibatches[m];
            Input in = batches.rows(ids, 0, ids.length);
            assertEquals("minibatch " + m + " is " + (m == 0 ? "sparse" : "dense"), m == 0, in.isSparse());
            INDArray dCode = random(ids.length, ClassifierNet.LATENT, rng);
            float[][] codes = new float[2][];
            List<List<float[]>> grads = new java.util.ArrayList<>();
            for (int k = 0; k < 2; k++) {
                g.allParams().forEach(Param::zeroGrad);
                GeneratorNet.Pass p = k == 0 ? g.forward(in, null)
                        : g.forwardWithEncoderProducts(in, Tensors.gatherRows(products, ClassifierNet.LATENT, ids, 0,
                                ids.length));
                g.backward(p, dCode, true, false);
                codes[k] = Tensors.toArray(p.code);
                grads.add(grads(g.alignmentParams()));
            }
            assertArrayEquals(codes[0], codes[1], m == 0 ? 0f : 1e-5f);
            for (int i = 0; i < grads.get(0).size(); i++) {
                assertArrayEquals(g.alignmentParams().get(i).name, grads.get(0).get(i), grads.get(1).get(i),
                        m == 0 ? 0f : 1e-4f);
            }
        }
    }
}
