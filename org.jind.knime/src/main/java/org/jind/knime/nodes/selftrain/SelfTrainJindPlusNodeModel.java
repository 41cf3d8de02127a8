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
import org.jind.knime.nodes.JindNodeModel;
import org.jind.knime.nodes.KnimeProgress;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModelInput;
import org.jind.knime.port.JindModelPortObject;
import org.jind.knime.port.JindModelPortObjectSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * Self-train JIND+: an aligned model and the batch it was aligned to in; the JIND+ model out. Warns when the
 * table is not the batch the model was aligned to.
 */
final class SelfTrainJindPlusNodeModel extends JindNodeModel {
    static final String NODE = "Self-train JIND+";
    private final SelfTrainJindPlusSettings s;

    SelfTrainJindPlusNodeModel() {
        this(new SelfTrainJindPlusSettings());
    }

    private SelfTrainJindPlusNodeModel(SelfTrainJindPlusSettings s) {
        super(new PortType[] {JindModelPortObject.type(), BufferedDataTable.TYPE},
                new PortType[] {JindModelPortObject.type()}, s.all(), s.addedLater());
        this.s = s;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        JindModelPortObjectSpec in = input(inSpecs[0], JindModelPortObjectSpec.class, "JIND model");
        ModelSummary model = in.summary();
        DataTableSpec table = input(inSpecs[1], DataTableSpec.class, "target table");
        check(() -> {
            ModelChecks.requireStage(model, Stage.ALIGNED, NODE,
                    "align it to this table with an Align Batch node first");
            return model;
        });
        check(s::toCore);
        check(s::missingValuePolicy);
        warn(ModelInput.checkGenes(model, KnimeTables.columns(table), s.fillAbsentGenes.getBooleanValue()));
        String batchColumn = batchColumn(in);
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
    private String batchColumn(JindModelPortObjectSpec in) throws InvalidSettingsException {
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
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        JindModelPortObject port = (JindModelPortObject) in[0];
        String batchColumn = batchColumn(port.getSpec());
        if (batchColumn != null) {
            return executePerBatch(port, batchColumn, (BufferedDataTable) in[1], exec);
        }
        // configure checked the stage its input announced; the model that arrives is converted (or refused) here
        AlignedModel model = port.model().aligned("Self-training");
        BufferedDataTable table = (BufferedDataTable) in[1];
        SelfTrainSettings settings = check(s::toCore);
        MissingValuePolicy policy = check(s::missingValuePolicy);
        boolean fill = s.fillAbsentGenes.getBooleanValue();
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset target = ModelInput.readTarget(table, model, policy, fill, progress.range(0, 0.05), warnings, NODE);
        ProgressAdapter core = new ProgressAdapter(progress.range(0.05, 1));
        SelfTrainer.Result result = KnimeProgress.run(() -> BatchAlignment.selfTrainOne(model, target, fill, settings,
                null, null, core));
        warnings.addAll(core.warnings());
        JindModel plus = result.model();
        warn(warnings);
        return new PortObject[] {JindModelPortObject.of(plus)};
    }

    /**
     * Each batch of the table self-trained on its own from its own aligned model, several at once (as Align Batch);
     * a batch the input has no model for is refused by name before any work.
     */
    private PortObject[] executePerBatch(JindModelPortObject port, String batchColumn, BufferedDataTable table,
            ExecutionContext exec) throws Exception {
        SelfTrainSettings settings = check(s::toCore);
        MissingValuePolicy policy = check(s::missingValuePolicy);
        boolean fill = s.fillAbsentGenes.getBooleanValue();
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset all = ModelInput.readTarget(table, port.anyModel(), policy, fill, progress.range(0, 0.05), warnings,
                NODE, batchColumn);
        List<String> batches = check(() -> PerBatchRun.batches(all, batchColumn, "batch column '" + batchColumn
                + "'"));
        batches.forEach(b -> port.requireModelFor(b));
        int threads = Backend.threads();
        int setting = s.batchesAtOnce.getIntValue();
        int workers = PerBatchRun.workers(setting, batches.size(), threads, Runtime.getRuntime().availableProcessors());
        warnings.add(PerBatchRun.workersWarning(setting, batches.size(), threads));
        PerBatchRun.Results<SelfTrainer.Result> results = KnimeProgress.run(() -> BatchAlignment.selfTrainEach(
                b -> port.modelFor(b).aligned("Self-training"), all, batchColumn, batches, fill, settings, workers,
                progress.range(0.05, 1)));
        warnings.addAll(results.warnings());
        List<JindModel> models = new ArrayList<>();
        results.results().forEach(r -> models.add(r.model()));
        warn(warnings);
        return new PortObject[] {JindModelPortObject.ofBatches(batchColumn, batches, models)};
    }
}
