// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

import javax.swing.JComponent;

import org.knime.core.node.port.PortObjectSpec;

public final class DataTableSpec implements PortObjectSpec {
    public DataTableSpec(DataColumnSpec... colSpecs) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataTableSpec(DataTableSpec spec1, DataTableSpec spec2) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataColumnSpec getColumnSpec(int index) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public int getNumColumns() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public JComponent[] getViews() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
