// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

public final class DataColumnSpecCreator {
    public DataColumnSpecCreator(String name, DataType type) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void setDomain(DataColumnDomain domain) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataColumnSpec createSpec() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
