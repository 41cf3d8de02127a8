package org.jind.core;

import org.jind.core.InvalidSettingException.Step;

/**
 * A training, alignment or self-training run whose loss stopped being a finite number: the weights overflowed,
 * nearly always because the learning rate (or a weight decay) is too large. The loops check their epoch loss,
 * so the run stops within an epoch of it and nothing is written. The adapters add the option or dialog label of
 * the step's learning rate through {@link #messageFor(String)}.
 */
public final class DivergedException extends JindException {
    private static final long serialVersionUID = 1L;

    private final Step step;
    private final String what;

    private DivergedException(Step step, String what) {
        super(text(step, what, "learning rate of " + step));
        this.step = step;
        this.what = what;
    }

    /** Throws when {@code loss} (named {@code name} in the message, e.g. "loss") is not a finite number. */
    public static void check(Step step, int epoch, String name, double loss) {
        if (!Double.isFinite(loss)) {
            throw new DivergedException(step, "in epoch " + epoch + " its " + name + " became " + loss);
        }
    }

    public Step step() {
        return step;
    }

    /** The message with {@code learningRate}, the name the user knows the step's learning rate by. */
    public String messageFor(String learningRate) {
        return text(step, what, learningRate);
    }

    private static String text(Step step, String what, String learningRate) {
        String s = step.toString();
        return s.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + s.substring(1) + " diverged: " + what
                + "; nothing was written. Try a smaller " + learningRate
                + (step == Step.ALIGNMENT ? " or smaller weight decays." : ".");
    }
}
