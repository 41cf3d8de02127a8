package org.jind.knime.nodes.annotate;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Annotate &amp; Reject. Described in AnnotateRejectNodeFactory.xml beside this class. */
public final class AnnotateRejectNodeFactory extends NodeFactory<AnnotateRejectNodeModel> {

    @Override
    public AnnotateRejectNodeModel createNodeModel() {
        return new AnnotateRejectNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AnnotateRejectNodeModel> createNodeView(int viewIndex, AnnotateRejectNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AnnotateRejectNodeDialog();
    }
}
