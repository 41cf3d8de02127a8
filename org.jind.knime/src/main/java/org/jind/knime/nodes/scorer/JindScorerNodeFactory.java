package org.jind.knime.nodes.scorer;

import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeView;

/** JIND Scorer. Described in JindScorerNodeFactory.xml beside this class. */
public final class JindScorerNodeFactory extends NodeFactory<JindScorerNodeModel> {

    @Override
    public JindScorerNodeModel createNodeModel() {
        return new JindScorerNodeModel();
    }

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<JindScorerNodeModel> createNodeView(int viewIndex, JindScorerNodeModel nodeModel) {
        return null;
    }

    @Override
    protected boolean hasDialog() {
        return true;
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new JindScorerNodeDialog();
    }
}
