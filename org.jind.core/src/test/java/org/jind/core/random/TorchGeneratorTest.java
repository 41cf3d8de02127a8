package org.jind.core.random;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** The expected numbers are what PyTorch 1.13 prints on the CPU for the commented calls. */
public class TorchGeneratorTest {

    @Test
    public void uniformFloatsMatchTorchRand() {
        // torch.manual_seed(0); torch.rand(5)
        TorchGenerator g = new TorchGenerator(0);
        float[] expected = {0.49625658988952637f, 0.7682217955589294f, 0.08847743272781372f, 0.13203048706054688f,
                0.30742281675338745f};
        for (float e : expected) {
            assertEquals(e, g.uniform(0f, 1f), 0f);
        }
    }

    @Test
    public void int64DrawsMatchTorchRandom() {
        // torch.manual_seed(0); [torch.empty((), dtype=torch.int64).random_() for _ in range(2)]
        TorchGenerator g = new TorchGenerator(0);
        assertEquals(900450186894289455L, g.randomLong());
        assertEquals(3969543146641149120L, g.randomLong());
    }

    @Test
    public void randpermMatchesTorch() {
        // g = torch.Generator(); g.manual_seed(123456789012345); torch.randperm(10, generator=g)
        assertArrayEquals(new int[] {4, 6, 9, 0, 2, 8, 7, 3, 1, 5}, new TorchGenerator(123456789012345L).randperm(10));
    }

    @Test
    public void bernoulliMatchesTorch() {
        // torch.manual_seed(0); torch.empty(6).bernoulli_(0.8)
        TorchGenerator g = new TorchGenerator(0);
        boolean[] expected = {false, true, true, false, true, true};
        for (boolean e : expected) {
            assertEquals(e, g.bernoulli(0.8));
        }
    }

    @Test
    public void normalsMatchTorchRandnIncludingTheTail() {
        // torch.manual_seed(0); torch.randn(20): one block of 16, then the last 16 redrawn
        float[] expected = {-1.1258398294448853f, -1.152360200881958f, -0.2505785822868347f, -0.4338788092136383f,
                0.5988394618034363f, -1.5550950765609741f, -0.3413603901863098f, 1.85300612449646f,
                0.46809640526771545f, -0.1577124446630478f, 1.4436601400375366f, 0.26604941487312317f,
                1.3893661499023438f, 1.586334228515625f, 0.946298360824585f, -0.843676745891571f,
                0.9318265914916992f, 1.2590092420578003f, 2.0049805641174316f, 0.05373690277338028f};
        float[] got = new float[20];
        new TorchGenerator(0).normalFill(got);
        assertArrayEquals(expected, got, 2e-7f);
    }

    @Test
    public void skippingNormalsLeavesTheStreamWhereRandnLeavesIt() {
        // torch.manual_seed(0); torch.randn(40); torch.rand(1)
        TorchGenerator g = new TorchGenerator(0);
        g.skipNormals(40);
        assertEquals(0.593172013759613f, g.uniform(0f, 1f), 0f);
        TorchGenerator h = new TorchGenerator(0);
        h.normalFill(new float[40]);
        assertEquals(0.593172013759613f, h.uniform(0f, 1f), 0f);
    }

    @Test
    public void dataLoaderPassesDrawLikeTorch() {
        // torch.manual_seed(0); dl = DataLoader(list(range(10)), batch_size=4, shuffle=True): one pass, a pass of
        // a non-shuffling loader, another pass, then torch.rand(1)
        TorchGenerator g = new TorchGenerator(0);
        assertArrayEquals(new int[] {6, 7, 1, 4, 2, 0, 9, 8, 3, 5}, g.shuffledPass(10));
        g.sequentialPass();
        assertArrayEquals(new int[] {2, 4, 9, 8, 7, 5, 6, 1, 0, 3}, g.shuffledPass(10));
        assertEquals(0.3488934636116028f, g.uniform(0f, 1f), 0f);
    }
}
