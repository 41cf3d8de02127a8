package org.jind.knime.logic;

import org.jind.core.JindException;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.annotate.Thresholds;
import org.jind.core.model.TrainSettings;

/**
 * The nodes' options: their names as shown in the dialogs (one place, so messages name exactly what the user
 * sees) and the checks that turn dialog values into the core's settings. The core's own checks name the
 * command-line flags; these name the dialog options instead, and run first.
 */
public final class NodeParameters {
    public static final String LABEL_COLUMN = "Label column";
    public static final String GENE_COLUMNS = "Gene columns";
    public static final String GENES_KEPT = "Genes kept";
    public static final String EPOCHS = "Epochs";
    public static final String MAX_EPOCHS = "Maximum epochs";
    public static final String BATCH_SIZE = "Batch size";
    public static final String LEARNING_RATE = "Learning rate";
    public static final String VALIDATION_FRACTION = "Validation fraction";
    public static final String SEED = "Random seed";
    public static final String WEIGHT_DECAY_G = "Generator weight decay";
    public static final String WEIGHT_DECAY_D = "Discriminator weight decay";
    public static final String PATIENCE = "Patience (epochs)";
    public static final String THETA = "Outlier fraction θ";
    public static final String CONSIDER_UNALIGNED = "Keep the unaligned model if it rejects fewer cells";
    public static final String KEEP_FRACTION = "Kept fraction of confident cells";
    public static final String MISSING_VALUES = "Missing values in gene columns";
    public static final String FILL_ABSENT_GENES = "Treat genes absent from the table as 0";
    public static final String APPEND_PROBABILITIES = "Append cell type probabilities";
    public static final String RAW_COLUMN = "Raw prediction column";
    public static final String PREDICTION_COLUMN = "Prediction column";
    public static final String CONFIDENCE_COLUMN = "Confidence column";
    public static final String PROBABILITY_PATTERN = "Probability column names";
    public static final String TRUTH_COLUMN = "True label column";

    private NodeParameters() {
    }

    public static TrainSettings train(int genesKept, int epochs, int batchSize, double learningRate,
            double validationFraction, long seed) {
        atLeast(genesKept, 1, GENES_KEPT);
        atLeast(epochs, 1, EPOCHS);
        atLeast(batchSize, 1, BATCH_SIZE);
        positive(learningRate, LEARNING_RATE);
        fraction(validationFraction, VALIDATION_FRACTION);
        return new TrainSettings(genesKept, epochs, batchSize, learningRate, validationFraction, seed).validated();
    }

    public static AlignSettings align(double learningRate, double weightDecayG, double weightDecayD, int batchSize,
            int maxEpochs, int patience, double theta, long seed, boolean considerUnaligned) {
        positive(learningRate, LEARNING_RATE);
        notNegative(weightDecayG, WEIGHT_DECAY_G);
        notNegative(weightDecayD, WEIGHT_DECAY_D);
        atLeast(batchSize, 1, BATCH_SIZE);
        atLeast(maxEpochs, 1, MAX_EPOCHS);
        atLeast(patience, 1, PATIENCE);
        theta(theta);
        return new AlignSettings(learningRate, weightDecayG, weightDecayD, batchSize, maxEpochs, patience, theta, seed,
                considerUnaligned).validated();
    }

    public static SelfTrainSettings selfTrain(double learningRate, int batchSize, int epochs, double validationFraction,
            double keepFraction, long seed) {
        positive(learningRate, LEARNING_RATE);
        atLeast(batchSize, 1, BATCH_SIZE);
        atLeast(epochs, 1, EPOCHS);
        fraction(validationFraction, VALIDATION_FRACTION);
        if (!(keepFraction > 0 && keepFraction <= 1)) {
            throw new JindException("'" + KEEP_FRACTION + "' must be above 0 and at most 1; it is " + keepFraction
                    + ".");
        }
        return new SelfTrainSettings(learningRate, batchSize, epochs, validationFraction, keepFraction, seed)
                .validated();
    }

    /** θ, the fraction of source validation cells of each type that its threshold may reject: [0, 1). */
    public static double theta(double theta) {
        if (!(theta >= 0 && theta < 1)) {
            throw new JindException("'" + THETA + "' must be at least 0 and below 1; it is " + theta + ".");
        }
        return theta;
    }

    public static double defaultTheta() {
        return Thresholds.DEFAULT_THETA;
    }

    private static void atLeast(int value, int min, String option) {
        if (value < min) {
            throw new JindException("'" + option + "' must be at least " + min + "; it is " + value + ".");
        }
    }

    private static void positive(double value, String option) {
        if (!(value > 0 && Double.isFinite(value))) {
            throw new JindException("'" + option + "' must be a positive number; it is " + value + ".");
        }
    }

    private static void notNegative(double value, String option) {
        if (!(value >= 0 && Double.isFinite(value))) {
            throw new JindException("'" + option + "' must not be negative; it is " + value + ".");
        }
    }

    private static void fraction(double value, String option) {
        if (!(value > 0 && value < 1)) {
            throw new JindException("'" + option + "' must be between 0 and 1 (both excluded); it is " + value + ".");
        }
    }
}
