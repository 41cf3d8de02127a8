package org.jind.knime.logic;

import java.util.List;

/**
 * A small output table built by the logic and written by the nodes: columns, then rows with a row id and one
 * value per column (String, Integer, Double or Boolean; null or a NaN double is a missing cell).
 */
public record ResultTable(List<OutputColumn> columns, List<Row> rows) {

    public record Row(String id, Object[] values) {
    }

    public ResultTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
        for (Row r : rows) {
            if (r.values().length != columns.size()) {
                throw new IllegalArgumentException("row " + r.id() + " has " + r.values().length + " values for "
                        + columns.size() + " columns");
            }
        }
    }
}
