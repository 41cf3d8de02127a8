// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public class NodeLogger {
    private NodeLogger() {
    }

    public static NodeLogger getLogger(Class<?> c) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void warn(Object o) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
