// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data.container;

import org.knime.core.data.DataTableSpec;

public class ColumnRearranger {
    public ColumnRearranger(DataTableSpec original) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public final void append(CellFactory fac) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public final DataTableSpec createSpec() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
