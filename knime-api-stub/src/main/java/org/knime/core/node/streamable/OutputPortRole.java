// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

public final class OutputPortRole {
    public static final OutputPortRole DISTRIBUTED = null;

    private OutputPortRole() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
