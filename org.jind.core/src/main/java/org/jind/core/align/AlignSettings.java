package org.jind.core.align;

import org.jind.core.JindException;

/**
 * Hyperparameters of adversarial alignment (§6, §9) with the spec's defaults. {@code considerUnaligned}: also
 * keep the unaligned model when it rejects fewer target cells than every generator (off by default, like the
 * reference). The thread count is a process setting (see {@link org.jind.core.nn.Backend#useThreads}).
 */
public record AlignSettings(double learningRate, double weightDecayG, double weightDecayD, int batchSize, int maxEpochs,
        int patience, double theta, long seed, boolean considerUnaligned) {

    public static AlignSettings defaults() {
        return new AlignSettings(1e-4, 1e-2, 1e-3, 128, 15, 7, 0.05, 0, false);
    }

    public AlignSettings validated() {
        check(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number");
        check(weightDecayG >= 0 && weightDecayD >= 0, "weight decays must not be negative");
        check(batchSize >= 1, "--batch-size must be at least 1");
        check(maxEpochs >= 1, "--max-epochs must be at least 1");
        check(patience >= 1, "--patience must be at least 1");
        check(theta >= 0 && theta < 1, "--theta must be in [0, 1)");
        return this;
    }

    static void check(boolean ok, String message) {
        if (!ok) {
            throw new JindException(message + ".");
        }
    }
}
