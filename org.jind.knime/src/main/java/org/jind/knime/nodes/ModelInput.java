package org.jind.knime.nodes;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.GeneColumns;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.ModelChecks;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.ProgressSink;
import org.jind.knime.logic.TrueTypes;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObjectSpec;

/** What the nodes that apply a model to a table (align, self-train, annotate) share. */
public final class ModelInput {
    private ModelInput() {
    }

    /**
     * Checks at configure time the batch column {@code column} (not null) of the target table: a string column,
     * not the model's label column. Returns its batches in alphabetical order when the column's domain lists them,
     * else null (known at execution).
     */
    public static List<String> checkBatchColumn(String column, List<ColumnInfo> columns, ModelSummary model)
            throws InvalidSettingsException {
        ColumnInfo c = columns.stream().filter(i -> i.name().equals(column)).findFirst().orElse(null);
        if (c == null) {
            throw new InvalidSettingsException("Batch column '" + column + "' is not in the target table; pick one of"
                    + " its string columns, or none to treat the whole table as one batch.");
        }
        if (!c.isString()) {
            throw new InvalidSettingsException("Batch column '" + column + "' is not a string column; pick the string"
                    + " column whose values name the batches (convert a number column with Number to String).");
        }
        if (column.equals(model.labelColumn())) {
            throw new InvalidSettingsException("Batch column '" + column + "' is the model's label column; pick the"
                    + " column whose values name the batches.");
        }
        return c.valuesKnown() ? c.possibleValues().stream().sorted().distinct().toList() : null;
    }

    /** The model spec at an input port. */
    public static ModelSummary summary(PortObjectSpec spec) throws InvalidSettingsException {
        return JindNodeModel.input(spec, JindModelPortObjectSpec.class, "JIND model").summary();
    }

    /**
     * Checks at configure time that the table has the model's genes; returns a warning (or null) when absent
     * genes are to be treated as 0.
     */
    public static String checkGenes(ModelSummary model, List<ColumnInfo> columns, boolean fillAbsent)
            throws InvalidSettingsException {
        return JindNodeModel.check(() -> ModelChecks.checkGenes(model, columns, fillAbsent));
    }

    /**
     * Reads the target batch of alignment or self-training ({@code node}), which learn from its cells: an empty
     * table is a mistake upstream.
     */
    public static Dataset readTarget(BufferedDataTable table, JindModel model, MissingValuePolicy policy,
            boolean fillAbsent, ProgressSink progress, List<String> warnings, String node)
            throws InvalidSettingsException, CanceledExecutionException {
        return readTarget(table, model, policy, fillAbsent, progress, warnings, node, null);
    }

    /**
     * {@link #readTarget(BufferedDataTable, JindModel, MissingValuePolicy, boolean, ProgressSink, List, String)}
     * also reading the string column {@code batchColumn} (when not null) as the annotation of that name.
     */
    public static Dataset readTarget(BufferedDataTable table, JindModel model, MissingValuePolicy policy,
            boolean fillAbsent, ProgressSink progress, List<String> warnings, String node, String batchColumn)
            throws InvalidSettingsException, CanceledExecutionException {
        Dataset target = read(table, model, policy, fillAbsent, progress, warnings, batchColumn);
        if (target.cells() == 0) {
            throw new JindException(node + " needs the cells of the target batch, but the target table has no rows.");
        }
        return target;
    }

    /**
     * Reads the table for the model: only the numeric columns named like the genes the model uses (for counts
     * also the genes it normalises the library size over), so unrelated columns may hold anything, and the
     * string column named as the model's label column, if any, as that annotation ({@link TrueTypes}). With
     * {@code fillAbsent}, the model's genes absent from the table come as columns of 0, so the core sees them all
     * and only this node's warning (from {@link #checkGenes}) tells the user about them, once.
     */
    public static Dataset read(BufferedDataTable table, JindModel model, MissingValuePolicy policy, boolean fillAbsent,
            ProgressSink progress, List<String> warnings) throws InvalidSettingsException, CanceledExecutionException {
        return read(table, model, policy, fillAbsent, progress, warnings, null);
    }

    private static Dataset read(BufferedDataTable table, JindModel model, MissingValuePolicy policy,
            boolean fillAbsent, ProgressSink progress, List<String> warnings, String batchColumn)
            throws InvalidSettingsException, CanceledExecutionException {
        List<ColumnInfo> columns = KnimeTables.columns(table.getDataTableSpec());
        warnings.add(checkGenes(ModelSummary.of(model), columns, fillAbsent));
        GeneColumns.ForModel genes = GeneColumns.readForModel(columns, model);
        // the model's label column, when the table has it, for the views that colour cells by their true type
        int label = TrueTypes.column(columns, model.labelKey);
        List<Integer> obs = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        if (label >= 0) {
            obs.add(label);
            keys.add(model.labelKey);
        }
        if (batchColumn != null) {
            obs.add(KnimeTables.names(columns).indexOf(batchColumn)); // configure checked it is a string column
            keys.add(batchColumn);
        }
        List<String> readWarnings = new ArrayList<>();
        Dataset data = KnimeTables.readDataset(table, genes.columns(), genes.names(),
                obs.stream().mapToInt(Integer::intValue).toArray(), keys.toArray(String[]::new), policy, progress,
                readWarnings);
        warnings.addAll(readWarnings);
        return data;
    }

}
