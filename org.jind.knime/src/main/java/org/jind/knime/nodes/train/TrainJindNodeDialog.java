package org.jind.knime.nodes.train;

import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnFilter2;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** Train JIND's dialog: columns first, then the method's hyperparameters. */
final class TrainJindNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    TrainJindNodeDialog() {
        TrainJindSettings s = new TrainJindSettings();
        createNewGroup("Cell types");
        addDialogComponent(new DialogComponentColumnNameSelection(s.labelColumn, NodeParameters.LABEL_COLUMN + ":", 0,
                StringValue.class));
        closeCurrentGroup();
        // the filter has no label of its own: its group's title is the name the messages use
        createNewGroup(NodeParameters.GENE_COLUMNS);
        addDialogComponent(new DialogComponentColumnFilter2(s.geneColumns, 0));
        CommonSettings.addMissingValues(this, s.missingValues);
        closeCurrentGroup();
        createNewGroup("Training");
        CommonSettings.addNumber(this, s.genesKept, NodeParameters.GENES_KEPT);
        CommonSettings.addNumber(this, s.epochs, NodeParameters.EPOCHS);
        CommonSettings.addNumber(this, s.batchSize, NodeParameters.BATCH_SIZE);
        CommonSettings.addNumber(this, s.learningRate, NodeParameters.LEARNING_RATE, 1e-4);
        CommonSettings.addNumber(this, s.validationFraction, NodeParameters.VALIDATION_FRACTION, 0.05);
        CommonSettings.addNumber(this, s.seed, NodeParameters.SEED);
        closeCurrentGroup();
    }
}
