package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;

import org.jind.core.random.TorchGenerator;
import org.junit.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

/** The network's random draws equal PyTorch's for the same seed (numbers printed by PyTorch 1.13). */
public class ReferenceDrawsTest {

    @Test
    public void linearInitialisesLikeNnLinear() {
        // torch.manual_seed(0); l = nn.Linear(3, 2); l.weight (2 × 3), l.bias
        Linear l = new Linear("l", 3, 2, new TorchGenerator(0));
        float[][] torchWeight = {{-0.004322517663240433f, 0.3097158372402191f, -0.4751853346824646f},
                {-0.4248946011066437f, -0.2223689705133438f, 0.15482072532176971f}};
        for (int o = 0; o < 2; o++) {
            for (int i = 0; i < 3; i++) {
                // ours is in × out, torch's out × in
                assertEquals(torchWeight[o][i], l.weight.value.getFloat(i, o), 1e-7f);
            }
        }
        assertArrayEquals(new float[] {-0.011439144611358643f, 0.45777493715286255f}, Tensors.toArray(l.bias.value),
                1e-7f);
    }

    @Test
    public void dropoutThenNoiseDrawLikeTheReferenceEncoder() {
        // torch.manual_seed(3); nn.Sequential(nn.Dropout(0.2), GaussianNoise(sigma=0.2)).train()(torch.ones(2, 256))
        INDArray ones = Tensors.matrix(new float[2 * ClassifierNet.LATENT], 2, ClassifierNet.LATENT).addi(1);
        float[] out = Tensors.toArray(ClassifierNet.Stochastic.draw(2, new TorchGenerator(3)).apply(ones));
        assertArrayEquals(new float[] {1.4837082624435425f, 0.9933533668518066f, 1.2775596380233765f,
                1.0957419872283936f, 1.4158568382263184f, 1.1878899335861206f}, Arrays.copyOf(out, 6), 1e-6f);
        assertArrayEquals(new float[] {1.058870792388916f, 0f, 0f, 1.736921787261963f},
                Arrays.copyOfRange(out, 2 * ClassifierNet.LATENT - 4, 2 * ClassifierNet.LATENT), 1e-6f);
    }
}
