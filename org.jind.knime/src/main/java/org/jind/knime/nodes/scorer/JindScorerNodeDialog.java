package org.jind.knime.nodes.scorer;

import org.jind.knime.logic.NodeParameters;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;

/** JIND Scorer's dialog: three string columns. */
final class JindScorerNodeDialog extends DefaultNodeSettingsPane {

    @SuppressWarnings("unchecked")
    JindScorerNodeDialog() {
        JindScorerSettings s = new JindScorerSettings();
        addDialogComponent(new DialogComponentColumnNameSelection(s.truthColumn, NodeParameters.TRUTH_COLUMN + ":", 0,
                StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.predictionColumn,
                NodeParameters.PREDICTION_COLUMN + ":", 0, StringValue.class));
        addDialogComponent(new DialogComponentColumnNameSelection(s.rawColumn, NodeParameters.RAW_COLUMN + ":", 0,
                StringValue.class));
    }
}
