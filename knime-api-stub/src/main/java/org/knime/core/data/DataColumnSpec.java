// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

public final class DataColumnSpec {
    private DataColumnSpec() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public String getName() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataColumnDomain getDomain() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataType getType() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
