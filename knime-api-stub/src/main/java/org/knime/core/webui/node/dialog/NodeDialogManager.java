// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.dialog;

import org.knime.core.node.NodeDialogPane;

public final class NodeDialogManager {
    private NodeDialogManager() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static NodeDialogPane createLegacyFlowVariableNodeDialog(NodeDialog dialog) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
