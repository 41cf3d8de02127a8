// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public class ExecutionMonitor {
    ExecutionMonitor() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void checkCanceled() throws CanceledExecutionException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void setProgress(double progress, String message) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
