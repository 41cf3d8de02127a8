package org.jind.core.align;

import static org.jind.core.InvalidSettingException.Setting.BATCH_SIZE;
import static org.jind.core.InvalidSettingException.Setting.LEARNING_RATE;
import static org.jind.core.InvalidSettingException.Setting.MAX_EPOCHS;
import static org.jind.core.InvalidSettingException.Setting.PATIENCE;
import static org.jind.core.InvalidSettingException.Setting.THETA;
import static org.jind.core.InvalidSettingException.Setting.WEIGHT_DECAY_DISCRIMINATOR;
import static org.jind.core.InvalidSettingException.Setting.WEIGHT_DECAY_GENERATOR;
import static org.jind.core.InvalidSettingException.Step.ALIGNMENT;

import org.jind.core.InvalidSettingException;

/**
 * Hyperparameters of adversarial alignment (§6, §9) with the spec's defaults. {@code considerUnaligned}: also
 * keep the unaligned model when it rejects fewer target cells than every generator (off by default, like the
 * * reference). Out-of-range values are refused when the record is made ({@link InvalidSettingException}). The
 * thread count is a process setting (see {@link org.jind.core.nn.Backend#useThreads}).
 */
public record AlignSettings(double learningRate, double weightDecayG, double weightDecayD, int batchSize, int maxEpochs,
        int patience, double theta, long seed, boolean considerUnaligned) {

    public AlignSettings {
        InvalidSettingException.positive(ALIGNMENT, LEARNING_RATE, learningRate);
        InvalidSettingException.notNegative(ALIGNMENT, WEIGHT_DECAY_GENERATOR, weightDecayG);
        InvalidSettingException.notNegative(ALIGNMENT, WEIGHT_DECAY_DISCRIMINATOR, weightDecayD);
        InvalidSettingException.atLeast(ALIGNMENT, BATCH_SIZE, batchSize, 1);
        InvalidSettingException.atLeast(ALIGNMENT, MAX_EPOCHS, maxEpochs, 1);
        InvalidSettingException.atLeast(ALIGNMENT, PATIENCE, patience, 1);
        InvalidSettingException.fractionBelowOne(ALIGNMENT, THETA, theta);
    }

    public static AlignSettings defaults() {
        return new AlignSettings(1e-4, 1e-2, 1e-3, 128, 15, 7, 0.05, 0, false);
    }
}
