package org.jind.knime.nodes.align;

import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;

/** Align Batch's dialog. */
final class AlignBatchNodeDialog extends DefaultNodeSettingsPane {

    AlignBatchNodeDialog() {
        AlignBatchSettings s = new AlignBatchSettings();
        createNewGroup("Alignment");
        CommonSettings.addNumber(this, s.learningRate, NodeParameters.LEARNING_RATE, 1e-5);
        CommonSettings.addNumber(this, s.weightDecayG, NodeParameters.WEIGHT_DECAY_G, 1e-3);
        CommonSettings.addNumber(this, s.weightDecayD, NodeParameters.WEIGHT_DECAY_D, 1e-4);
        CommonSettings.addNumber(this, s.batchSize, NodeParameters.BATCH_SIZE);
        CommonSettings.addNumber(this, s.maxEpochs, NodeParameters.MAX_EPOCHS);
        CommonSettings.addNumber(this, s.patience, NodeParameters.PATIENCE);
        CommonSettings.addTheta(this, s.theta);
        addDialogComponent(new DialogComponentBoolean(s.considerUnaligned, NodeParameters.CONSIDER_UNALIGNED));
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
