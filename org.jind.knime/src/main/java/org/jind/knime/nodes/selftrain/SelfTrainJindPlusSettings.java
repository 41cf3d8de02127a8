package org.jind.knime.nodes.selftrain;

import java.util.List;

import org.jind.core.align.SelfTrainSettings;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Self-train JIND+'s settings models, shared by its node model and dialog; defaults are the method's. */
final class SelfTrainJindPlusSettings {
    private static final SelfTrainSettings D = SelfTrainSettings.defaults();

    final SettingsModelDoubleBounded learningRate = CommonSettings.rate("learning_rate", D.learningRate(), 10);
    final SettingsModelIntegerBounded batchSize = CommonSettings.count("batch_size", D.batchSize(), 1_000_000);
    final SettingsModelIntegerBounded epochs = CommonSettings.count("epochs", D.epochs(), 10_000);
    final SettingsModelDoubleBounded validationFraction = CommonSettings.rate("validation_fraction",
            D.validationFraction(), 1);
    final SettingsModelDoubleBounded keepFraction = CommonSettings.rate("keep_fraction", D.keepFraction(), 1);
    final SettingsModelInteger seed = CommonSettings.seed(D.seed());
    final SettingsModelString missingValues = CommonSettings.missingValues();
    final SettingsModelBoolean fillAbsentGenes = CommonSettings.fillAbsentGenes();
    /** Added with the batch column (issue 19): workflows saved before lack them and keep the defaults. */
    final SettingsModelString batchColumn = CommonSettings.batchColumn();
    final SettingsModelIntegerBounded batchesAtOnce = CommonSettings.batchesAtOnce();

    List<SettingsModel> all() {
        return List.of(learningRate, batchSize, epochs, validationFraction, keepFraction, seed, missingValues,
                fillAbsentGenes, batchColumn, batchesAtOnce);
    }

    List<SettingsModel> addedLater() {
        return List.of(batchColumn, batchesAtOnce);
    }

    SelfTrainSettings toCore() {
        return NodeParameters.selfTrain(learningRate.getDoubleValue(), batchSize.getIntValue(), epochs.getIntValue(),
                validationFraction.getDoubleValue(), keepFraction.getDoubleValue(), seed.getIntValue());
    }

    /** The batch column, or null to treat the whole table as one batch. */
    String batchColumn() {
        return CommonSettings.batchColumn(batchColumn);
    }

    MissingValuePolicy missingValuePolicy() {
        return MissingValuePolicy.parse(missingValues.getStringValue());
    }
}
