// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

import org.knime.core.node.port.PortObject;

public class PortObjectInput extends PortInput {
    private PortObjectInput() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public PortObject getPortObject() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
