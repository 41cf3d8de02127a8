package org.jind.knime.nodes.scorer;

import org.jind.knime.logic.AnnotateOutput;
import org.jind.knime.logic.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider.StringColumnsProvider;

/**
 * JIND Scorer's parameters: the dialog, the option texts of the node description and the node settings, with the
 * keys the classic dialog saved ({@code true_label_column}, {@code prediction_column}, {@code
 * raw_prediction_column}). The defaults are Annotate &amp; Reject's column names.
 */
public final class JindScorerParameters implements org.knime.node.parameters.NodeParameters {

    @Widget(title = NodeParameters.TRUTH_COLUMN, description = "The string column with the known cell type of every"
            + " cell (no missing values). If none is chosen and the table has a single string column besides the two"
            + " prediction columns, that column is used.")
    @ChoicesProvider(StringColumnsProvider.class)
    @Persist(configKey = "true_label_column")
    String truthColumn = "";

    @Widget(title = NodeParameters.PREDICTION_COLUMN, description = "The string column with the prediction after"
            + " rejection, \"Unassigned\" for rejected cells (default \"Prediction\").")
    @ChoicesProvider(StringColumnsProvider.class)
    @Persist(configKey = "prediction_column")
    String predictionColumn = AnnotateOutput.Names.defaults().prediction();

    @Widget(title = NodeParameters.RAW_COLUMN, description = "The string column with the prediction before rejection"
            + " (default \"Raw prediction\").")
    @ChoicesProvider(StringColumnsProvider.class)
    @Persist(configKey = "raw_prediction_column")
    String rawColumn = AnnotateOutput.Names.defaults().raw();
}
