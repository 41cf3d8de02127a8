package org.jind.knime.nodes.train;

import java.util.List;

import org.jind.core.model.TrainSettings;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelColumnFilter2;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Train JIND's settings models, shared by its node model and dialog; defaults are the method's. */
final class TrainJindSettings {
    private static final TrainSettings D = TrainSettings.defaults();

    final SettingsModelString labelColumn = new SettingsModelString("label_column", "");
    /** Only numeric columns can be genes; by default all of them are (the filter includes new columns). */
    @SuppressWarnings("unchecked")
    final SettingsModelColumnFilter2 geneColumns = new SettingsModelColumnFilter2("gene_columns", DoubleValue.class);
    final SettingsModelIntegerBounded genesKept = CommonSettings.count("genes_kept", D.genesKept(), 1_000_000);
    final SettingsModelIntegerBounded epochs = CommonSettings.count("epochs", D.epochs(), 10_000);
    final SettingsModelIntegerBounded batchSize = CommonSettings.count("batch_size", D.batchSize(), 1_000_000);
    final SettingsModelDoubleBounded learningRate = CommonSettings.rate("learning_rate", D.learningRate(), 10);
    final SettingsModelDoubleBounded validationFraction = CommonSettings.rate("validation_fraction",
            D.validationFraction(), 1);
    final SettingsModelInteger seed = CommonSettings.seed(D.seed());
    final SettingsModelString missingValues = CommonSettings.missingValues();

    List<SettingsModel> all() {
        return List.of(labelColumn, geneColumns, genesKept, epochs, batchSize, learningRate, validationFraction, seed, missingValues);
    }

    /** The core's settings, checked with sentences that name the dialog options. */
    TrainSettings toCore() {
        return NodeParameters.train(genesKept.getIntValue(), epochs.getIntValue(), batchSize.getIntValue(),
                learningRate.getDoubleValue(), validationFraction.getDoubleValue(), seed.getIntValue());
    }

    MissingValuePolicy missingValuePolicy() {
        return MissingValuePolicy.parse(missingValues.getStringValue());
    }
}
