package org.jind.core.align;

/** Hyperparameters of JIND+ self-training (§7, §9) with the spec's defaults (threads: a process setting, see Backend). */
public record SelfTrainSettings(double learningRate, int batchSize, int epochs, double validationFraction,
        double keepFraction, long seed) {

    public static SelfTrainSettings defaults() {
        return new SelfTrainSettings(1e-4, 128, 10, 0.1, 0.95, 0);
    }

    public SelfTrainSettings validated() {
        AlignSettings.check(learningRate > 0 && Double.isFinite(learningRate), "--lr must be a positive number");
        AlignSettings.check(batchSize >= 1, "--batch-size must be at least 1");
        AlignSettings.check(epochs >= 1, "--epochs must be at least 1");
        AlignSettings.check(validationFraction > 0 && validationFraction < 1, "--val-fraction must be between 0 and 1");
        AlignSettings.check(keepFraction > 0 && keepFraction <= 1, "--keep-fraction must be in (0, 1]");
        return this;
    }
}
