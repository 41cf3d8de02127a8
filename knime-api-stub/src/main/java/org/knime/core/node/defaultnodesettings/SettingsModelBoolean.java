// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class SettingsModelBoolean extends SettingsModel {
    public SettingsModelBoolean(String configName, boolean defaultValue) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public boolean getBooleanValue() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
