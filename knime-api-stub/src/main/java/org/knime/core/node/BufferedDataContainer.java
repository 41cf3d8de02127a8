// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import org.knime.core.data.DataRow;

public class BufferedDataContainer {
    private BufferedDataContainer() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void addRowToTable(DataRow row) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void close() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public BufferedDataTable getTable() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
