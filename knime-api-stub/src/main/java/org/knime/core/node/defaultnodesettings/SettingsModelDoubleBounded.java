// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class SettingsModelDoubleBounded extends SettingsModelDouble {
    public SettingsModelDoubleBounded(String configName, double defaultValue, double minValue, double maxValue) {
        super(configName, defaultValue);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
