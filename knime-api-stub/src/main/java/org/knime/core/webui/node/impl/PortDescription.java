// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.impl;

import org.knime.core.node.port.PortType;

public final class PortDescription {
    public PortDescription(String name, PortType type, String description) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
