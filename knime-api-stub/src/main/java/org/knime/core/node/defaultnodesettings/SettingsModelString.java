// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class SettingsModelString extends SettingsModel {
    public SettingsModelString(String configName, String defaultValue) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public String getStringValue() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
