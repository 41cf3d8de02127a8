// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

import javax.swing.JComponent;

public interface PortObject {
    String getSummary();

    PortObjectSpec getSpec();

    JComponent[] getViews();

    abstract static class PortObjectSerializer<T extends PortObject> {
        public PortObjectSerializer() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
