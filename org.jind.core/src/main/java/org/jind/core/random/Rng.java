package org.jind.core.random;

import java.util.SplittableRandom;

/**
 * A seeded stream for the draws the reference has no counterpart of (the simulator, the sample of source codes a
 * large source keeps); the method's own draws use {@link TorchGenerator} and {@link NumpyRandomState}.
 */
public final class Rng {
    private final SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public double nextDouble() {
        return random.nextDouble();
    }

    public float gaussian() {
        return (float) random.nextGaussian();
    }

    public int nextInt(int bound) {
        return random.nextInt(bound);
    }

    /** Fisher–Yates shuffle in place. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
