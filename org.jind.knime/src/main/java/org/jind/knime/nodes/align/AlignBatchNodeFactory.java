package org.jind.knime.nodes.align;

import org.jind.knime.nodes.JindNodeFactory;
import org.jind.knime.views.FigureNodeView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeView;

/** Align Batch. Described in AlignBatchNodeFactory.xml beside this class. */
public final class AlignBatchNodeFactory extends JindNodeFactory<AlignBatchNodeModel> {

    @Override
    public AlignBatchNodeModel createNodeModel() {
        return new AlignBatchNodeModel();
    }

    /** One view: the latent maps before and after alignment, and the alignment curves. */
    @Override
    protected int getNrNodeViews() {
        return 1;
    }

    @Override
    public NodeView<AlignBatchNodeModel> createNodeView(int viewIndex, AlignBatchNodeModel nodeModel) {
        return new FigureNodeView<>(nodeModel);
    }

    @Override
    protected NodeDialogPane createNodeDialogPane() {
        return new AlignBatchNodeDialog();
    }
}
