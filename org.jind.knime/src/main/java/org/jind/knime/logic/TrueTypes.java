package org.jind.knime.logic;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.jind.core.data.Dataset;

/**
 * The true cell types of a table a model is applied to, for views that colour cells by type: the table's string
 * column named as the model's label column (the one it was trained on), when every row has a value. Otherwise
 * there are none, and a view colours by the prediction (and says so).
 */
public final class TrueTypes {
    private TrueTypes() {
    }

    /** The index of the string column named {@code labelColumn} (the model's), or -1 when the table has none. */
    public static int column(List<ColumnInfo> columns, String labelColumn) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isString() && columns.get(i).name().equals(labelColumn)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The true type of every cell of {@code data}, read from its annotation {@code labelColumn}, or null when it
     * has no such annotation or a cell has no value there (a view coloured half by truth, half by prediction
     * would mislead).
     */
    public static String[] of(Dataset data, String labelColumn) {
        if (!data.hasObs(labelColumn)) {
            return null;
        }
        String[] types = data.obs(labelColumn);
        return Arrays.stream(types).allMatch(Objects::nonNull) ? types : null;
    }
}
