// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.port;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;

public abstract class AbstractSimplePortObjectSpec implements PortObjectSpec {
    public AbstractSimplePortObjectSpec() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected abstract void save(ModelContentWO model);

    protected abstract void load(ModelContentRO model) throws InvalidSettingsException;

    public abstract static class AbstractSimplePortObjectSpecSerializer<T extends AbstractSimplePortObjectSpec>
            extends PortObjectSpecSerializer<T> {
        public AbstractSimplePortObjectSpecSerializer() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
