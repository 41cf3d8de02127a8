package org.jind.knime.logic;

/**
 * What the logic needs to know about one input column: its name and whether it holds numbers or strings.
 * The nodes build these from KNIME's column specs, so everything that decides about columns is testable
 * without KNIME.
 */
public record ColumnInfo(String name, Kind kind) {

    /** NUMERIC: compatible with KNIME's DoubleValue (double, int, long); STRING: StringValue; OTHER: the rest. */
    public enum Kind {
        NUMERIC, STRING, OTHER
    }

    public static ColumnInfo numeric(String name) {
        return new ColumnInfo(name, Kind.NUMERIC);
    }

    public static ColumnInfo string(String name) {
        return new ColumnInfo(name, Kind.STRING);
    }

    public boolean isNumeric() {
        return kind == Kind.NUMERIC;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }
}
