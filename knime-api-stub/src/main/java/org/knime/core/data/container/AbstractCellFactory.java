// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data.container;

import org.knime.core.data.DataColumnSpec;

public abstract class AbstractCellFactory implements CellFactory {
    public AbstractCellFactory(DataColumnSpec... colSpecs) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
