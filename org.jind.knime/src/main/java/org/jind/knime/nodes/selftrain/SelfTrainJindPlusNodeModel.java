package org.jind.knime.nodes.selftrain;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.data.Dataset;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.knime.logic.MissingValuePolicy;
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
                new PortType[] {JindModelPortObject.type()}, s.all());
        this.s = s;
    }

    @Override
    protected PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        ModelSummary model = ModelInput.summary(inSpecs[0]);
        DataTableSpec table = input(inSpecs[1], DataTableSpec.class, "target table");
        check(() -> {
            ModelChecks.requireStage(model, Stage.ALIGNED, NODE,
                    "align it to this table with an Align Batch node first");
            return model;
        });
        check(s::toCore);
        check(s::missingValuePolicy);
        warn(ModelInput.checkGenes(model, KnimeTables.columns(table), s.fillAbsentGenes.getBooleanValue()));
        return new PortObjectSpec[] {new JindModelPortObjectSpec(model.withStage(Stage.SELFTRAINED))};
    }

    @Override
    protected PortObject[] execute(PortObject[] in, ExecutionContext exec) throws Exception {
        // configure checked the stage its input announced; the model that arrives is converted (or refused) here
        AlignedModel model = ((JindModelPortObject) in[0]).model().aligned("Self-training");
        BufferedDataTable table = (BufferedDataTable) in[1];
        SelfTrainSettings settings = check(s::toCore);
        MissingValuePolicy policy = check(s::missingValuePolicy);
        boolean fill = s.fillAbsentGenes.getBooleanValue();
        KnimeProgress progress = new KnimeProgress(exec);
        List<String> warnings = new ArrayList<>();
        Dataset target = ModelInput.readTarget(table, model, policy, fill, progress.range(0, 0.05), warnings, NODE);
        ProgressAdapter core = new ProgressAdapter(progress.range(0.05, 1));
        SelfTrainer.Result result = KnimeProgress.run(() -> Jind.selfTrain(model, Jind.prepare(model, target, fill,
                core), settings, core));
        warnings.addAll(core.warnings());
        JindModel plus = result.model();
        warn(warnings);
        return new PortObject[] {JindModelPortObject.of(plus)};
    }
}
