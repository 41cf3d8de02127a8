// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public final class DialogComponentStringSelection extends DialogComponent {
    public DialogComponentStringSelection(SettingsModelString stringModel, String label, String... list) {
        super(stringModel);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
