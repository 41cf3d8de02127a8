package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotSame;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.jind.core.random.TorchGenerator;
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

    private static List<float[]> grads(List<Param> params) {
        return params.stream().map(p -> Tensors.toArray(p.grad)).toList();
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
        float[] outputGrad = Tensors.toArray(net.output.weight.grad);
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
}
