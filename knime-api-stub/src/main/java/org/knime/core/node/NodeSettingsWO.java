// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public interface NodeSettingsWO {
    void addString(String key, String value);
}
