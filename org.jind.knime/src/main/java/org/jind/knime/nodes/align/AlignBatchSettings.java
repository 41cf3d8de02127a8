package org.jind.knime.nodes.align;

import java.util.List;

import org.jind.core.align.AlignSettings;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Align Batch's settings models, shared by its node model and dialog; defaults are the method's. */
final class AlignBatchSettings {
    private static final AlignSettings D = AlignSettings.defaults();

    final SettingsModelDoubleBounded learningRate = CommonSettings.rate("learning_rate", D.learningRate(), 10);
    final SettingsModelDoubleBounded weightDecayG = CommonSettings.rate("weight_decay_generator", D.weightDecayG(), 10);
    final SettingsModelDoubleBounded weightDecayD = CommonSettings.rate("weight_decay_discriminator", D.weightDecayD(),
            10);
    final SettingsModelIntegerBounded batchSize = CommonSettings.count("batch_size", D.batchSize(), 1_000_000);
    final SettingsModelIntegerBounded maxEpochs = CommonSettings.count("max_epochs", D.maxEpochs(), 10_000);
    final SettingsModelIntegerBounded patience = CommonSettings.count("patience", D.patience(), 10_000);
    final SettingsModelDoubleBounded theta = CommonSettings.theta(D.theta());
    final SettingsModelBoolean considerUnaligned = new SettingsModelBoolean("consider_unaligned",
            D.considerUnaligned());
    final SettingsModelInteger seed = CommonSettings.seed(D.seed());
    final SettingsModelString missingValues = CommonSettings.missingValues();
    final SettingsModelBoolean fillAbsentGenes = CommonSettings.fillAbsentGenes();
    /** Added with the batch column (issue 19): workflows saved before lack them and keep the defaults. */
    final SettingsModelString batchColumn = CommonSettings.batchColumn();
    final SettingsModelIntegerBounded batchesAtOnce = CommonSettings.batchesAtOnce();

    List<SettingsModel> all() {
        return List.of(learningRate, weightDecayG, weightDecayD, batchSize, maxEpochs, patience, theta,
                considerUnaligned, seed, missingValues, fillAbsentGenes, batchColumn, batchesAtOnce);
    }

    List<SettingsModel> addedLater() {
        return List.of(batchColumn, batchesAtOnce);
    }

    AlignSettings toCore() {
        return NodeParameters.align(learningRate.getDoubleValue(), weightDecayG.getDoubleValue(),
                weightDecayD.getDoubleValue(), batchSize.getIntValue(), maxEpochs.getIntValue(), patience.getIntValue(),
                theta.getDoubleValue(), seed.getIntValue(), considerUnaligned.getBooleanValue());
    }

    /** The batch column, or null to treat the whole table as one batch. */
    String batchColumn() {
        return CommonSettings.batchColumn(batchColumn);
    }

    MissingValuePolicy missingValuePolicy() {
        return MissingValuePolicy.parse(missingValues.getStringValue());
    }
}
