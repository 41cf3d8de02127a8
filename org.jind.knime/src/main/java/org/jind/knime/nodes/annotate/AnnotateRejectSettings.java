package org.jind.knime.nodes.annotate;

import java.util.List;

import org.jind.knime.logic.AnnotateOutput;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Annotate &amp; Reject's settings models, shared by its node model and dialog. */
final class AnnotateRejectSettings {
    private static final AnnotateOutput.Names D = AnnotateOutput.Names.defaults();

    final SettingsModelDoubleBounded theta = CommonSettings.theta(NodeParameters.defaultTheta());
    final SettingsModelBoolean appendProbabilities = new SettingsModelBoolean("append_probabilities", true);
    /** Off by default: 256 more double columns per row. */
    final SettingsModelBoolean appendLatent = new SettingsModelBoolean("append_latent_code", false);
    final SettingsModelString rawColumn = new SettingsModelString("raw_prediction_column", D.raw());
    final SettingsModelString predictionColumn = new SettingsModelString("prediction_column", D.prediction());
    final SettingsModelString confidenceColumn = new SettingsModelString("confidence_column", D.confidence());
    final SettingsModelString probabilityPattern = new SettingsModelString("probability_column_pattern",
            D.probabilityPattern());
    final SettingsModelString missingValues = CommonSettings.missingValues();
    final SettingsModelBoolean fillAbsentGenes = CommonSettings.fillAbsentGenes();

    List<SettingsModel> all() {
        return List.of(theta, appendProbabilities, rawColumn, predictionColumn, confidenceColumn, probabilityPattern,
                missingValues, fillAbsentGenes, appendLatent);
    }

    double theta() {
        return NodeParameters.theta(theta.getDoubleValue());
    }

    AnnotateOutput.Names names() {
        return new AnnotateOutput.Names(rawColumn.getStringValue(), predictionColumn.getStringValue(),
                confidenceColumn.getStringValue(), probabilityPattern.getStringValue()).validated();
    }

    MissingValuePolicy missingValuePolicy() {
        return MissingValuePolicy.parse(missingValues.getStringValue());
    }
}
