// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.RowKey;

public class DefaultRow implements DataRow {
    public DefaultRow(RowKey rowKey, DataCell... row) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DefaultRow(String rowId, DataCell... row) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public int getNumCells() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public RowKey getKey() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public DataCell getCell(int index) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
