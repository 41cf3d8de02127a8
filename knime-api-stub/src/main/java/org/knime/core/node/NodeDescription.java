// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public abstract class NodeDescription {
    private NodeDescription() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
