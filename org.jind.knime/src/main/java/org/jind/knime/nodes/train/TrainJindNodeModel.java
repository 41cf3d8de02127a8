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
import org.jind.knime.nodes.JindNodeModel;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Train JIND: a labelled table in; the model and per-type validation statistics out. */
final class TrainJindNodeModel extends JindNodeModel {
    private final TrainJindSettings s;

    TrainJindNodeModel() {
        this(new TrainJindSettings());
    }

    private TrainJindNodeModel(TrainJindSettings s) {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {JindModelPortObject.type(),
            BufferedDataTable.TYPE}, s.all());
        this.s = s;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        DataTableSpec spec = input(inSpecs[0], DataTableSpec.class, "table");
        List<ColumnInfo> columns = KnimeTables.columns(spec);
        String preselected = preselectLabel(columns);
        TrainingColumns c = columns(spec);
        TrainSettings settings = check(s::toCore);
        check(s::missingValuePolicy);
        // what is known before training (cell types from the label column's domain, the genes when all are kept)
        // is published now, so downstream nodes can be configured before this one has run
        ModelSummary expected = check(() -> c.expectedModel(columns, settings.genesKept()));
        warn(preselected);
        return new PortObjectSpec[] {new JindModelPortObjectSpec(expected),
            KnimeTables.spec(ResultTables.VALIDATION_COLUMNS)};
    }

    /**
     * Chooses the label column for a fresh node (the setting is still blank), as KNIME nodes preselect columns:
     * the dialog then shows the choice. Returns the warning that says so, or null.
     */
    private String preselectLabel(List<ColumnInfo> columns) {
        if (!s.labelColumn.getStringValue().isBlank()) {
            return null;
        }
        int guess = LabelColumn.guess(columns);
        if (guess < 0) {
            return null; // resolving the label then says that the table has no string column
        }
        String name = columns.get(guess).name();
        s.labelColumn.setStringValue(name);
        return LabelColumn.preselectedWarning(name);
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        BufferedDataTable table = (BufferedDataTable) in[0];
        TrainingColumns c = columns(table.getDataTableSpec());
        TrainSettings settings = check(s::toCore);
        MissingValuePolicy policy = check(s::missingValuePolicy);
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset data = KnimeTables.readDataset(table, c.geneIndices(), c.genes(), new int[] {c.labelIndex()},
                new String[] {c.label()}, policy, progress.range(0, 0.1), warnings);
        ProgressAdapter core = new ProgressAdapter(progress.range(0.1, 0.98));
        JindModel model = KnimeProgress.run(() -> Jind.train(data, c.label(), null, settings, core));
        warnings.addAll(core.warnings());
        JindModelPortObject port = JindModelPortObject.of(model);
        BufferedDataTable stats = KnimeTables.write(ResultTables.validation(model), exec);
        warn(warnings);
        return new PortObject[] {port, stats};
    }

    private TrainingColumns columns(DataTableSpec spec) throws InvalidSettingsException {
        List<ColumnInfo> columns = KnimeTables.columns(spec);
        String[] includes = s.geneColumns.applyTo(spec).getIncludes();
        return check(() -> TrainingColumns.of(columns, s.labelColumn.getStringValue(), includes));
    }
}
