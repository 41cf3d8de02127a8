package org.jind.knime.nodes.selftrain;

import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;

/** Self-train JIND+'s dialog. */
final class SelfTrainJindPlusNodeDialog extends DefaultNodeSettingsPane {

    SelfTrainJindPlusNodeDialog() {
        SelfTrainJindPlusSettings s = new SelfTrainJindPlusSettings();
        createNewGroup("Self-training");
        CommonSettings.addNumber(this, s.keepFraction, NodeParameters.KEEP_FRACTION, 0.01);
        CommonSettings.addNumber(this, s.learningRate, NodeParameters.LEARNING_RATE, 1e-5);
        CommonSettings.addNumber(this, s.batchSize, NodeParameters.BATCH_SIZE);
        CommonSettings.addNumber(this, s.epochs, NodeParameters.EPOCHS);
        CommonSettings.addNumber(this, s.validationFraction, NodeParameters.VALIDATION_FRACTION, 0.05);
        CommonSettings.addNumber(this, s.seed, NodeParameters.SEED);
        closeCurrentGroup();
        createNewGroup("Target table");
        CommonSettings.addMissingValues(this, s.missingValues);
        CommonSettings.addFillAbsentGenes(this, s.fillAbsentGenes);
        closeCurrentGroup();
        createNewGroup("Batches");
        CommonSettings.addBatchOptions(this, s.batchColumn, s.batchesAtOnce);
        closeCurrentGroup();
    }
}
