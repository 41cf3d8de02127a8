// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public final class DialogComponentString extends DialogComponent {
    public DialogComponentString(SettingsModelString stringModel, String label) {
        super(stringModel);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
