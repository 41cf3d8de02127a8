package org.jind.knime.nodes.selftrain;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** Self-train JIND+. Described in SelfTrainJindPlusNodeFactory.xml beside this class. */
public final class SelfTrainJindPlusNodeFactory extends NodeFactory<SelfTrainJindPlusNodeModel> {

    @Override
    public SelfTrainJindPlusNodeModel createNodeModel() {
        return new SelfTrainJindPlusNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<SelfTrainJindPlusNodeModel> createNodeView(int viewIndex, SelfTrainJindPlusNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new SelfTrainJindPlusNodeDialog();
    }
}
