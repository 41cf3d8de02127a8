package org.jind.core.model;

import static org.jind.core.InvalidSettingException.Setting.BATCH_SIZE;
import static org.jind.core.InvalidSettingException.Setting.EPOCHS;
import static org.jind.core.InvalidSettingException.Setting.GENES_KEPT;
import static org.jind.core.InvalidSettingException.Setting.LEARNING_RATE;
import static org.jind.core.InvalidSettingException.Setting.VALIDATION_FRACTION;
import static org.jind.core.InvalidSettingException.Step.TRAINING;

import org.jind.core.InvalidSettingException;

/**
 * Hyperparameters of classifier training (spec §3, §9), with the spec's defaults. Out-of-range values are
 * refused when the record is made ({@link InvalidSettingException}), so every instance is valid. The numerical
 * backend's thread count is a process setting ({@link org.jind.core.nn.Backend#useThreads}), not a setting of a
 * step; model files written when it was one still load (their {@code threads} entry is ignored).
 */
public record TrainSettings(int genesKept, int epochs, int batchSize, double learningRate, double validationFraction,
        long seed) {

    public TrainSettings {
        InvalidSettingException.atLeast(TRAINING, GENES_KEPT, genesKept, 1);
        InvalidSettingException.atLeast(TRAINING, EPOCHS, epochs, 1);
        InvalidSettingException.atLeast(TRAINING, BATCH_SIZE, batchSize, 1);
        InvalidSettingException.positive(TRAINING, LEARNING_RATE, learningRate);
        InvalidSettingException.openFraction(TRAINING, VALIDATION_FRACTION, validationFraction);
    }

    public static TrainSettings defaults() {
        return new TrainSettings(5000, 15, 128, 1e-3, 0.2, 0);
    }
}
