package org.jind.knime.nodes.selftrain;

import org.jind.core.align.SelfTrainSettings;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.MissingValues;
import org.jind.knime.nodes.ModernNodes;
import org.knime.core.node.InvalidSettingsException;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.persistence.Persistor;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;

/**
 * Self-train JIND+'s parameters: the dialog (self-training, target table, batches), the option texts of the node
 * description, and the node settings. Keys and values are those the classic node saved ({@code keep_fraction}, …,
 * the missing-value choice by its label), so the shipped workflows and their flow variables keep working; the
 * batch options, added later, load their defaults from workflows saved before them. Defaults are the method's.
 */
public final class SelfTrainJindPlusParameters implements org.knime.node.parameters.NodeParameters {
    private static final SelfTrainSettings D = SelfTrainSettings.defaults();

    @Section(title = "Self-training")
    interface SelfTrainingSection {
    }

    @Section(title = "Target table")
    @After(SelfTrainingSection.class)
    interface TargetSection {
    }

    @Section(title = "Batches")
    @After(TargetSection.class)
    interface BatchesSection {
    }

    @Layout(SelfTrainingSection.class)
    @Widget(title = NodeParameters.KEEP_FRACTION, description = "Fraction of the cells of each predicted type used as"
            + " pseudo-labelled examples, the most confident first (default 0.95).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMostOne.class)
    @Persist(configKey = "keep_fraction")
    double keepFraction = D.keepFraction();

    @Layout(SelfTrainingSection.class)
    @Widget(title = NodeParameters.LEARNING_RATE, description = "Adam's initial learning rate (default 0.0001).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMostTen.class)
    @Persist(configKey = "learning_rate")
    double learningRate = D.learningRate();

    @Layout(SelfTrainingSection.class)
    @Widget(title = NodeParameters.BATCH_SIZE, description = "Cells per optimisation step (default 128).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class,
            maxValidation = ModernNodes.AtMostMillion.class)
    @Persist(configKey = "batch_size")
    int batchSize = D.batchSize();

    @Layout(SelfTrainingSection.class)
    @Widget(title = NodeParameters.EPOCHS, description = "Passes over the pseudo-labelled cells (default 10).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class,
            maxValidation = ModernNodes.AtMostTenThousand.class)
    @Persist(configKey = "epochs")
    int epochs = D.epochs();

    @Layout(SelfTrainingSection.class)
    @Widget(title = NodeParameters.VALIDATION_FRACTION, description = "Fraction of the pseudo-labelled cells held"
            + " out to choose the best epoch (default 0.1).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMostOne.class)
    @Persist(configKey = "validation_fraction")
    double validationFraction = D.validationFraction();

    @Layout(SelfTrainingSection.class)
    @Widget(title = NodeParameters.SEED, description = "Seed of the split, the shuffling, dropout and noise (default"
            + " 0); it draws the same numbers as the same seed in the published Python JIND.")
    @Persist(configKey = "seed")
    int seed = Math.toIntExact(D.seed());

    @Layout(TargetSection.class)
    @Widget(title = NodeParameters.MISSING_VALUES, description = ModernNodes.MODEL_MISSING_VALUES_TEXT)
    @Persistor(MissingValues.Persistor.class)
    MissingValues missingValues = MissingValues.FAIL;

    @Layout(TargetSection.class)
    @Widget(title = NodeParameters.FILL_ABSENT_GENES, description = ModernNodes.FILL_ABSENT_GENES_TEXT)
    @Persist(configKey = "fill_absent_genes")
    boolean fillAbsentGenes = false;

    @Layout(BatchesSection.class)
    @Widget(title = NodeParameters.BATCH_COLUMN, description = "For a model port from <i>Align Batch</i> with a batch"
            + " column (one aligned model per batch): the string column of the target table naming each row's batch."
            + " Each batch is self-trained on its own rows from its own aligned model, with the same numbers as"
            + " self-training that batch alone; the output holds one JIND+ model per batch of the table. A batch the"
            + " input port has no model for is refused by name. None (blank, the default): the batch column the"
            + " models were aligned to, or, for a port with one model, the whole table as one batch (as before this"
            + " option). A batch column with a port of one model is refused.")
    @ChoicesProvider(ModernNodes.CellStringColumns.class)
    @Persist(configKey = "batch_column")
    @Migrate(loadDefaultIfAbsent = true) // added after the node first shipped: older workflows use the port's
    String batchColumn = "";

    /**
     * Shown always: with a blank batch column a port of one model per batch is self-trained per batch of the
     * column it was aligned by, which only the port knows at configure time.
     */
    @Layout(BatchesSection.class)
    @Widget(title = NodeParameters.BATCHES_AT_ONCE, description = "How many batches are self-trained side by side,"
            + " each on one thread (default 0: one per core, at most one per batch); as in <i>Align Batch</i>, side"
            + " by side only while KNIME computes single-threaded (no <tt>-Djind.threads</tt> above 1). Used only"
            + " when the model port holds one model per batch.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMost1024.class)
    @Persist(configKey = "batches_at_once")
    @Migrate(loadDefaultIfAbsent = true) // added with the batch column
    int batchesAtOnce = 0;

    /** The core's settings, checked with sentences that name the dialog options. */
    SelfTrainSettings toCore() {
        return NodeParameters.selfTrain(learningRate, batchSize, epochs, validationFraction, keepFraction, seed);
    }

    MissingValuePolicy missingValuePolicy() {
        return missingValues.policy();
    }

    /** The batch column, or null when blank (a classic "none" saved null). */
    String batchColumn() {
        return ModernNodes.chosenColumn(batchColumn);
    }

    @Override
    public void validate() throws InvalidSettingsException {
        ModernNodes.check(this::toCore);
    }
}
