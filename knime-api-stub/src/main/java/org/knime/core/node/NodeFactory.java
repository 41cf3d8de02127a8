// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public abstract class NodeFactory<T extends NodeModel> {
    protected NodeFactory() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public abstract T createNodeModel();

    protected abstract int getNrNodeViews();

    public abstract NodeView<T> createNodeView(int viewIndex, T nodeModel);

    protected abstract boolean hasDialog();

    protected abstract NodeDialogPane createNodeDialogPane();

    public enum NodeType {
        Source, Predictor
    }
}
