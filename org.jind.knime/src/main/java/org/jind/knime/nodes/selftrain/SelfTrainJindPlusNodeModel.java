package org.jind.knime.nodes.selftrain;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.data.Dataset;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.core.nn.Backend;
import org.jind.knime.logic.BatchAlignment;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.logic.PerBatchRun;
import org.jind.knime.logic.ModelChecks;
import org.jind.knime.logic.ModelSummary;
import org.jind.knime.logic.ProgressAdapter;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeModel;

/**
 * Self-train JIND+: an aligned model and the batch it was aligned to in; the JIND+ model out. Warns when the
 * table is not the batch the model was aligned to. Settings from {@link SelfTrainJindPlusParameters}.
 */
@SuppressWarnings("deprecation") // WebUINodeModel: deprecated for DefaultNode since 5.6; see the factory
final class SelfTrainJindPlusNodeModel extends WebUINodeModel<SelfTrainJindPlusParameters> {
    static final String NODE = "Self-train JIND+";

    SelfTrainJindPlusNodeModel(WebUINodeConfiguration configuration) {
        super(configuration, SelfTrainJindPlusParameters.class);
        ModernNodes.adviseBlasOnce();
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs, SelfTrainJindPlusParameters s)
            throws InvalidSettingsException {
        JindModelPortObjectSpec in = ModernNodes.input(inSpecs[0], JindModelPortObjectSpec.class, "JIND model");
        ModelSummary model = in.summary();
        DataTableSpec table = ModernNodes.input(inSpecs[1], DataTableSpec.class, "target table");
        ModernNodes.check(() -> {
            ModelChecks.requireStage(model, Stage.ALIGNED, NODE,
                    "align it to this table with an Align Batch node first");
            return model;
        });
        ModernNodes.check(s::toCore);
        ModernNodes.warn(this::setWarningMessage,
                ModelInput.checkGenes(model, KnimeTables.columns(table), s.fillAbsentGenes));
        String batchColumn = batchColumn(in, s);
        if (batchColumn == null) {
            return new PortObjectSpec[] {in.withStage(Stage.SELFTRAINED)};
        }
        List<String> batches = ModelInput.checkBatchColumn(batchColumn, KnimeTables.columns(table), model);
        in.requireModelsFor(batches);
        return new PortObjectSpec[] {new JindModelPortObjectSpec(model.withStage(Stage.SELFTRAINED), batchColumn,
            batches)};
    }

    /**
     * The batch column: the setting, or when it is blank and the input holds one model per batch, the column
     * those were aligned to; null for one batch. A batch column needs a model per batch (self-training refines
     * each batch's own alignment).
     */
    private static String batchColumn(JindModelPortObjectSpec in, SelfTrainJindPlusParameters s)
            throws InvalidSettingsException {
        String column = s.batchColumn();
        if (column == null) {
            return in.hasBatches() ? in.batchColumn() : null;
        }
        if (!in.hasBatches()) {
            throw new InvalidSettingsException(NODE + " refines each batch's own aligned model, but the model at the"
                    + " input port was aligned to one batch: clear '" + NodeParameters.BATCH_COLUMN + "', or set it in"
                    + " the Align Batch node before.");
        }
        return column;
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec, SelfTrainJindPlusParameters s)
            throws Exception {
        JindModelPortObject port = (JindModelPortObject) in[0];
        String batchColumn = batchColumn(port.getSpec(), s);
        if (batchColumn != null) {
            return executePerBatch(s, port, batchColumn, (BufferedDataTable) in[1], exec);
        }
        // configure checked the stage its input announced; the model that arrives is converted (or refused) here
        AlignedModel model = port.model().aligned("Self-training");
        BufferedDataTable table = (BufferedDataTable) in[1];
        SelfTrainSettings settings = ModernNodes.check(s::toCore);
        MissingValuePolicy policy = s.missingValuePolicy();
        boolean fill = s.fillAbsentGenes;
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset target = ModelInput.readTarget(table, model, policy, fill, progress.range(0, 0.05), warnings, NODE);
        ProgressAdapter core = new ProgressAdapter(progress.range(0.05, 1));
        SelfTrainer.Result result = KnimeProgress.run(() -> BatchAlignment.selfTrainOne(model, target, fill, settings,
                null, null, core));
        warnings.addAll(core.warnings());
        JindModel plus = result.model();
        ModernNodes.warn(this::setWarningMessage, warnings);
        return new PortObject[] {JindModelPortObject.of(plus)};
    }

    /**
     * Each batch of the table self-trained on its own from its own aligned model, several at once (as Align Batch);
     * a batch the input has no model for is refused by name before any work.
     */
    private PortObject[] executePerBatch(SelfTrainJindPlusParameters s, JindModelPortObject port, String batchColumn,
            BufferedDataTable table, ExecutionContext exec) throws Exception {
        SelfTrainSettings settings = ModernNodes.check(s::toCore);
        MissingValuePolicy policy = s.missingValuePolicy();
        boolean fill = s.fillAbsentGenes;
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset all = ModelInput.readTarget(table, port.anyModel(), policy, fill, progress.range(0, 0.05), warnings,
                NODE, batchColumn);
        List<String> batches = ModernNodes.check(() -> PerBatchRun.batches(all, batchColumn, "batch column '"
                + batchColumn + "'"));
        batches.forEach(b -> port.requireModelFor(b));
        int threads = Backend.threads();
        int setting = s.batchesAtOnce;
        int workers = PerBatchRun.workers(setting, batches.size(), threads, Runtime.getRuntime().availableProcessors());
        warnings.add(PerBatchRun.workersWarning(setting, batches.size(), threads));
        PerBatchRun.Results<SelfTrainer.Result> results = KnimeProgress.run(() -> BatchAlignment.selfTrainEach(
                b -> port.modelFor(b).aligned("Self-training"), all, batchColumn, batches, fill, settings, workers,
                progress.range(0.05, 1)));
        warnings.addAll(results.warnings());
        List<JindModel> models = new ArrayList<>();
        results.results().forEach(r -> models.add(r.model()));
        ModernNodes.warn(this::setWarningMessage, warnings);
        return new PortObject[] {JindModelPortObject.ofBatches(batchColumn, batches, models)};
    }
}
