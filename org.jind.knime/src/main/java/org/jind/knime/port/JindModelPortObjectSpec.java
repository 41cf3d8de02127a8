package org.jind.knime.port;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import javax.swing.JComponent;

import org.jind.core.JindException;
import org.jind.knime.logic.ModelSummary;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * The model port's spec: label column, stage, genes and cell types ({@link ModelSummary}), known before the
 * model exists so downstream nodes can check their input tables and compute their output columns.
 */
public final class JindModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml; KNIME stores the spec as a small XML config. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<JindModelPortObjectSpec> {
    }

    private ModelSummary summary;

    /** For KNIME's serializer, which creates the spec empty and then calls {@link #load}. */
    public JindModelPortObjectSpec() {
    }

    public JindModelPortObjectSpec(ModelSummary summary) {
        this.summary = summary;
    }

    public ModelSummary summary() {
        return summary;
    }

    @Override
    protected void save(ModelContentWO model) {
        for (Map.Entry<String, String> e : summary.storedStrings().entrySet()) {
            model.addString(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String[]> e : summary.storedArrays().entrySet()) {
            model.addStringArray(e.getKey(), e.getValue());
        }
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        Map<String, String> strings = new HashMap<>();
        for (String key : ModelSummary.STRING_KEYS) {
            strings.put(key, model.getString(key));
        }
        Map<String, String[]> arrays = new HashMap<>();
        for (String key : ModelSummary.ARRAY_KEYS) {
            String[] value = model.getStringArray(key, (String[]) null); // absent: not known yet
            if (value != null) {
                arrays.put(key, value);
            }
        }
        try {
            summary = ModelSummary.fromStored(strings, arrays);
        } catch (JindException e) {
            throw new InvalidSettingsException(e.getMessage());
        }
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JindModelPortObjectSpec s && Objects.equals(summary, s.summary);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(summary);
    }

    @Override
    public String toString() {
        return summary == null ? "JIND model" : summary.describe();
    }
}
