// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

public final class PortTypeRegistry {
    private PortTypeRegistry() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static PortTypeRegistry getInstance() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public synchronized PortType getPortType(Class<? extends PortObject> portClass) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public synchronized PortType getPortType(Class<? extends PortObject> portClass, boolean isOptional) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
