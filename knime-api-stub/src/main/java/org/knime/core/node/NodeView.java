// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import java.awt.Component;

public abstract class NodeView<T extends NodeModel> {
    protected NodeView(final T nodeModel) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    // declared in KNIME on AbstractNodeView, NodeView's superclass
    protected abstract void modelChanged();

    protected abstract void onClose();

    protected abstract void onOpen();

    protected T getNodeModel() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected final void setComponent(final Component comp) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
