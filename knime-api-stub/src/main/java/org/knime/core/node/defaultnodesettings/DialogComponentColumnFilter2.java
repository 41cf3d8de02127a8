// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

public class DialogComponentColumnFilter2 extends DialogComponent {
    public DialogComponentColumnFilter2(SettingsModelColumnFilter2 model, int inPortIdx) {
        super(model);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
