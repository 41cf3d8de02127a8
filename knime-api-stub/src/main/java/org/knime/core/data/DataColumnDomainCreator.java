// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

import java.util.Set;

public class DataColumnDomainCreator {
    public DataColumnDomainCreator(Set<? extends DataCell> values) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DataColumnDomain createDomain() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
