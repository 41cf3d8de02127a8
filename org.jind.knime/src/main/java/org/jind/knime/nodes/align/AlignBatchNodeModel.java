package org.jind.knime.nodes.align;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.core.plot.Curves;
import org.jind.core.plot.Figure;
import org.jind.core.plot.FigureStore;
import org.jind.core.plot.LatentMap;
import org.jind.core.nn.Backend;
import org.jind.knime.logic.BatchAlignment;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.logic.PerBatchRun;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.ProgressAdapter;
import org.jind.knime.logic.ResultTables;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
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
 * Align Batch: a model and an unlabelled target table in; the aligned model and the per-epoch history out.
 * Any stage aligns: an aligned model is realigned from its trained networks. Its view shows the latent maps
 * before and after alignment and the alignment curves, from data computed here (UMAP coordinates, kept in the
 * node's internals), never drawn during execution. A node model of its own (KNIME's {@code WebUINodeModel}: settings
 * from {@link AlignBatchParameters}) because of those internals and views.
 */
@SuppressWarnings("deprecation") // WebUINodeModel: deprecated for DefaultNode since 5.6, which has no node views
final class AlignBatchNodeModel extends WebUINodeModel<AlignBatchParameters> implements FigureSource {
    private static final String VIEW_FILE = "align-view.json";

    /**
     * What the view draws: the latent maps and the alignment curves; with a batch column those of each batch
     * ({@code batches}; null in internals saved before batches, and without a batch column).
     */
    record ViewData(List<LatentMap.Data> maps, Curves.AlignmentData curves, List<BatchView> batches) {
        /** The figures of the Swing and the web view: the maps and curves, then each batch's (titles say which). */
        List<Figure> figures() {
            List<Figure> out = new ArrayList<>();
            maps.forEach(m -> out.add(LatentMap.of(m)));
            if (curves != null) { // null in internals saved before the curves held the rejections: re-execute
                out.add(Curves.alignment(curves));
            }
            if (batches != null) {
                for (BatchView b : batches) {
                    List<Figure> own = new ArrayList<>();
                    b.maps().forEach(m -> own.add(LatentMap.of(m)));
                    own.add(Curves.alignment(b.curves()));
                    own.forEach(f -> out.add(f.ofBatch(b.batch())));
                }
            }
            return out;
        }
    }

    /** One batch's latent maps and alignment curves. */
    record BatchView(String batch, List<LatentMap.Data> maps, Curves.AlignmentData curves) {
    }

    private volatile ViewData view;

    AlignBatchNodeModel() {
        super(new PortType[] {JindModelPortObject.type(), BufferedDataTable.TYPE}, new PortType[] {
            JindModelPortObject.type(), BufferedDataTable.TYPE}, AlignBatchParameters.class);
        ModernNodes.adviseBlasOnce();
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs, AlignBatchParameters s)
            throws InvalidSettingsException {
        JindModelPortObjectSpec in = ModernNodes.input(inSpecs[0], JindModelPortObjectSpec.class, "JIND model");
        ModelSummary model = in.summary();
        DataTableSpec table = ModernNodes.input(inSpecs[1], DataTableSpec.class, "target table");
        ModernNodes.check(s::toCore);
        ModernNodes.warn(this::setWarningMessage,
                ModelInput.checkGenes(model, KnimeTables.columns(table), s.fillAbsentGenes));
        String batchColumn = s.batchColumn();
        if (batchColumn == null) {
            if (in.hasBatches()) {
                throw new InvalidSettingsException(oneModelPerBatch(in));
            }
            return new PortObjectSpec[] {in.withStage(Stage.ALIGNED), KnimeTables.spec(ResultTables.ALIGNMENT_COLUMNS)};
        }
        List<String> batches = ModelInput.checkBatchColumn(batchColumn, KnimeTables.columns(table), model);
        if (in.hasBatches()) {
            in.requireModelsFor(batches);
        }
        return new PortObjectSpec[] {new JindModelPortObjectSpec(model.withStage(Stage.ALIGNED), batchColumn, batches),
            KnimeTables.spec(ResultTables.BATCH_ALIGNMENT_COLUMNS)};
    }

