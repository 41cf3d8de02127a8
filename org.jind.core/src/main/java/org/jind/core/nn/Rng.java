package org.jind.core.nn;

import java.util.SplittableRandom;

/** The seeded random source of a run: the same seed gives the same draws, hence the same model. */
public final class Rng {
    private final SplittableRandom random;

    public Rng(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public float uniform(float lo, float hi) {
        return lo + (hi - lo) * (float) random.nextDouble();
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

    /** An independent stream derived from this one (e.g. one per network). */
    public Rng split() {
        return new Rng(random.nextLong());
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

    /** {@code n} indices drawn uniformly from [0, bound) with replacement. */
    public int[] withReplacement(int n, int bound) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = random.nextInt(bound);
        }
        return out;
    }
}
