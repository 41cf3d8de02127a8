// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.webui.node.impl;

import java.io.File;
import java.io.IOException;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.node.streamable.PartitionInfo;
import org.knime.core.node.streamable.StreamableOperator;
import org.knime.node.parameters.NodeParameters;

public abstract class WebUINodeModel<S extends NodeParameters> extends NodeModel {
    protected WebUINodeModel(PortType[] inputPortTypes, PortType[] outputPortTypes, Class<S> modelSettingsClass) {
        super(inputPortTypes, outputPortTypes);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected WebUINodeModel(WebUINodeConfiguration configuration, Class<S> modelSettingsClass) {
        super(null, null);
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs, S modelSettings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected PortObject[] execute(PortObject[] inObjects, ExecutionContext exec, S modelSettings) throws Exception {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    protected StreamableOperator createStreamableOperator(PartitionInfo partitionInfo, PortObjectSpec[] inSpecs,
            S modelSettings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec)
            throws IOException, CanceledExecutionException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO settings) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected final void validateSettings(NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected final void loadValidatedSettingsFrom(NodeSettingsRO settings) throws InvalidSettingsException {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    protected void reset() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
