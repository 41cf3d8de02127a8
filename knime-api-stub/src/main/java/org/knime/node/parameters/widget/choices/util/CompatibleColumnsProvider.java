// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node.parameters.widget.choices.util;

import org.knime.node.parameters.widget.choices.ColumnChoicesProvider;

// KNIME's implements FilteredInputTableColumnsProvider (a ColumnChoicesProvider), which our code never names
// constructors private: KNIME creates the providers, our code only names them
public class CompatibleColumnsProvider implements ColumnChoicesProvider {
    private CompatibleColumnsProvider() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static class StringColumnsProvider extends CompatibleColumnsProvider {
        private StringColumnsProvider() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }

    public static class DoubleColumnsProvider extends CompatibleColumnsProvider {
        private DoubleColumnsProvider() {
            throw new UnsupportedOperationException("KNIME API stand-in");
        }
    }
}
