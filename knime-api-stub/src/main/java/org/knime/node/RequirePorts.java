// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node;

import java.util.function.Consumer;

import org.knime.core.node.port.PortType;
import org.knime.node.DefaultNode.RequireModel;

public interface RequirePorts {
    default RequireModel ports(Consumer<PortsAdder> ports) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    interface PortsAdder {
        PortsAdder addInputPort(String name, String description, PortType portType);

        PortsAdder addOutputPort(String name, String description, PortType portType);

        default PortsAdder addInputTable(String name, String description) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }

        default PortsAdder addOutputTable(String name, String description) {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
