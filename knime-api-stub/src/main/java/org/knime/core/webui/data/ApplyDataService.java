// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.data;

public final class ApplyDataService<D> {
    private ApplyDataService() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
