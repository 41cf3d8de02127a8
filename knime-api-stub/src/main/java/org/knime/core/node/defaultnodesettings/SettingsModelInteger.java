// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class SettingsModelInteger extends SettingsModelNumber {
    public SettingsModelInteger(String configName, int defaultValue) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public int getIntValue() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
