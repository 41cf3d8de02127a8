package org.jind.knime.views;

import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;

/**
 * A node view showing its node model's figures in tabs; rebuilt when the model changes (executed or reset).
 * KNIME creates views only in its desktop UI, never in a headless run.
 */
public final class FigureNodeView<M extends NodeModel & FigureSource> extends NodeView<M> {

    public FigureNodeView(M model) {
        super(model);
        show();
    }

    private void show() {
        M m = getNodeModel();
        setComponent(Views.tabs(m.figures(), m.noFigures()));
    }

    @Override
    protected void modelChanged() {
        show();
    }

    @Override
    protected void onClose() {
        // nothing to release: the figures are plain objects
    }

    @Override
    protected void onOpen() {
        // everything is set up in the constructor
    }
}
