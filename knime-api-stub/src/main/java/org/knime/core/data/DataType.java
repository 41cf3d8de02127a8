// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

public final class DataType {
    private DataType() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static DataCell getMissingCell() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public boolean isCompatible(Class<? extends DataValue> valueClass) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
