// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.data;

public final class InitialDataService<D> {
    private InitialDataService() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
