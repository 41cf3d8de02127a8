package org.jind.core.annotate;

/** Row-wise helpers for probability matrices stored row-major (cells × classes). */
public final class Probabilities {
    private Probabilities() {
    }

    /** The class with the highest probability in row {@code row} (the first one on ties). */
    public static int argmax(float[] p, int k, int row) {
        int off = row * k;
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (p[off + c] > p[off + best]) {
                best = c;
            }
        }
        return best;
    }

    /** The arg-max of every row. */
    public static int[] argmax(float[] p, int k) {
        int[] out = new int[p.length / k];
        for (int i = 0; i < out.length; i++) {
            out[i] = argmax(p, k, i);
        }
        return out;
    }

    /** Fraction of rows whose arg-max equals {@code y}; 0 for no rows. */
    public static double accuracy(float[] p, int[] y, int k) {
        if (y.length == 0) {
            return 0;
        }
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            right += argmax(p, k, i) == y[i] ? 1 : 0;
        }
        return (double) right / y.length;
    }
}
