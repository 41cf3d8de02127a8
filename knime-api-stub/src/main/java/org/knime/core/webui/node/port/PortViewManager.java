// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.port;

import java.util.List;

public final class PortViewManager {
    private PortViewManager() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static void registerPortViews(Class<?> portObjectClass, List<PortViewDescriptor> viewDescriptors,
            List<Integer> configuredIndices, List<Integer> executedIndices) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    /** A record in KNIME; only its constructor is used here. */
    public static final class PortViewDescriptor {
        public PortViewDescriptor(String label, Object viewFactory) {
        throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
