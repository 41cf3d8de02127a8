package org.jind.knime.nodes.scorer;

import java.util.List;

import org.jind.knime.logic.AnnotateOutput;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** JIND Scorer's settings: the three string columns; the defaults are Annotate &amp; Reject's column names. */
final class JindScorerSettings {
    final SettingsModelString truthColumn = new SettingsModelString("true_label_column", "");
    final SettingsModelString predictionColumn = new SettingsModelString("prediction_column",
            AnnotateOutput.Names.defaults().prediction());
    final SettingsModelString rawColumn = new SettingsModelString("raw_prediction_column",
            AnnotateOutput.Names.defaults().raw());

    List<SettingsModel> all() {
        return List.of(truthColumn, predictionColumn, rawColumn);
    }
}
