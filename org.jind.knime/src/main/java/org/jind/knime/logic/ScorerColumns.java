package org.jind.knime.logic;

import java.util.List;

import org.jind.core.JindException;

/** The three string columns JIND Scorer reads, checked with sentences that name the dialog options. */
public final class ScorerColumns {
    private ScorerColumns() {
    }

    /**
     * Indices of the true label, prediction and raw prediction columns. With no true label column chosen and a
     * single string column besides the two prediction columns, that one is taken.
     */
    public static int[] resolve(List<ColumnInfo> columns, String truth, String prediction, String raw) {
        int p = Columns.requireString(columns, prediction, NodeParameters.PREDICTION_COLUMN, "prediction");
        int r = Columns.requireString(columns, raw, NodeParameters.RAW_COLUMN, "raw prediction");
        List<ColumnInfo> others = columns.stream().filter(c -> c.isString() && !c.name().equals(prediction)
                && !c.name().equals(raw)).toList();
        String truthColumn = (truth == null || truth.isBlank()) && others.size() == 1 ? others.get(0).name() : truth;
        int t = Columns.requireString(columns, truthColumn, NodeParameters.TRUTH_COLUMN, "true label");
        if (t == p || t == r) {
            throw new JindException("'" + NodeParameters.TRUTH_COLUMN + "' must be another column than the"
                    + " predictions; choose the column with the known cell types.");
        }
        return new int[] {t, p, r};
    }
}
