// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

public abstract class SettingsModel {
    public SettingsModel() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public final void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public final void loadSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public final void saveSettingsTo(NodeSettingsWO settings) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
