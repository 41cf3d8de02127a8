// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

import java.io.File;
import java.io.IOException;

import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.InputPortRole;
import org.knime.core.node.streamable.OutputPortRole;

public abstract class NodeModel {
    protected NodeModel(PortType[] inPortTypes, PortType[] outPortTypes) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected abstract void saveSettingsTo(NodeSettingsWO settings);

    protected abstract void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException;

    protected abstract void loadInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void saveInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException;

    protected abstract void reset();

    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public InputPortRole[] getInputPortRoles() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public OutputPortRole[] getOutputPortRoles() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected final void setWarningMessage(String warningMessage) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
