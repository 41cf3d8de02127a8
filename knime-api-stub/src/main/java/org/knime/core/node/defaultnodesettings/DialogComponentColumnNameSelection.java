// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

import org.knime.core.data.DataValue;

public class DialogComponentColumnNameSelection extends DialogComponent {
    @SuppressWarnings("unchecked")
    public DialogComponentColumnNameSelection(SettingsModelString model, String label, int specIndex,
            boolean isRequired, boolean addNoneCol, Class<? extends DataValue>... classFilter) {
        super(model);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
