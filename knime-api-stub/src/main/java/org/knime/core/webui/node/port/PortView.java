// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.port;

import org.knime.core.webui.UIExtension;
import org.knime.core.webui.data.DataServiceProvider;

public interface PortView extends UIExtension, DataServiceProvider {
}
