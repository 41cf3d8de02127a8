// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

import java.util.Set;

public final class DataColumnDomain {
    private DataColumnDomain() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public Set<DataCell> getValues() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public boolean hasValues() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
