// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.dialog.defaultdialog;

import org.knime.core.webui.node.dialog.NodeDialog;
import org.knime.core.webui.node.dialog.SettingsType;
import org.knime.node.parameters.NodeParameters;

public final class DefaultNodeDialog implements NodeDialog {
    public DefaultNodeDialog(SettingsType settingsType, Class<? extends NodeParameters> settingsClass) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
