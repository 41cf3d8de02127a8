package org.jind.knime.nodes.annotate;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.knime.logic.AnnotateOutput;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.OutputColumn;
import org.jind.knime.logic.ProgressAdapter;
import org.jind.knime.nodes.JindNodeModel;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.ColumnRearranger;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Annotate &amp; Reject: a model of any stage and a table in; the same table (every row and column, in order)
 * with the annotation columns appended out. Warns when an aligned model meets another batch.
 */
final class AnnotateRejectNodeModel extends JindNodeModel {
    private final AnnotateRejectSettings s;

    AnnotateRejectNodeModel() {
        this(new AnnotateRejectSettings());
    }

    private AnnotateRejectNodeModel(AnnotateRejectSettings s) {
        super(new PortType[] {JindModelPortObject.type(), BufferedDataTable.TYPE},
                new PortType[] {BufferedDataTable.TYPE}, s.all());
        this.s = s;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ModelSummary model = ModelInput.summary(inSpecs[0]);
        DataTableSpec table = input(inSpecs[1], DataTableSpec.class, "table");
        check(s::theta);
        check(s::missingValuePolicy);
        warn(ModelInput.checkGenes(model, KnimeTables.columns(table), s.fillAbsentGenes.getBooleanValue()));
        List<OutputColumn> columns = outputColumns(table, model);
        // unknown cell types (model not trained yet) mean unknown probability columns: tell KNIME "not yet"
        return new PortObjectSpec[] {columns == null ? null : rearranger(table, columns, null, null).createSpec()};
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        JindModel model = ((JindModelPortObject) in[0]).model();
        BufferedDataTable table = (BufferedDataTable) in[1];
        double theta = check(s::theta);
        MissingValuePolicy policy = check(s::missingValuePolicy);
        boolean fill = s.fillAbsentGenes.getBooleanValue();
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset data = ModelInput.read(table, model, policy, fill, progress.range(0, 0.4), warnings);
        Annotation annotation = null;
        if (data.cells() > 0) {
            ProgressAdapter core = new ProgressAdapter(progress.range(0.4, 0.9));
            progress.progress(0.4, "Annotating " + data.cells() + " cells");
            annotation = KnimeProgress.run(() -> Jind.annotate(model, data, theta, fill, core));
            warnings.addAll(core.warnings());
        }
        DataTableSpec spec = table.getDataTableSpec();
        ColumnRearranger r = rearranger(spec, outputColumns(spec, ModelSummary.of(model)), annotation,
                data.cellIds());
        BufferedDataTable out = exec.createColumnRearrangeTable(table, r, exec.createSubProgress(0.1));
        warn(warnings);
        return new PortObject[] {out};
    }

    private List<OutputColumn> outputColumns(DataTableSpec table, ModelSummary model) throws InvalidSettingsException {
        List<String> existing = KnimeTables.names(KnimeTables.columns(table));
        AnnotateOutput.Names names = check(s::names);
        return check(() -> AnnotateOutput.columns(existing, model, names, s.appendProbabilities.getBooleanValue()));
    }

    private ColumnRearranger rearranger(DataTableSpec table, List<OutputColumn> columns, Annotation annotation,
            String[] cellIds) {
        ColumnRearranger r = new ColumnRearranger(table);
        r.append(new AnnotationCellFactory(KnimeTables.columnSpecs(columns), annotation, cellIds,
                s.appendProbabilities.getBooleanValue()));
        return r;
    }
}
