// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;

public abstract class RowOutput extends PortOutput {
    private RowOutput() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public abstract void push(DataRow row) throws InterruptedException;

    public abstract void close() throws InterruptedException;
}
