package org.jind.core;

import java.util.Locale;

/**
 * A setting of a step (training, alignment, self-training) out of its range. The core names the concept ("the
 * learning rate of alignment"); the adapters name what the user typed or sees: the CLI maps {@link #setting()} and
 * {@link #step()} to its option ({@code --align-lr}), the KNIME nodes to their dialog label, through
 * {@link #messageFor(String)}. The settings records check themselves in their constructors with the helpers below.
 */
public final class InvalidSettingException extends JindException {
    private static final long serialVersionUID = 1L;

    /** The step a setting belongs to. */
    public enum Step {
        TRAINING("training"), ALIGNMENT("alignment"), SELF_TRAINING("self-training");

        private final String text;

        Step(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** The settings that have a range. */
    public enum Setting {
        GENES_KEPT("number of genes kept"), EPOCHS("number of epochs"), MAX_EPOCHS("maximum number of epochs"),
        PATIENCE("patience"), BATCH_SIZE("batch size"), LEARNING_RATE("learning rate"),
        WEIGHT_DECAY_GENERATOR("weight decay of the generator"),
        WEIGHT_DECAY_DISCRIMINATOR("weight decay of the discriminator"), VALIDATION_FRACTION("validation fraction"),
        KEEP_FRACTION("kept fraction of confident cells"), THETA("outlier fraction θ");

        private final String text;

        Setting(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private final Step step;
    private final Setting setting;
    private final String requirement;
    private final String value;

    private InvalidSettingException(Step step, Setting setting, String requirement, String value) {
        super(capitalise("the " + setting + " of " + step) + " " + requirement + "; it is " + value + ".");
        this.step = step;
        this.setting = setting;
        this.requirement = requirement;
        this.value = value;
    }

    public Step step() {
        return step;
    }

    public Setting setting() {
        return setting;
    }

    /** The same sentence about {@code name}, the option or label the user knows the setting by. */
    public String messageFor(String name) {
        return name + " " + requirement + "; it is " + value + ".";
    }

    /** The same problem as a JindException naming {@code name} instead of the concept. */
    public JindException renamed(String name) {
        return new JindException(messageFor(name), this);
    }

    private static String capitalise(String s) {
        return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
    }

    // ---- the checks, each with one phrasing everywhere ----

    public static void atLeast(Step step, Setting setting, long value, long min) {
        if (value < min) {
            throw new InvalidSettingException(step, setting, "must be at least " + min, String.valueOf(value));
        }
    }

    /** A finite number above 0 (NaN and infinities are refused as non-finite, so they never reach the training). */
    public static void positive(Step step, Setting setting, double value) {
        finite(step, setting, value);
        if (!(value > 0)) {
            throw new InvalidSettingException(step, setting, "must be a positive number", String.valueOf(value));
        }
    }

    public static void notNegative(Step step, Setting setting, double value) {
        finite(step, setting, value);
        if (value < 0) {
            throw new InvalidSettingException(step, setting, "must not be negative", String.valueOf(value));
        }
    }

    /** In (0, 1). */
    public static void openFraction(Step step, Setting setting, double value) {
        finite(step, setting, value);
        if (!(value > 0 && value < 1)) {
            throw new InvalidSettingException(step, setting, "must be between 0 and 1 (both excluded)",
                    String.valueOf(value));
        }
    }

    /** In (0, 1]. */
    public static void fractionUpToOne(Step step, Setting setting, double value) {
        finite(step, setting, value);
        if (!(value > 0 && value <= 1)) {
            throw new InvalidSettingException(step, setting, "must be above 0 and at most 1", String.valueOf(value));
        }
    }

    /** In [0, 1). */
    public static void fractionBelowOne(Step step, Setting setting, double value) {
        finite(step, setting, value);
        if (!(value >= 0 && value < 1)) {
            throw new InvalidSettingException(step, setting, "must be at least 0 and below 1", String.valueOf(value));
        }
    }

    private static void finite(Step step, Setting setting, double value) {
        if (!Double.isFinite(value)) {
            throw new InvalidSettingException(step, setting, "must be a finite number", String.valueOf(value));
        }
    }
}
