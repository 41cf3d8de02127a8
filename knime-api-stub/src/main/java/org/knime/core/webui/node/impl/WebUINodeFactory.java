// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.impl;

import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeDialogPane;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeView;
import org.knime.node.parameters.NodeParameters;

// KNIME's class also implements NodeDialogFactory, which our code never names through it
public abstract class WebUINodeFactory<M extends NodeModel> extends NodeFactory<M> {
    protected WebUINodeFactory(WebUINodeConfiguration configuration) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static NodeDescription createNodeDescription(String name, String icon, PortDescription[] inPortDescriptions,
            PortDescription[] outPortDescriptions, String shortDescription, String fullDescription,
            Class<? extends NodeParameters> modelSettingsClass, Class<? extends NodeParameters> viewSettingsClass,
            String viewDescription, NodeType type, String[] keywords) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public final int getNrNodeViews() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public final NodeView<M> createNodeView(int i, M nodeModel) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public final boolean hasDialog() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected final NodeDialogPane createNodeDialogPane() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
