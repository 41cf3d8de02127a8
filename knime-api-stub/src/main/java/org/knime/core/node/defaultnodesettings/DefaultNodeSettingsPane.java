// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node.defaultnodesettings;

import org.knime.core.node.NodeDialogPane;

public class DefaultNodeSettingsPane extends NodeDialogPane {
    public DefaultNodeSettingsPane() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void createNewGroup(String title) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void closeCurrentGroup() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public void addDialogComponent(DialogComponent diaC) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
