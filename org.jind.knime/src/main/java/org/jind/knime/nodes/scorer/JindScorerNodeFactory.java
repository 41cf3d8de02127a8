package org.jind.knime.nodes.scorer;

import org.jind.knime.nodes.JindNodeFactory;
import org.jind.knime.views.FigureNodeView;
import org.jind.knime.views.FigureWebView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;
import org.knime.core.webui.node.view.NodeViewFactory;

/** JIND Scorer. Described in JindScorerNodeFactory.xml beside this class. */
public final class JindScorerNodeFactory extends JindNodeFactory<JindScorerNodeModel>
        implements NodeViewFactory<JindScorerNodeModel> {

    @Override
    public JindScorerNodeModel createNodeModel() {
        return new JindScorerNodeModel();
    }

    /** One view: the confusion heatmap. */
    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<JindScorerNodeModel> createNodeView(int viewIndex, JindScorerNodeModel nodeModel) {
        return new FigureNodeView<>(nodeModel);
    }

    /** The same figures in KNIME's modern UI. */
    @Override
    public org.knime.core.webui.node.view.NodeView createNodeView(JindScorerNodeModel nodeModel) {
        return FigureWebView.of(nodeModel);
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new JindScorerNodeDialog();
    }
}
