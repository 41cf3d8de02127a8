package org.jind.knime.nodes;

import org.jind.knime.views.FigureNodeView;
import org.jind.knime.views.FigureSource;
import org.jind.knime.views.FigureWebView;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;
import org.knime.core.webui.node.dialog.NodeDialog;
import org.knime.core.webui.node.dialog.NodeDialogFactory;
import org.knime.core.webui.node.dialog.NodeDialogManager;
import org.knime.core.webui.node.dialog.SettingsType;
import org.knime.core.webui.node.dialog.defaultdialog.DefaultNodeDialog;
import org.knime.core.webui.node.view.NodeViewFactory;

/**
 * A node with KNIME's modern dialog and a view of figures drawn from its internals (Align Batch, JIND Scorer). The
 * factory stays a classic one implementing {@link NodeDialogFactory}: KNIME's modern factories offer neither a
 * Swing view ({@code WebUINodeFactory}) nor a web view of per-node data without a script ({@code DefaultNodeFactory}).
 * So the classic UI gets the Swing {@link FigureNodeView} and the modern one the {@link FigureWebView}
 * ({@link NodeViewFactory}) of the same figures. Subclasses make the model and the description.
 */
public abstract class FigureNodeFactory<M extends NodeModel & FigureSource> extends NodeFactory<M>
        implements NodeDialogFactory, NodeViewFactory<M> {

    private final Class<? extends org.knime.node.parameters.NodeParameters> parameters;

    protected FigureNodeFactory(Class<? extends org.knime.node.parameters.NodeParameters> parameters) {
        this.parameters = parameters;
    }

    /** One view. */
    @Override
    protected final int getNrNodeViews() {
        return 1;
    }

    @Override
    public final NodeView<M> createNodeView(int viewIndex, M nodeModel) {
        return new FigureNodeView<>(nodeModel);
    }

    /** The same figures in KNIME's modern UI. */
    @Override
    public final org.knime.core.webui.node.view.NodeView createNodeView(M nodeModel) {
        return FigureWebView.of(nodeModel);
    }

    @Override
    protected final boolean hasDialog() {
        return true;
    }

    @Override
    public final NodeDialog createNodeDialog() {
        return new DefaultNodeDialog(SettingsType.MODEL, parameters);
    }

    /** Where KNIME still asks for a Swing dialog: the modern one, with KNIME's flow variable tab. */
    @Override
    protected final NodeDialogPane createNodeDialogPane() {
        return NodeDialogManager.createLegacyFlowVariableNodeDialog(createNodeDialog());
    }
}
