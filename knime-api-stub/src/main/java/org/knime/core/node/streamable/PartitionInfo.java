// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

public class PartitionInfo {
    private PartitionInfo() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public int getPartitionCount() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
