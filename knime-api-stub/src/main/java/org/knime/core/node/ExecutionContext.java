// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;

public class ExecutionContext extends ExecutionMonitor {
    private ExecutionContext() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public BufferedDataContainer createDataContainer(DataTableSpec spec) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public BufferedDataTable createColumnRearrangeTable(BufferedDataTable in, ColumnRearranger rearranger,
            ExecutionMonitor subProgressMon) throws CanceledExecutionException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
