package org.jind.core.random;

/**
 * PyTorch's CPU random generator ({@code torch.manual_seed}) and the ways PyTorch 1.x turns its words into
 * numbers on the CPU, for the draws JIND makes: uniform weights, dropout masks, Gaussian noise, the seeds and
 * permutations of a shuffling {@code DataLoader}. Drawing the same things in the same order as the reference gives
 * the same numbers, so a seed names the same initial weights, batches, masks and noise in both programs.
 */
public final class TorchGenerator {
    private static final double TWO_PI = 2 * Math.PI;

    private final Mt19937 mt;

    public TorchGenerator(long seed) {
        this.mt = new Mt19937(seed);
    }

    /** {@code random()}: one 32-bit word. */
    public long random() {
        return mt.nextUnsigned();
    }

    /** {@code random64()}: two words, the first one high. */
    public long random64() {
        return (mt.nextUnsigned() << 32) | mt.nextUnsigned();
    }

    /** {@code tensor.uniform_(from, to)} on float32, one element: 24 random bits scaled into [from, to). */
    public float uniform(float from, float to) {
        float x = (float) ((mt.nextUnsigned() & 0xffffff) * 0x1.0p-24);
        return x * (to - from) + from;
    }

    /** A double uniform in [0, 1) from 53 bits of {@link #random64}, as {@code bernoulli_(p)} compares it. */
    public double uniformDouble() {
        return (random64() & ((1L << 53) - 1)) * 0x1.0p-53;
    }

    /** {@code bernoulli_(p)} on one element (PyTorch's CPU path without MKL). */
    public boolean bernoulli(double p) {
        return uniformDouble() < p;
    }

    /**
     * {@code tensor.normal_()} (standard normal) on a contiguous float32 tensor of at least 16 elements: uniforms
     * for every element, then Box–Muller on blocks of 16 (element j with j + 8); a tail shorter than 16 redraws the
     * last 16 elements.
     */
    public void normalFill(float[] out) {
        int n = out.length;
        if (n < 16) {
            throw new IllegalArgumentException("normalFill needs at least 16 elements");
        }
        for (int i = 0; i < n; i++) {
            out[i] = uniform(0f, 1f);
        }
        for (int i = 0; i + 16 <= n; i += 16) {
            boxMuller16(out, i);
        }
        if (n % 16 != 0) {
            for (int i = n - 16; i < n; i++) {
                out[i] = uniform(0f, 1f);
            }
            boxMuller16(out, n - 16);
        }
    }

    private static void boxMuller16(float[] a, int from) {
        for (int j = from; j < from + 8; j++) {
            float u1 = 1f - a[j];
            float u2 = a[j + 8];
            float radius = (float) Math.sqrt((float) (-2 * (float) Math.log(u1)));
            float theta = (float) (TWO_PI * u2);
            a[j] = radius * (float) Math.cos(theta);
            a[j + 8] = radius * (float) Math.sin(theta);
        }
    }

    /**
     * Advances past a {@code torch.randn} of {@code n} elements whose values are not needed (the reference draws
     * noise it multiplies by zero, and initialises a tensor it never uses).
     */
    public void skipNormals(long n) {
        if (n >= 16) {
            mt.skip(n + (n % 16 == 0 ? 0 : 16));
        } else {
            mt.skip(4 * ((n + 1) / 2)); // pairs of double Box–Muller, two 64-bit draws each
        }
    }

    /** Advances past {@code n} float uniforms (weights the reference initialises and then overwrites). */
    public void skipUniforms(long n) {
        mt.skip(n);
    }

    /** {@code torch.empty((), dtype=int64).random_()}: 63 random bits. */
    public long randomLong() {
        return random64() & Long.MAX_VALUE;
    }

    /** {@code torch.randperm(n, generator=this)}: swap position i with i + (word mod (n − i)). */
    public int[] randperm(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < n - 1; i++) {
            int z = (int) (random() % (n - i));
            int t = p[i];
            p[i] = p[z + i];
            p[z + i] = t;
        }
        return p;
    }

    /**
     * The order of one pass of a shuffling {@code DataLoader} over {@code n} items: the iterator draws its base seed,
     * the sampler draws the seed of a fresh generator, and that generator's permutation is the order.
     */
    public int[] shuffledPass(int n) {
        randomLong(); // the iterator's base seed (only used by worker processes)
        return new TorchGenerator(randomLong()).randperm(n);
    }

    /** One pass of a non-shuffling {@code DataLoader}: its iterator still draws a base seed. */
    public void sequentialPass() {
        randomLong();
    }
}
