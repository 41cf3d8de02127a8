// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.impl;

import org.knime.core.node.NodeDescription;
import org.knime.core.node.NodeFactory;
import org.knime.core.node.NodeModel;
import org.knime.node.parameters.NodeParameters;

// only the static description builder is used; KNIME's class also implements NodeDialogFactory
public abstract class WebUINodeFactory<M extends NodeModel> extends NodeFactory<M> {
    private WebUINodeFactory() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public static NodeDescription createNodeDescription(String name, String icon, PortDescription[] inPortDescriptions,
            PortDescription[] outPortDescriptions, String shortDescription, String fullDescription,
            Class<? extends NodeParameters> modelSettingsClass, Class<? extends NodeParameters> viewSettingsClass,
            String viewDescription, NodeType type, String[] keywords) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
