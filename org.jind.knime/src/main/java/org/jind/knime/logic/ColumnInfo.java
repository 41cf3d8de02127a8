package org.jind.knime.logic;

import java.util.List;

/**
 * What the logic needs to know about one input column: its name, whether it holds numbers or strings, and for
 * string columns the possible values KNIME's domain lists (null when the table has no such domain, e.g. more
 * distinct values than KNIME collects). The nodes build these from KNIME's column specs, so everything that
 * decides about columns is testable without KNIME.
 */
public record ColumnInfo(String name, Kind kind, List<String> possibleValues) {

    /** NUMERIC: compatible with KNIME's DoubleValue (double, int, long); STRING: StringValue; OTHER: the rest. */
    public enum Kind {
        NUMERIC, STRING, OTHER
    }

    public ColumnInfo {
        possibleValues = possibleValues == null ? null : List.copyOf(possibleValues);
    }

    /** A column without known possible values. */
    public ColumnInfo(String name, Kind kind) {
        this(name, kind, null);
    }

    public static ColumnInfo numeric(String name) {
        return new ColumnInfo(name, Kind.NUMERIC);
    }

    public static ColumnInfo string(String name) {
        return new ColumnInfo(name, Kind.STRING);
    }

    /** A string column whose domain lists {@code values}. */
    public static ColumnInfo string(String name, String... values) {
        return new ColumnInfo(name, Kind.STRING, List.of(values));
    }

    public boolean isNumeric() {
        return kind == Kind.NUMERIC;
    }

    public boolean isString() {
        return kind == Kind.STRING;
    }

    /** Whether the table's domain lists this column's possible values. */
    public boolean valuesKnown() {
        return possibleValues != null;
    }
}
