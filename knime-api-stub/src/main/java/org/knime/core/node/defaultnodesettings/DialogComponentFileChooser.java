// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class DialogComponentFileChooser extends DialogComponent {
    public DialogComponentFileChooser(SettingsModelString stringModel, String historyID, int dialogType,
            boolean directoryOnly, String... validExtensions) {
        super(stringModel);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
