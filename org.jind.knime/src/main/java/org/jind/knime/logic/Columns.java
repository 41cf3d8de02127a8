package org.jind.knime.logic;

import java.util.List;

import org.jind.core.JindException;

/** Small look-ups over a table's columns shared by the other logic classes. */
public final class Columns {
    private Columns() {
    }

    /** Index of the column, or -1. */
    public static int indexOf(List<ColumnInfo> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The index of a string column chosen in the setting {@code option}, or a sentence saying what to fix.
     * {@code role} says what the column is for, e.g. "label (cell type)".
     */
    public static int requireString(List<ColumnInfo> columns, String name, String option, String role) {
        if (name == null || name.isBlank()) {
            throw new JindException("Choose the " + role + " column in '" + option + "'.");
        }
        int i = indexOf(columns, name);
        if (i < 0) {
            throw new JindException("The " + role + " column '" + name + "' is not in the input table; choose another"
                    + " column in '" + option + "'.");
        }
        if (!columns.get(i).isString()) {
            throw new JindException("The " + role + " column '" + name + "' does not hold strings; choose a string"
                    + " column in '" + option + "' (convert numbers with the Number To String node).");
        }
        return i;
    }
}
