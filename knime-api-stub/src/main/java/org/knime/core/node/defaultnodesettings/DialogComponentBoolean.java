// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public final class DialogComponentBoolean extends DialogComponent {
    public DialogComponentBoolean(SettingsModelBoolean booleanModel, String label) {
        super(booleanModel);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
