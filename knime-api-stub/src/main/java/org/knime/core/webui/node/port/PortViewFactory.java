// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.port;

import org.knime.core.node.port.PortObject;

public interface PortViewFactory<T extends PortObject> {
    PortView createPortView(T portObject);
}
