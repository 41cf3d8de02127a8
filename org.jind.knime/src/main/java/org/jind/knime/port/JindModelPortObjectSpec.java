package org.jind.knime.port;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.swing.JComponent;

import org.jind.core.JindException;
import org.jind.core.model.Stage;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.PortModels;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * The model port's spec: label column, stage, genes and cell types ({@link ModelSummary}), known before the
 * model exists so downstream nodes can check their input tables and compute their output columns; and, for a port
 * with one model per batch (Align Batch with a <i>Batch column</i>), the batch column and, when known, its batches
 * in the port's order. Specs saved before batches existed load as specs of one model.
 */
public final class JindModelPortObjectSpec extends AbstractSimplePortObjectSpec {

    /** Registered in plugin.xml; KNIME stores the spec as a small XML config. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<JindModelPortObjectSpec> {
    }

    /** Keys of the batch fields; string arrays (the batch column as one element), absent for one model. */
    static final String KEY_BATCH_COLUMN = "batchColumn";
    static final String KEY_BATCHES = "batches";

    private ModelSummary summary;
    private String batchColumn;
    private List<String> batches;

    /** For KNIME's serializer, which creates the spec empty and then calls {@link #load}. */
    public JindModelPortObjectSpec() {
    }

    /** The spec of a port with one model for all cells. */
    public JindModelPortObjectSpec(ModelSummary summary) {
        this(summary, null, null);
    }

    /**
     * @param batchColumn the column whose batches each have their own model, or null for one model
     * @param batches those batches in the port's order, or null while unknown (configure without the column's
     *        possible values)
     */
    public JindModelPortObjectSpec(ModelSummary summary, String batchColumn, List<String> batches) {
        this.summary = summary;
        this.batchColumn = batchColumn;
        this.batches = batchColumn == null || batches == null ? null : List.copyOf(batches);
    }

    public ModelSummary summary() {
        return summary;
    }

    /** Whether the port carries one model per batch of {@link #batchColumn()}. */
    public boolean hasBatches() {
        return batchColumn != null;
    }

    /** The column whose values name the batches (as in the table the models were aligned to), or null. */
    public String batchColumn() {
        return batchColumn;
    }

    /** Whether {@link #batches()} is known (always for one model, whose list is empty). */
    public boolean batchesKnown() {
        return batchColumn == null || batches != null;
    }

    /** The batches with a model, in the port's order; empty for one model or while unknown. */
    public List<String> batches() {
        return batches == null ? List.of() : batches;
    }

    /**
     * At configure time: refuses the first of {@code batches} (a table's batches) that this port, with one model per
     * batch and its batches known, has no model for; nothing otherwise (execute checks with the models).
     */
    public void requireModelsFor(List<String> batches) throws InvalidSettingsException {
        if (batchColumn == null || this.batches == null || batches == null) {
            return;
        }
        for (String b : batches) {
            if (!this.batches.contains(b)) {
                throw new InvalidSettingsException(PortModels.noModelFor("the JIND model at the input port", b,
                        batchColumn, this.batches));
            }
        }
    }

    /** This spec with another stage (same batches). */
    public JindModelPortObjectSpec withStage(Stage stage) {
        return new JindModelPortObjectSpec(summary.withStage(stage), batchColumn, batches);
    }

    @Override
    protected void save(ModelContentWO model) {
        for (Map.Entry<String, String> e : summary.storedStrings().entrySet()) {
            model.addString(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, String[]> e : summary.storedArrays().entrySet()) {
            model.addStringArray(e.getKey(), e.getValue());
        }
        if (batchColumn != null) {
            model.addStringArray(KEY_BATCH_COLUMN, batchColumn);
            if (batches != null) {
                model.addStringArray(KEY_BATCHES, batches.toArray(String[]::new));
            }
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
        String[] column = model.getStringArray(KEY_BATCH_COLUMN, (String[]) null); // absent: one model
        batchColumn = column == null || column.length != 1 ? null : column[0];
        String[] stored = batchColumn == null ? null : model.getStringArray(KEY_BATCHES, (String[]) null);
        batches = stored == null ? null : List.of(stored);
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JindModelPortObjectSpec s && Objects.equals(summary, s.summary)
                && Objects.equals(batchColumn, s.batchColumn) && Objects.equals(batches, s.batches);
    }

    @Override
    public int hashCode() {
        return Objects.hash(summary, batchColumn, batches);
    }

    @Override
    public String toString() {
        return summary == null ? "JIND model" : summary.describe() + describeBatches();
    }

    /** "" for one model, else the batches for the port's tooltip and summary. */
    String describeBatches() {
        if (batchColumn == null) {
            return "";
        }
        return "; one model per batch of '" + batchColumn + "'" + (batches == null ? "" : " ("
                + String.join(", ", batches) + ")");
    }
}
