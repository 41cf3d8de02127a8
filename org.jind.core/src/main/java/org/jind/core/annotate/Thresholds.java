package org.jind.core.annotate;

import java.util.Arrays;

import org.jind.core.model.ValidationStats;

/**
 * Cell-type-specific rejection thresholds (§4): for class c, the validation cells predicted as c, their
 * maximum probabilities sorted ascending {@code p_0 ≤ … ≤ p_{n−1}}, {@code l = floor(θ·n) + 1};
 * {@code t_c = p_l} if {@code l < n}, else 0.9.
 */
public final class Thresholds {
    public static final double DEFAULT_THETA = 0.05;
    public static final double FALLBACK = 0.9;

    private Thresholds() {
    }

    public static double[] compute(ValidationStats v, double theta) {
        if (!(theta >= 0 && theta < 1)) {
            throw new org.jind.core.JindException("--theta must be in [0, 1); got " + theta + ".");
        }
        int k = v.classes();
        double[][] byClass = new double[k][];
        int[] n = new int[k];
        int cells = v.cells();
        int[] pred = new int[cells];
        double[] max = new double[cells];
        for (int i = 0; i < cells; i++) {
            int best = Probabilities.argmax(v.probabilities(), k, i);
            pred[i] = best;
            max[i] = v.probabilities()[i * k + best];
            n[best]++;
        }
        for (int c = 0; c < k; c++) {
            byClass[c] = new double[n[c]];
            n[c] = 0;
        }
        for (int i = 0; i < cells; i++) {
            byClass[pred[i]][n[pred[i]]++] = max[i];
        }
        double[] t = new double[k];
        for (int c = 0; c < k; c++) {
            double[] p = byClass[c];
            Arrays.sort(p);
            int l = (int) Math.floor(theta * p.length) + 1;
            t[c] = l < p.length ? p[l] : FALLBACK;
        }
        return t;
    }
}
