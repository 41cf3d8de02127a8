// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.view;

import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import java.util.Optional;

import org.knime.core.webui.UIExtension;
import org.knime.core.webui.data.ApplyDataService;
import org.knime.core.webui.data.DataServiceProvider;

public interface NodeView extends UIExtension, DataServiceProvider {
    void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    void loadValidatedSettingsFrom(NodeSettingsRO settings);

    <D> Optional<ApplyDataService<D>> createApplyDataService();
}
