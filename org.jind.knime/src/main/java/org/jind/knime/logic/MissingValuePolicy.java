package org.jind.knime.logic;

import java.util.Arrays;
import java.util.Locale;

import org.jind.core.JindException;

/**
 * What to do with a missing cell (or NaN) in a gene column. Expression matrices have no missing values by
 * nature, so a missing cell usually means a join or filter went wrong: failing is the default, and treating
 * it as 0 ("not detected") is the documented alternative.
 */
public enum MissingValuePolicy {
    FAIL("Fail"),
    ZERO("Treat as 0");

    private final String label;

    MissingValuePolicy(String label) {
        this.label = label;
    }

    /** The text shown in the dialog and stored in the settings. */
    public String label() {
        return label;
    }

    public static String[] labels() {
        return Arrays.stream(values()).map(MissingValuePolicy::label).toArray(String[]::new);
    }

    /** Accepts the dialog text or the constant's name in any case (flow variables may carry either). */
    public static MissingValuePolicy parse(String text) {
        String t = text == null ? "" : text.trim();
        for (MissingValuePolicy p : values()) {
            if (p.label.equalsIgnoreCase(t) || p.name().equals(t.toUpperCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new JindException("Unknown choice '" + text + "' for '" + NodeParameters.MISSING_VALUES + "'; use '"
                + FAIL.label + "' or '" + ZERO.label + "'.");
    }
}
