package org.jind.knime.logic;

import java.util.List;

import org.jind.core.JindException;

/** The label (cell type) column of a training table: which one it is and that it holds strings. */
public final class LabelColumn {
    private LabelColumn() {
    }

    /**
     * The index of the label column. With nothing chosen yet and exactly one string column in the table, that
     * column is taken (as KNIME nodes pre-select the only candidate); otherwise a sentence says what to fix.
     */
    public static int resolve(List<ColumnInfo> columns, String chosen) {
        if (chosen == null || chosen.isBlank()) {
            List<ColumnInfo> strings = columns.stream().filter(ColumnInfo::isString).toList();
            if (strings.isEmpty()) {
                throw new JindException("The input table has no string column to use as the label (cell type) column;"
                        + " JIND trains on a table with one row per cell, numeric gene columns and a string column"
                        + " with the cell types.");
            }
            if (strings.size() > 1) {
                throw new JindException("Choose the label (cell type) column in '" + NodeParameters.LABEL_COLUMN
                        + "'.");
            }
            return Columns.indexOf(columns, strings.get(0).name());
        }
        return Columns.requireString(columns, chosen, NodeParameters.LABEL_COLUMN, "label (cell type)");
    }
}
