// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

public final class InputPortRole {
    public static final InputPortRole DISTRIBUTED_STREAMABLE = null;
    public static final InputPortRole NONDISTRIBUTED_NONSTREAMABLE = null;

    private InputPortRole() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
