package org.jind.knime.nodes.train;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.LabelColumn;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.ProgressAdapter;
import org.jind.knime.logic.ResultTables;
import org.jind.knime.logic.TrainingColumns;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.KNIMEException;
import org.knime.node.DefaultModel.ConfigureInput;
import org.knime.node.DefaultModel.ConfigureOutput;
import org.knime.node.DefaultModel.ExecuteInput;
import org.knime.node.DefaultModel.ExecuteOutput;

/** Train JIND's configure and execute: a labelled table in; the model and per-type validation statistics out. */
final class TrainJindModel {
    private TrainJindModel() {
    }

    static void configure(ConfigureInput in, ConfigureOutput out) throws InvalidSettingsException {
        ModernNodes.adviseBlasOnce();
        TrainJindParameters s = in.getParameters();
        DataTableSpec spec = in.getInPortSpec(0);
        if (spec == null) {
            throw new InvalidSettingsException("No table at the input yet; configure or execute the node before"
                    + " this one.");
        }
        List<ColumnInfo> columns = KnimeTables.columns(spec);
        Label label = label(s, columns);
        TrainingColumns c = columns(s, spec, label.column());
        TrainSettings settings = ModernNodes.check(s::toCore);
        // what is known before training (cell types from the label column's domain, the genes when all are kept)
        // is published now, so downstream nodes can be configured before this one has run
        ModelSummary expected = ModernNodes.check(() -> c.expectedModel(columns, settings.genesKept()));
        if (label.warning() != null) {
            out.setWarningMessage(label.warning());
        }
        out.setOutSpec(0, new JindModelPortObjectSpec(expected));
        out.setOutSpec(1, KnimeTables.spec(ResultTables.VALIDATION_COLUMNS));
    }

    static void execute(ExecuteInput in, ExecuteOutput out) throws CanceledExecutionException, KNIMEException {
        ModernNodes.execute(() -> {
            TrainJindParameters s = in.getParameters();
            ExecutionContext exec = in.getExecutionContext();
            BufferedDataTable table = in.getInPortObject(0);
            DataTableSpec spec = table.getDataTableSpec();
            Label label = label(s, KnimeTables.columns(spec));
            TrainingColumns c = columns(s, spec, label.column());
            TrainSettings settings = ModernNodes.check(s::toCore);
            MissingValuePolicy policy = s.missingValuePolicy();
            KnimeProgress progress = new KnimeProgress(exec);
            List<String> warnings = new ArrayList<>();
            warnings.add(label.warning());
            Dataset data = KnimeTables.readDataset(table, c.geneIndices(), c.genes(), new int[] {c.labelIndex()},
                    new String[] {c.label()}, policy, progress.range(0, 0.1), warnings);
            ProgressAdapter core = new ProgressAdapter(progress.range(0.1, 0.98));
            JindModel model = KnimeProgress.run(() -> Jind.train(data, c.label(), null, settings, core));
            warnings.addAll(core.warnings());
            JindModelPortObject port = JindModelPortObject.of(model);
            BufferedDataTable stats = KnimeTables.write(ResultTables.validation(model), exec);
            String warning = ModernNodes.warning(warnings);
            if (warning != null) {
                out.setWarningMessage(warning);
            }
            out.setOutData(0, port);
            out.setOutData(1, stats);
        });
    }

    /** The label column to use and, when the setting is blank and the node chose one, the warning that says so. */
    private record Label(String column, String warning) {
    }

    /**
     * A blank label setting (a fresh node) takes the column KNIME-style preselection would choose; the node says
     * which, so the user can confirm it in the dialog. Configure and execute choose alike.
     */
    private static Label label(TrainJindParameters s, List<ColumnInfo> columns) {
        if (!s.labelColumn.isBlank()) {
            return new Label(s.labelColumn, null);
        }
        int guess = LabelColumn.guess(columns);
        if (guess < 0) {
            return new Label(s.labelColumn, null); // resolving the label then says the table has no string column
        }
        String name = columns.get(guess).name();
        return new Label(name, LabelColumn.preselectedWarning(name));
    }

    private static TrainingColumns columns(TrainJindParameters s, DataTableSpec spec, String label)
            throws InvalidSettingsException {
        List<ColumnInfo> columns = KnimeTables.columns(spec);
        String[] includes = s.geneColumns(spec);
        return ModernNodes.check(() -> TrainingColumns.of(columns, label, includes));
    }
}
