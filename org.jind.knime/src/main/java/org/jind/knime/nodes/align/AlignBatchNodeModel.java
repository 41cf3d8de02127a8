package org.jind.knime.nodes.align;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.core.prep.PreparedBatch;
import org.jind.core.plot.Curves;
import org.jind.core.plot.Figure;
import org.jind.core.plot.FigureStore;
import org.jind.core.plot.LatentMap;
import org.jind.core.plot.ModelFigures;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.ProgressAdapter;
import org.jind.knime.logic.ResultTables;
import org.jind.knime.logic.TrueTypes;
import org.jind.knime.nodes.JindNodeModel;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.jind.knime.views.FigureSource;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Align Batch: a model and an unlabelled target table in; the aligned model and the per-epoch history out.
 * Any stage aligns: an aligned model is realigned from its trained networks. Its view shows the latent maps
 * before and after alignment and the alignment curves, from data computed here (UMAP coordinates, kept in the
 * node's internals), never drawn during execution.
 */
final class AlignBatchNodeModel extends JindNodeModel implements FigureSource {
    private static final String VIEW_FILE = "align-view.json";

    /** What the view draws: the latent maps and the alignment curves. */
    record ViewData(List<LatentMap.Data> maps, Curves.AlignmentData curves) {
    }

    private final AlignBatchSettings s;
    private volatile ViewData view;

    AlignBatchNodeModel() {
        this(new AlignBatchSettings());
    }

    private AlignBatchNodeModel(AlignBatchSettings s) {
        super(new PortType[] {JindModelPortObject.type(), BufferedDataTable.TYPE}, new PortType[] {
            JindModelPortObject.type(), BufferedDataTable.TYPE}, s.all());
        this.s = s;
    }

    @Override
    protected void validateValues(NodeSettingsRO settings) throws InvalidSettingsException {
        validateTheta(settings);
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ModelSummary model = ModelInput.summary(inSpecs[0]);
        DataTableSpec table = input(inSpecs[1], DataTableSpec.class, "target table");
        check(s::toCore);
        check(s::missingValuePolicy);
        warn(ModelInput.checkGenes(model, KnimeTables.columns(table), s.fillAbsentGenes.getBooleanValue()));
        return new PortObjectSpec[] {new JindModelPortObjectSpec(model.withStage(Stage.ALIGNED)),
            KnimeTables.spec(ResultTables.ALIGNMENT_COLUMNS)};
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        JindModel model = ((JindModelPortObject) in[0]).model();
        BufferedDataTable table = (BufferedDataTable) in[1];
        AlignSettings settings = check(s::toCore);
        MissingValuePolicy policy = check(s::missingValuePolicy);
        boolean fill = s.fillAbsentGenes.getBooleanValue();
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset target = ModelInput.readTarget(table, model, policy, fill, progress.range(0, 0.05), warnings,
                "Align Batch");
        ProgressAdapter core = new ProgressAdapter(progress.range(0.05, 0.9));
        // prepared once: the alignment and the view's latent maps read the same prepared batch
        PreparedBatch prepared = KnimeProgress.run(() -> Jind.prepare(model, target, fill, core));
        Aligner.Result result = KnimeProgress.run(() -> Jind.align(model, prepared, settings, core));
        warnings.addAll(core.warnings());
        JindModel aligned = result.model();
        progress.range(0.9, 1).progress(0, "computing the latent maps for the view");
        List<LatentMap.Data> maps = KnimeProgress.run(() -> ModelFigures.latentMaps(aligned,
                prepared.matrixFor(aligned.plan), TrueTypes.of(target, model.labelKey), settings.theta(),
                settings.seed()));
        view = new ViewData(maps, Curves.AlignmentData.of(result));
        JindModelPortObject port = JindModelPortObject.of(aligned);
        BufferedDataTable history = KnimeTables.write(ResultTables.alignment(result.history()), exec);
        warn(warnings);
        return new PortObject[] {port, history};
    }

    @Override
    public List<Figure> figures() {
        ViewData v = view;
        if (v == null) {
            return List.of();
        }
        List<Figure> out = new ArrayList<>();
        v.maps().forEach(m -> out.add(LatentMap.of(m)));
        if (v.curves() != null) { // null in internals saved before the curves held the rejections: re-execute
            out.add(Curves.alignment(v.curves()));
        }
        return out;
    }

    @Override
    public String noFigures() {
        return "Execute the node to see the latent maps before and after alignment.";
    }

    @Override
    protected void saveInternals(File dir, ExecutionMonitor exec) throws IOException {
        if (view != null) {
            FigureStore.write(dir.toPath().resolve(VIEW_FILE), view);
        }
    }

    @Override
    protected void loadInternals(File dir, ExecutionMonitor exec) throws IOException {
        view = FigureStore.read(dir.toPath().resolve(VIEW_FILE), ViewData.class);
    }

    @Override
    protected void reset() {
        view = null;
    }
}
