// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class SettingsModelDouble extends SettingsModelNumber {
    public SettingsModelDouble(String configName, double defaultValue) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public double getDoubleValue() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
