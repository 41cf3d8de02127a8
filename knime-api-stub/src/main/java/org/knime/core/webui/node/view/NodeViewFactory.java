// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.view;

import org.knime.core.node.NodeModel;

public interface NodeViewFactory<T extends NodeModel> {
    NodeView createNodeView(T nodeModel);
}
