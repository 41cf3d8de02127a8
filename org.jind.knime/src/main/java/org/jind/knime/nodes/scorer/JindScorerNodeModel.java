package org.jind.knime.nodes.scorer;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.jind.core.plot.ConfusionHeatmap;
import org.jind.core.plot.Figure;
import org.jind.core.plot.FigureStore;
import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.Scorer;
import org.jind.knime.logic.ScorerColumns;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.views.FigureSource;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.webui.node.impl.WebUINodeModel;

/**
 * JIND Scorer: an annotated table in; the rejection-aware metrics and the confusion matrix (with an Unassigned
 * column) out. Needs no model, so it also scores annotations made elsewhere. Its view draws the confusion
 * matrix as a heatmap from the values kept here (saved with the workflow in the node's internals), which is why
 * this node keeps a node model of its own (KNIME's {@code WebUINodeModel}: settings from
 * {@link JindScorerParameters}, internals and views as before).
 */
final class JindScorerNodeModel extends WebUINodeModel<JindScorerParameters> implements FigureSource {
    private static final String CONFUSION_FILE = "confusion.json";

    /** What the view draws; null until executed. */
    private volatile ConfusionHeatmap.Data confusion;

    JindScorerNodeModel() {
        super(new PortType[] {BufferedDataTable.TYPE}, new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE},
                JindScorerParameters.class);
        ModernNodes.adviseBlasOnce();
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs, JindScorerParameters s)
            throws InvalidSettingsException {
        if (inSpecs[0] == null) {
            throw new InvalidSettingsException("No annotated table at the input yet; configure or execute the node"
                    + " before this one.");
        }
        columns((DataTableSpec) inSpecs[0], s);
        // the confusion matrix has a column per predicted label: known only from the data
        return new PortObjectSpec[] {KnimeTables.spec(Scorer.METRICS_COLUMNS), null};
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec, JindScorerParameters s) throws Exception {
        BufferedDataTable table = (BufferedDataTable) in[0];
        int[] columns = columns(table.getDataTableSpec(), s);
        KnimeProgress progress = new KnimeProgress(exec);
        String[][] values = KnimeTables.readStrings(table, columns, progress.range(0, 0.9));
        Scorer.Scores scores = ModernNodes.check(() -> Scorer.score(values[0], values[1], values[2]));
        confusion = new ConfusionHeatmap.Data(scores.trueLabels(), scores.predictedColumns(), scores.confusion(),
                scores.cells(), scores.raw(), scores.rejected(), scores.effective());
        return new PortObject[] {KnimeTables.write(Scorer.metricsTable(scores), exec),
            KnimeTables.write(Scorer.confusionTable(scores), exec)};
    }

    @Override
    public List<Figure> figures() {
        ConfusionHeatmap.Data d = confusion;
        return d == null ? List.of() : List.of(ConfusionHeatmap.of(d));
    }

    @Override
    public String noFigures() {
        return "Execute the node to see the confusion matrix.";
    }

    @Override
    protected void saveInternals(File dir, ExecutionMonitor exec) throws IOException {
        if (confusion != null) {
            FigureStore.write(dir.toPath().resolve(CONFUSION_FILE), confusion);
        }
    }

    @Override
    protected void loadInternals(File dir, ExecutionMonitor exec) throws IOException {
        confusion = FigureStore.read(dir.toPath().resolve(CONFUSION_FILE), ConfusionHeatmap.Data.class);
    }

    @Override
    protected void reset() {
        confusion = null;
    }

    /** Indices of the true label, prediction and raw prediction columns. */
    private static int[] columns(DataTableSpec spec, JindScorerParameters s) throws InvalidSettingsException {
        List<ColumnInfo> columns = KnimeTables.columns(spec);
        return ModernNodes.check(() -> ScorerColumns.resolve(columns, s.truthColumn, s.predictionColumn,
                s.rawColumn));
    }
}
