// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data.container;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;

public interface CellFactory {
    default DataCell[] getCells(DataRow row, long rowIndex) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
