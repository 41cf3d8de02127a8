// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

import java.io.Serializable;

public abstract class DataCell implements DataValue, Serializable {
    private static final long serialVersionUID = 1L;

    protected DataCell() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public boolean isMissing() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
