// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.persistence;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;

public interface NodeParametersPersistor<T> {
    T load(NodeSettingsRO settings) throws InvalidSettingsException;

    void save(T param, NodeSettingsWO settings);

    String[][] getConfigPaths();
}
