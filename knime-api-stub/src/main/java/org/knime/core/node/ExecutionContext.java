// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import org.knime.core.data.DataTableSpec;

public class ExecutionContext extends ExecutionMonitor {
    private ExecutionContext() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public BufferedDataContainer createDataContainer(DataTableSpec spec) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
