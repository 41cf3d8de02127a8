// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

import javax.swing.JComponent;

public interface PortObjectSpec {
    JComponent[] getViews();

    abstract static class PortObjectSpecSerializer<T extends PortObjectSpec> {
        public PortObjectSpecSerializer() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
