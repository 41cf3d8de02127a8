// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

public abstract class AbstractPortObject implements PortObject {
    public AbstractPortObject() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected abstract void save(PortObjectZipOutputStream out, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void load(PortObjectZipInputStream in, PortObjectSpec spec, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    public abstract static class AbstractPortObjectSerializer<T extends AbstractPortObject>
            extends PortObjectSerializer<T> {
        public AbstractPortObjectSerializer() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
