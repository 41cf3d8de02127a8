// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

import org.knime.core.data.DataRow;

public abstract class RowInput extends PortInput {
    private RowInput() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public abstract DataRow poll() throws InterruptedException;

    public abstract void close();
}
