// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.persistence.legacy;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.node.parameters.persistence.NodeParametersPersistor;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;

public abstract class LegacyColumnFilterPersistor implements NodeParametersPersistor<ColumnFilter> {
    protected LegacyColumnFilterPersistor(String configKey) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public ColumnFilter load(NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public void save(ColumnFilter obj, NodeSettingsWO settings) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public String[][] getConfigPaths() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
