// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node;

import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.node.parameters.NodeParameters;

public abstract class DefaultModel {
    private DefaultModel() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    public interface RequireModelParameters {
        RequireConfigureOrRearrangeColumns parametersClass(Class<? extends NodeParameters> parametersClass);
    }

    public interface RequireConfigureOrRearrangeColumns {
        RequireExecute configure(ConfigureOrRearrangerConsumer<ConfigureInput, ConfigureOutput> configure);
    }

    @FunctionalInterface
    public interface ConfigureOrRearrangerConsumer<I, O> {
        void accept(I input, O output) throws InvalidSettingsException;
    }

    public interface ConfigureInput {
        <S extends NodeParameters> S getParameters();

        <S extends PortObjectSpec> S getInPortSpec(int index);
    }

    public interface ConfigureOutput {
        <S extends PortObjectSpec> void setOutSpec(int index, S spec);

        void setWarningMessage(String message);
    }

    public interface ExecuteInput {
        <S extends NodeParameters> S getParameters();

        ExecutionContext getExecutionContext();

        <D extends PortObject> D getInPortObject(int portIndex);
    }

    public interface ExecuteOutput {
        <D extends PortObject> void setOutData(int index, D data);

        void setWarningMessage(String message);
    }

    public interface RequireExecute {
        DefaultModel execute(ExecuteConsumer execute);
    }

    @FunctionalInterface
    public interface ExecuteConsumer {
        void accept(ExecuteInput input, ExecuteOutput output) throws CanceledExecutionException, KNIMEException;
    }
}
