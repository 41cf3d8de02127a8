// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;

public abstract class NodeModel {
    protected NodeModel(PortType[] inPortTypes, PortType[] outPortTypes) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public InputPortRole[] getInputPortRoles() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public OutputPortRole[] getOutputPortRoles() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected final void setWarningMessage(String warningMessage) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
