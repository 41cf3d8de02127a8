package org.jind.knime.nodes;

import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * What every JIND node factory shares: a dialog, and no views unless a factory overrides the two view methods
 * (then its description XML must list as many views). A factory names its model and dialog; KNIME finds its
 * description in the XML file named like the factory class beside it.
 */
public abstract class JindNodeFactory<M extends NodeModel> extends NodeFactory<M> {

    @Override
    protected int getNrNodeViews() {
        return 0;
    }

    @Override
    public NodeView<M> createNodeView(int viewIndex, M nodeModel) {
        return null;
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }
}
