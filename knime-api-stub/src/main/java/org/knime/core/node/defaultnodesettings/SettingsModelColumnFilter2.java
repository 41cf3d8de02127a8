// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DataValue;
import org.knime.core.node.util.filter.NameFilterConfiguration.FilterResult;

public final class SettingsModelColumnFilter2 extends SettingsModel {
    @SuppressWarnings("unchecked")
    public SettingsModelColumnFilter2(String configName, Class<? extends DataValue>... allowedTypes) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public FilterResult applyTo(DataTableSpec inSpec) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
