// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import javax.swing.JComponent;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortType;

public final class BufferedDataTable implements PortObject {
    public static final PortType TYPE = null;

    private BufferedDataTable() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataTableSpec getDataTableSpec() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public DataTableSpec getSpec() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public String getSummary() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public JComponent[] getViews() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public CloseableRowIterator iterator() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public long size() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
