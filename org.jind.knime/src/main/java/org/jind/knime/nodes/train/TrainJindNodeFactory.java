package org.jind.knime.nodes.train;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Train JIND. Described in TrainJindNodeFactory.xml beside this class. */
public final class TrainJindNodeFactory extends NodeFactory<TrainJindNodeModel> {

    @Override
    public TrainJindNodeModel createNodeModel() {
        return new TrainJindNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<TrainJindNodeModel> createNodeView(int viewIndex, TrainJindNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new TrainJindNodeDialog();
    }
}
