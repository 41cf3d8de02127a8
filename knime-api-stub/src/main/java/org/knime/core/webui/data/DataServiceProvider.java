// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.data;

import java.util.Optional;

// KNIME declares createApplyDataService here too; the stand-in declares it where our code meets it (NodeView),
// since PortView (which our port view implements) gives it a default with another signature.
public interface DataServiceProvider {
    <D> Optional<InitialDataService<D>> createInitialDataService();

    Optional<RpcDataService> createRpcDataService();
}
