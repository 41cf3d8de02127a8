package org.jind.core.model;

/**
 * Hyperparameters of classifier training (spec §3, §9), with the spec's defaults. The numerical backend's thread
 * count is a process setting ({@link org.jind.core.nn.Backend#useThreads}), not a setting of a step; model files
 * written when it was one still load (the old {@code threads} entry is ignored).
 */
public record TrainSettings(int genesKept, int epochs, int batchSize, double learningRate, double validationFraction,
        long seed) {

    public static TrainSettings defaults() {
        return new TrainSettings(5000, 15, 128, 1e-3, 0.2, 0);
    }

    /** Checks ranges, naming the option to fix. */
    public TrainSettings validated() {
        require(genesKept >= 1, "--genes must be at least 1");
        require(epochs >= 1, "--epochs must be at least 1");
        require(batchSize >= 1, "--batch-size must be at least 1");
        require(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number");
        require(validationFraction > 0 && validationFraction < 1, "--val-fraction must be between 0 and 1 (exclusive)");
        return this;
    }

    static void require(boolean ok, String message) {
        if (!ok) {
            throw new org.jind.core.JindException(message + ".");
        }
    }
}
