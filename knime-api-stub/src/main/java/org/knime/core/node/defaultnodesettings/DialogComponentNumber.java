// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.FlowVariableModel;

public class DialogComponentNumber extends DialogComponent {
    public DialogComponentNumber(SettingsModelNumber numberModel, String label, Number stepSize) {
        super(numberModel);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public DialogComponentNumber(SettingsModelNumber numberModel, String label, Number stepSize, int compWidth,
            FlowVariableModel fvm, boolean showWarning, String customErrorMsg) {
        super(numberModel);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
