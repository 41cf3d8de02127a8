package org.jind.core.align;

/**
 * The control logic of alignment (§6), apart from any network so it can be tested with scripted losses:
 * running losses per epoch, the gates deciding whether G and D step, the zero-loss re-initialisation, balanced
 * epochs, patience and stopping.
 */
public final class AlignmentSchedule {
    static final double START = 0.7;
    static final double G_STEP_ABOVE = 0.4;
    static final double D_STEP_G_BELOW = 0.8;
    static final double D_STEP_D_ABOVE = 1.0;
    static final double BALANCED_LOW = 0.5;
    static final double BALANCED_HIGH = 0.78;

    private final int patience;
    private final int maxEpochs;
    private double runningG;
    private double runningD;
    private int weightG;
    private int weightD;
    private int epoch;
    private int balancedEpochs;
    private int dryEpochs;
    private boolean stopped;

    public AlignmentSchedule(int patience, int maxEpochs) {
        this.patience = patience;
        this.maxEpochs = maxEpochs;
    }

    /** Iterations per epoch: 40 when the target has fewer than 50 minibatches of 128, else that many. */
    public static int iterationsPerEpoch(int targetCells) {
        int minibatches = (targetCells + 127) / 128;
        return minibatches < 50 ? 40 : minibatches;
    }

    public void startEpoch() {
        epoch++;
        runningG = START;
        runningD = START;
        weightG = 0;
        weightD = 0;
    }

    /** Step G only while its running loss (before this update) is above 0.4. */
    public boolean shouldStepG() {
        return runningG > G_STEP_ABOVE;
    }

    /** Step D only while G's running loss is under 0.8 or D's is above 1.0. */
    public boolean shouldStepD() {
        return runningG < D_STEP_G_BELOW || runningD > D_STEP_D_ABOVE;
    }

    /** Folds a G step loss into the running mean; returns true when the networks must be re-initialised. */
    public boolean foldG(double loss) {
        runningG = (runningG * weightG + loss) / (weightG + 1);
        weightG++;
        return zeroLoss(loss);
    }

    /** Folds a D step loss into the running mean; returns true when the networks must be re-initialised. */
    public boolean foldD(double loss) {
        runningD = (runningD * weightD + loss) / (weightD + 1);
        weightD++;
        return zeroLoss(loss);
    }

    private boolean zeroLoss(double loss) {
        boolean zero = loss == 0 || runningG == 0 || runningD == 0;
        if (zero) {
            balancedEpochs = 0;
            dryEpochs = 0;
        }
        return zero;
    }

    /** Ends an epoch; returns whether it was balanced (then the caller scores the current generator). */
    public boolean endEpoch() {
        boolean balanced = runningG > BALANCED_LOW && runningG < BALANCED_HIGH && runningD > BALANCED_LOW
                && runningD < BALANCED_HIGH;
        if (balanced) {
            balancedEpochs++;
            dryEpochs = 0;
            stopped = balancedEpochs >= patience;
        } else {
            dryEpochs++;
            stopped = dryEpochs >= patience;
        }
        stopped |= epoch >= maxEpochs;
        return balanced;
    }

    public boolean stopped() {
        return stopped;
    }

    public double runningG() {
        return runningG;
    }

    public double runningD() {
        return runningD;
    }

    public int epoch() {
        return epoch;
    }

    public int balancedEpochs() {
        return balancedEpochs;
    }

    public int dryEpochs() {
        return dryEpochs;
    }
}
