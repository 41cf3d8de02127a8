// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

public final class RowKey {
    private RowKey() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public String getString() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
