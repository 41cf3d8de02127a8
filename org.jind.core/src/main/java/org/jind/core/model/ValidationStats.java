package org.jind.core.model;

/**
 * The source validation cells' probabilities (n × K, row-major) and true class indices at the best epoch:
 * what rejection thresholds are computed from, for any θ.
 */
public record ValidationStats(float[] probabilities, int[] labels, int classes) {
    public int cells() {
        return labels.length;
    }
}