    /** The refusal of a port with one model per batch when no batch column says which cells get which. */
    private static String oneModelPerBatch(JindModelPortObjectSpec in) {
        return "The JIND model at the input port holds one model per batch of column '" + in.batchColumn() + "'; set"
                + " '" + NodeParameters.BATCH_COLUMN + "' to realign each batch, or align from the trained model.";
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec, AlignBatchParameters s) throws Exception {
        JindModelPortObject port = (JindModelPortObject) in[0];
        if (s.batchColumn() != null) {
            return executePerBatch(s, port, (BufferedDataTable) in[1], exec);
        }
        if (port.hasBatches()) {
            throw new InvalidSettingsException(oneModelPerBatch(port.getSpec()));
        }
        JindModel model = port.model();
        BufferedDataTable table = (BufferedDataTable) in[1];
        AlignSettings settings = ModernNodes.check(s::toCore);
        MissingValuePolicy policy = s.missingValuePolicy();
        boolean fill = s.fillAbsentGenes;
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset target = ModelInput.readTarget(table, model, policy, fill, progress.range(0, 0.05), warnings,
                "Align Batch");
        ProgressAdapter core = new ProgressAdapter(progress.range(0.05, 1));
        // the alignment and the view's latent maps read the same prepared batch
        BatchAlignment.Aligned result = KnimeProgress.run(() -> BatchAlignment.alignOne(model, target, fill,
                settings, null, null, true, core));
        warnings.addAll(core.warnings());
        view = new ViewData(result.maps(), Curves.AlignmentData.of(result.result()), null);
        JindModelPortObject out = JindModelPortObject.of(result.model());
        BufferedDataTable history = KnimeTables.write(ResultTables.alignment(result.result().history()), exec);
        ModernNodes.warn(this::setWarningMessage, warnings);
        return new PortObject[] {out, history};
    }

    /**
     * Each batch of the batch column aligned on its own, several at once (see {@link PerBatchRun#workers}): each
     * from its own copy of the input model (a port with batches: that batch's), so its result is that of aligning
     * its rows alone; the output port holds one model per batch.
     */
    private PortObject[] executePerBatch(AlignBatchParameters s, JindModelPortObject port, BufferedDataTable table,
            ExecutionContext exec) throws Exception {
        String batchColumn = s.batchColumn();
        AlignSettings settings = ModernNodes.check(s::toCore);
        MissingValuePolicy policy = s.missingValuePolicy();
        boolean fill = s.fillAbsentGenes;
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset all = ModelInput.readTarget(table, port.anyModel(), policy, fill, progress.range(0, 0.05), warnings,
                "Align Batch", batchColumn);
        List<String> batches = ModernNodes.check(() -> PerBatchRun.batches(all, batchColumn, "batch column '"
                + batchColumn + "'"));
        batches.forEach(b -> port.requireModelFor(b)); // before any work
        int threads = Backend.threads();
        int setting = s.batchesAtOnce;
        int workers = PerBatchRun.workers(setting, batches.size(), threads, Runtime.getRuntime().availableProcessors());
        warnings.add(PerBatchRun.workersWarning(setting, batches.size(), threads));
        PerBatchRun.Results<BatchAlignment.Aligned> results = KnimeProgress.run(() -> BatchAlignment.alignEach(
                port::modelFor, all, batchColumn, batches, fill, settings, true, workers, progress.range(0.05, 1)));
        warnings.addAll(results.warnings());
        List<BatchView> views = new ArrayList<>();
        List<JindModel> models = new ArrayList<>();
        List<List<Aligner.EpochRecord>> histories = new ArrayList<>();
        for (BatchAlignment.Aligned a : results.results()) {
            views.add(new BatchView(a.batch(), a.maps(), Curves.AlignmentData.of(a.result())));
            models.add(a.model());
            histories.add(a.result().history());
        }
        view = new ViewData(List.of(), null, views);
        JindModelPortObject out = JindModelPortObject.ofBatches(batchColumn, batches, models);
        BufferedDataTable history = KnimeTables.write(ResultTables.alignment(batches, histories), exec);
        ModernNodes.warn(this::setWarningMessage, warnings);
        return new PortObject[] {out, history};
    }

    @Override
    public List<Figure> figures() {
        ViewData v = view;
        return v == null ? List.of() : v.figures();
    }

    @Override
    public String noFigures() {
        return "Execute the node to see the latent maps before and after alignment (with a batch column, of each"
                + " batch).";
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
