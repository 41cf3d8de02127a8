// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class SettingsModelIntegerBounded extends SettingsModelInteger {
    public SettingsModelIntegerBounded(String configName, int defaultValue, int minValue, int maxValue) {
        super(configName, defaultValue);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
