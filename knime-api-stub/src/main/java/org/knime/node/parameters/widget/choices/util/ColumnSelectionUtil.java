// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.choices.util;

import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.node.parameters.NodeParametersInput;

public final class ColumnSelectionUtil {
    private ColumnSelectionUtil() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static List<DataColumnSpec> getStringColumns(NodeParametersInput context, int portIndex) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
