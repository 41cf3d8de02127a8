package org.jind.knime.nodes.align;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Align Batch. Described in AlignBatchNodeFactory.xml beside this class. */
public final class AlignBatchNodeFactory extends NodeFactory<AlignBatchNodeModel> {

    @Override
    public AlignBatchNodeModel createNodeModel() {
        return new AlignBatchNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<AlignBatchNodeModel> createNodeView(int viewIndex, AlignBatchNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AlignBatchNodeDialog();
    }
}
