package org.jind.knime.nodes;

import org.jind.knime.logic.MissingValuePolicy;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.node.parameters.persistence.NodeParametersPersistor;
import org.knime.node.parameters.widget.choices.Label;

/**
 * The missing-value choice of the nodes that read gene columns, as their dialogs show it; saved by its label under
 * {@code missing_values} (see {@link Persistor}), as the classic nodes saved it.
 */
public enum MissingValues {
    @Label("Fail")
    FAIL(MissingValuePolicy.FAIL),
    @Label("Treat as 0")
    ZERO(MissingValuePolicy.ZERO);

    private final MissingValuePolicy policy;

    MissingValues(MissingValuePolicy policy) {
        this.policy = policy;
    }

    public MissingValuePolicy policy() {
        return policy;
    }

    /**
     * Saves the choice by its label under {@code missing_values}; loads any spelling the core accepts (a flow
     * variable may say {@code Treat as 0} or {@code ZERO}), and refuses another with the core's sentence.
     */
    public static final class Persistor implements NodeParametersPersistor<MissingValues> {
        private static final String KEY = "missing_values";

        @Override
        public MissingValues load(NodeSettingsRO settings) throws InvalidSettingsException {
            String label = settings.getString(KEY);
            MissingValuePolicy policy = ModernNodes.check(() -> MissingValuePolicy.parse(label));
            for (MissingValues m : values()) {
                if (m.policy == policy) {
                    return m;
                }
            }
            throw new IllegalStateException("no dialog entry for " + policy);
        }

        @Override
        public void save(MissingValues value, NodeSettingsWO settings) {
            settings.addString(KEY, value.policy.label());
        }

        @Override
        public String[][] getConfigPaths() {
            return new String[][] {{KEY}};
        }
    }
}
