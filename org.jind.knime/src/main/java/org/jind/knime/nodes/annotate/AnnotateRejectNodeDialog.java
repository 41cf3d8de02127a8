package org.jind.knime.nodes.annotate;

import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentString;

/** Annotate &amp; Reject's dialog. */
final class AnnotateRejectNodeDialog extends DefaultNodeSettingsPane {

    AnnotateRejectNodeDialog() {
        AnnotateRejectSettings s = new AnnotateRejectSettings();
        createNewGroup("Rejection");
        CommonSettings.addTheta(this, s.theta);
        closeCurrentGroup();
        createNewGroup("Output columns");
        addDialogComponent(new DialogComponentString(s.rawColumn, NodeParameters.RAW_COLUMN + ":"));
        addDialogComponent(new DialogComponentString(s.predictionColumn, NodeParameters.PREDICTION_COLUMN + ":"));
        addDialogComponent(new DialogComponentString(s.confidenceColumn, NodeParameters.CONFIDENCE_COLUMN + ":"));
        addDialogComponent(new DialogComponentBoolean(s.appendProbabilities, NodeParameters.APPEND_PROBABILITIES));
        addDialogComponent(new DialogComponentString(s.probabilityPattern, NodeParameters.PROBABILITY_PATTERN + ":"));
        addDialogComponent(new DialogComponentBoolean(s.appendLatent, NodeParameters.APPEND_LATENT));
        closeCurrentGroup();
        createNewGroup("Input table");
        CommonSettings.addMissingValues(this, s.missingValues);
        CommonSettings.addFillAbsentGenes(this, s.fillAbsentGenes);
        closeCurrentGroup();
    }
}
