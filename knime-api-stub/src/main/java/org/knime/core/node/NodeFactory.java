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

    /** KNIME's throws SAXException, IOException and XmlException (xmlbeans), which our override does not. */
    protected NodeDescription createNodeDescription() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public enum NodeType {
        Source, Learner, Predictor, Other
    }
}
