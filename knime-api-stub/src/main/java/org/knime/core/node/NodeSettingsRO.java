// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public interface NodeSettingsRO {
    double getDouble(String key) throws InvalidSettingsException;

    String getString(String key) throws InvalidSettingsException;
}
