// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.streamable;

import org.knime.core.node.ExecutionContext;

public abstract class StreamableOperator {
    public StreamableOperator() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public abstract void runFinal(PortInput[] inputs, PortOutput[] outputs, ExecutionContext exec) throws Exception;
}
