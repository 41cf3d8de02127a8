// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data.def;

import org.knime.core.data.DataCell;
import org.knime.core.data.DataType;

public final class StringCell extends DataCell {
    private static final long serialVersionUID = 1L;

    public static final DataType TYPE = null;

    public StringCell(String str) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
