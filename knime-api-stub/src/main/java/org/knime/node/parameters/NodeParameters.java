// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters;

import org.knime.core.node.InvalidSettingsException;

public interface NodeParameters {
    default void validate() throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
