// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

public abstract class PortInput {
    PortInput() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
