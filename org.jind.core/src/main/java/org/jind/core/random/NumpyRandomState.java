package org.jind.core.random;

/**
 * NumPy's legacy {@code RandomState(seed)} for the draws the reference makes with it: permutations (scikit-learn's
 * stratified split) and {@code randint} (the alignment minibatches). Both use masked rejection sampling on 32-bit
 * words.
 */
public final class NumpyRandomState {
    private final Mt19937 mt;

    public NumpyRandomState(long seed) {
        this.mt = new Mt19937(seed);
    }

    /** A uniform integer in [0, max]: draw words masked to max's bit length until one is ≤ max. */
    public int interval(int max) {
        if (max == 0) {
            return 0;
        }
        int mask = -1 >>> Integer.numberOfLeadingZeros(max);
        int v;
        do {
            v = mt.nextInt() & mask;
        } while (v > max);
        return v;
    }

    /** {@code shuffle(a)} in place: Fisher–Yates from the end. */
    public void shuffle(int[] a) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = interval(i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    /** {@code permutation(n)}: a shuffled 0..n−1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    /** {@code randint(0, high, size)}: {@code size} draws from [0, high) with replacement. */
    public int[] randint(int high, int size) {
        int[] out = new int[size];
        for (int i = 0; i < size; i++) {
            out[i] = interval(high - 1);
        }
        return out;
    }
}
