package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.jind.core.JindException;

/**
 * Names for appended columns: never the name of an existing column or of another new column, so appending
 * never fails and never replaces data (annotating a table twice gives "Prediction (#1)" the second time).
 */
public final class OutputColumnNames {
    private OutputColumnNames() {
    }

    /** The wanted names, each made unique against {@code existing} and the names before it with " (#k)". */
    public static List<String> unique(Collection<String> existing, List<String> wanted) {
        Set<String> taken = new HashSet<>(existing);
        List<String> out = new ArrayList<>(wanted.size());
        for (String w : wanted) {
            String name = w;
            for (int k = 1; taken.contains(name); k++) {
                name = w + " (#" + k + ")";
            }
            taken.add(name);
            out.add(name);
        }
        return out;
    }

    /** A column name from a setting, trimmed; blank names are refused naming the setting. */
    public static String require(String value, String option) {
        if (value == null || value.isBlank()) {
            throw new JindException("'" + option + "' must not be empty.");
        }
        return value.trim();
    }
}
