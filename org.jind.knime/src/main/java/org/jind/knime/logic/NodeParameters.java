package org.jind.knime.logic;

import java.util.function.Supplier;

import org.jind.core.InvalidSettingException;
import org.jind.core.JindException;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.annotate.Thresholds;
import org.jind.core.model.TrainSettings;

/**
 * The nodes' options: their names as shown in the dialogs (one place, so messages name exactly what the user
 * sees) and the checks that turn dialog values into the core's settings. The core's settings records check
 * themselves and name the concept; {@link #label} names the dialog option instead.
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
    public static final String APPEND_LATENT = "Append latent code (256 columns latent_0 … latent_255)";
    public static final String RAW_COLUMN = "Raw prediction column";
    public static final String PREDICTION_COLUMN = "Prediction column";
    public static final String CONFIDENCE_COLUMN = "Confidence column";
    public static final String PROBABILITY_PATTERN = "Probability column names";
    public static final String TRUTH_COLUMN = "True label column";
    public static final String BATCH_COLUMN = "Batch column";
    public static final String BATCHES_AT_ONCE = "Batches at once (0: one per core)";

    private NodeParameters() {
    }

    public static TrainSettings train(int genesKept, int epochs, int batchSize, double learningRate,
            double validationFraction, long seed) {
        return named(() -> new TrainSettings(genesKept, epochs, batchSize, learningRate, validationFraction, seed));
    }

    public static AlignSettings align(double learningRate, double weightDecayG, double weightDecayD, int batchSize,
            int maxEpochs, int patience, double theta, long seed, boolean considerUnaligned) {
        return named(() -> new AlignSettings(learningRate, weightDecayG, weightDecayD, batchSize, maxEpochs, patience,
                theta, seed, considerUnaligned));
    }

    public static SelfTrainSettings selfTrain(double learningRate, int batchSize, int epochs, double validationFraction,
            double keepFraction, long seed) {
        return named(() -> new SelfTrainSettings(learningRate, batchSize, epochs, validationFraction, keepFraction,
                seed));
    }

    /** The dialog label of a setting the core checks. */
    public static String label(InvalidSettingException.Setting s) {
        return switch (s) {
            case GENES_KEPT -> GENES_KEPT;
            case EPOCHS -> EPOCHS;
            case MAX_EPOCHS -> MAX_EPOCHS;
            case PATIENCE -> PATIENCE;
            case BATCH_SIZE -> BATCH_SIZE;
            case LEARNING_RATE -> LEARNING_RATE;
            case WEIGHT_DECAY_GENERATOR -> WEIGHT_DECAY_G;
            case WEIGHT_DECAY_DISCRIMINATOR -> WEIGHT_DECAY_D;
            case VALIDATION_FRACTION -> VALIDATION_FRACTION;
            case KEEP_FRACTION -> KEEP_FRACTION;
            case THETA -> THETA;
        };
    }

    /** Makes a settings record; a refused value is reported under its dialog label. */
    private static <T> T named(Supplier<T> make) {
        try {
            return make.get();
        } catch (InvalidSettingException e) {
            throw e.renamed("'" + label(e.setting()) + "'");
        }
    }

    /**
     * The largest θ. The core accepts [0, 1), so this one range holds everywhere: the dialog's number model is
     * bounded by [0, nextDown(1)] (1 itself is refused, every double below it allowed), and configure,
     * validateSettings (flow variables) and the core check the same.
     */
    private static final double THETA_MAX = Math.nextDown(1.0);

    /** The upper bound of θ's number model: {@link Math#nextDown}(1), the largest double below 1. */
    public static double thetaMax() {
        return THETA_MAX;
    }

    /** The sentence for a θ outside its range; the dialog shows it as is, the checks add the value given. */
    public static final String THETA_RANGE = "'" + THETA + "' must be at least 0 and below 1.";

    /** θ, the fraction of source validation cells of each type that its threshold may reject: [0, 1). */
    public static double theta(double theta) {
        if (!(theta >= 0 && theta <= THETA_MAX)) {
            throw new JindException(THETA_RANGE.substring(0, THETA_RANGE.length() - 1) + "; it is " + theta + ".");
        }
        return theta;
    }

    public static double defaultTheta() {
        return Thresholds.DEFAULT_THETA;
    }

}
