// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters;

import java.util.Optional;

import org.knime.core.data.DataTableSpec;

public interface NodeParametersInput {
    Optional<DataTableSpec> getInTableSpec(int portIndex);
}
