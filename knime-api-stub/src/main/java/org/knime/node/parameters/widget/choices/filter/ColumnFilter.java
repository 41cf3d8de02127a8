// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.choices.filter;

import java.util.List;

import org.knime.core.data.DataColumnSpec;

// KNIME's extends TypedStringFilter<ColumnTypeFilter>, which our code never names
public final class ColumnFilter {
    public ColumnFilter() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public ColumnFilter withIncludeUnknownColumns() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public String[] filter(List<DataColumnSpec> choices) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
