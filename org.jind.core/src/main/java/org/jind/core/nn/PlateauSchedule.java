package org.jind.core.nn;

/**
 * Reduce-on-plateau as the spec fixes it: halve the learning rate when the epoch loss has not improved
 * by 5 % (relative) on the best for more than 2 epochs.
 */
public final class PlateauSchedule {
    private final Optimizer optimizer;
    private final double factor;
    private final int patience;
    private final double threshold;
    private double best = Double.POSITIVE_INFINITY;
    private int badEpochs;

    public PlateauSchedule(Optimizer optimizer) {
        this(optimizer, 0.5, 2, 0.05);
    }

    public PlateauSchedule(Optimizer optimizer, double factor, int patience, double threshold) {
        this.optimizer = optimizer;
        this.factor = factor;
        this.patience = patience;
        this.threshold = threshold;
    }

    /** Feeds one epoch's loss; returns true when the learning rate was reduced. */
    public boolean step(double loss) {
        if (loss < best * (1 - threshold)) {
            best = loss;
            badEpochs = 0;
            return false;
        }
        badEpochs++;
        if (badEpochs > patience) {
            badEpochs = 0;
            optimizer.setLearningRate(optimizer.learningRate() * factor);
            return true;
        }
        return false;
    }
}
