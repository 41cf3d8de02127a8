// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.choices;

import java.util.List;

import org.knime.core.data.DataColumnSpec;
import org.knime.node.parameters.NodeParametersInput;

// KNIME's extends TypedStringChoicesProvider (a ChoicesStateProvider), which our code never names
public interface ColumnChoicesProvider extends ChoicesStateProvider<Object> {
    default List<DataColumnSpec> columnChoices(NodeParametersInput context) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
