package org.jind.core.align;

import static org.jind.core.InvalidSettingException.Setting.BATCH_SIZE;
import static org.jind.core.InvalidSettingException.Setting.EPOCHS;
import static org.jind.core.InvalidSettingException.Setting.KEEP_FRACTION;
import static org.jind.core.InvalidSettingException.Setting.LEARNING_RATE;
import static org.jind.core.InvalidSettingException.Setting.VALIDATION_FRACTION;
import static org.jind.core.InvalidSettingException.Step.SELF_TRAINING;

import org.jind.core.InvalidSettingException;

/**
 * Hyperparameters of JIND+ self-training (§7, §9) with the spec's defaults; out-of-range values are refused when
 * the record is made ({@link InvalidSettingException}).
 */
public record SelfTrainSettings(double learningRate, int batchSize, int epochs, double validationFraction,
        double keepFraction, long seed) {

    public SelfTrainSettings {
        InvalidSettingException.positive(SELF_TRAINING, LEARNING_RATE, learningRate);
        InvalidSettingException.atLeast(SELF_TRAINING, BATCH_SIZE, batchSize, 1);
        InvalidSettingException.atLeast(SELF_TRAINING, EPOCHS, epochs, 1);
        InvalidSettingException.openFraction(SELF_TRAINING, VALIDATION_FRACTION, validationFraction);
        InvalidSettingException.fractionUpToOne(SELF_TRAINING, KEEP_FRACTION, keepFraction);
    }

    public static SelfTrainSettings defaults() {
        return new SelfTrainSettings(1e-4, 128, 10, 0.1, 0.95, 0);
    }
}
