package org.jind.knime.logic;

/** A column the nodes create: its name and the kind of cells it holds (mapped to KNIME types by the nodes). */
public record OutputColumn(String name, Kind kind) {

    /** STRING, DOUBLE (NaN becomes a missing cell), INT and BOOLEAN cells. */
    public enum Kind {
        STRING, DOUBLE, INT, BOOLEAN
    }
}
