package org.jind.knime.nodes.align;

import org.jind.core.align.AlignSettings;
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
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;

/**
 * Align Batch's parameters: the dialog (alignment, target table, batches), the option texts of the node
 * description, and the node settings. Keys and values are those the classic node saved ({@code learning_rate}, …,
 * the missing-value choice by its label), so the shipped workflows and their flow variables keep working; the
 * batch options, added later, load their defaults from workflows saved before them. Defaults are the method's.
 */
public final class AlignBatchParameters implements org.knime.node.parameters.NodeParameters {
    private static final AlignSettings D = AlignSettings.defaults();

    @Section(title = "Alignment")
    interface AlignmentSection {
    }

    @Section(title = "Target table")
    @After(AlignmentSection.class)
    interface TargetSection {
    }

    @Section(title = "Batches")
    @After(TargetSection.class)
    interface BatchesSection {
    }

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.LEARNING_RATE, description = "RMSprop learning rate of the generator and the"
            + " discriminator (default 0.0001).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMostTen.class)
    @Persist(configKey = "learning_rate")
    double learningRate = D.learningRate();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.WEIGHT_DECAY_G, description = "L2 weight decay of the generator (default 0.01).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMostTen.class)
    @Persist(configKey = "weight_decay_generator")
    double weightDecayG = D.weightDecayG();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.WEIGHT_DECAY_D, description = "L2 weight decay of the discriminator (default"
            + " 0.001).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMostTen.class)
    @Persist(configKey = "weight_decay_discriminator")
    double weightDecayD = D.weightDecayD();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.BATCH_SIZE, description = "Cells per minibatch (default 128; never more than the"
            + " source codes or target cells).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class,
            maxValidation = ModernNodes.AtMostMillion.class)
    @Persist(configKey = "batch_size")
    int batchSize = D.batchSize();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.MAX_EPOCHS, description = "Upper limit of alignment epochs (default 15).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class,
            maxValidation = ModernNodes.AtMostTenThousand.class)
    @Persist(configKey = "max_epochs")
    int maxEpochs = D.maxEpochs();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.PATIENCE, description = "Stop after this many balanced epochs, or after this many"
            + " unbalanced epochs in a row (default 7).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class,
            maxValidation = ModernNodes.AtMostTenThousand.class)
    @Persist(configKey = "patience")
    int patience = D.patience();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.THETA, description = "θ used to score the target rejection rate that selects the"
            + " best generator (default 0.05). It does not fix the θ used later for annotation. It must be at least 0"
            + " and below 1, in the dialog, from a flow variable and in the core alike; another value is refused"
            + " with the same sentence.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.BelowOne.class)
    @Persist(configKey = "theta")
    double theta = D.theta();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.CONSIDER_UNALIGNED, description = "Also consider \"no alignment\" as a candidate:"
            + " if the trained model alone rejects fewer target cells than every generator, the aligned model behaves"
            + " like the trained one. Off by default, as in the published method.")
    @Persist(configKey = "consider_unaligned")
    boolean considerUnaligned = D.considerUnaligned();

    @Layout(AlignmentSection.class)
    @Widget(title = NodeParameters.SEED, description = "Seed of the initial weights and the minibatch draws (default"
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
    @Widget(title = NodeParameters.BATCH_COLUMN, description = "A string column of the target table whose values name"
            + " batches (donors, samples, labs). Each batch is then aligned on its own, as if its rows alone were the"
            + " target table: its own generator, its own seeded draws, the same numbers as aligning that batch alone."
            + " The output port holds one aligned model per batch (in alphabetical order of the batch names), which"
            + " <i>Self-train JIND+</i> and <i>Annotate &amp; Reject</i> apply to each cell by its batch; a batch"
            + " without a model there is refused by name, never given another batch's generator. A row without a"
            + " batch is refused. None (blank, the default, and what workflows saved before this option load with)"
            + " treats the whole table as one batch. With a model port that holds one model per batch, each batch is"
            + " realigned from its own model.")
    @ChoicesProvider(ModernNodes.CellStringColumns.class)
    @ValueReference(BatchColumnReference.class)
    @Persist(configKey = "batch_column")
    @Migrate(loadDefaultIfAbsent = true) // added after the node first shipped: older workflows align one batch
    String batchColumn = "";

    @Layout(BatchesSection.class)
    @Widget(title = NodeParameters.BATCHES_AT_ONCE, description = "Only with a batch column: how many batches are"
            + " aligned side by side, each on one thread (default 0: as many as the machine has cores, at most one"
            + " per batch). Side by side only while KNIME computes single-threaded (no <tt>-Djind.threads</tt>, or"
            + " 1): each batch then computes exactly as alone. With <tt>-Djind.threads=N</tt> above 1 the batches run"
            + " one after the other, each on the N threads (the node warns when this setting asked for more). Each"
            + " running batch holds its prepared cells and its networks in memory: lower the value when the Java"
            + " heap is short.",
            effect = @Effect(predicate = NoBatchColumn.class, type = EffectType.HIDE))
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.AtMost1024.class)
    @Persist(configKey = "batches_at_once")
    @Migrate(loadDefaultIfAbsent = true) // added with the batch column
    int batchesAtOnce = 0;

    /** The core's settings, checked with sentences that name the dialog options. */
    AlignSettings toCore() {
        return NodeParameters.align(learningRate, weightDecayG, weightDecayD, batchSize, maxEpochs, patience, theta,
                seed, considerUnaligned);
    }

    MissingValuePolicy missingValuePolicy() {
        return missingValues.policy();
    }

    /** The batch column, or null to treat the whole table as one batch (blank; a classic "none" saved null). */
    String batchColumn() {
        return ModernNodes.chosenColumn(batchColumn);
    }

    @Override
    public void validate() throws InvalidSettingsException {
        ModernNodes.check(() -> NodeParameters.theta(theta));
        ModernNodes.check(this::toCore);
    }

    static final class BatchColumnReference implements ParameterReference<String> {
    }

    /** No batch column chosen: the whole table is one batch, so there is nothing to run side by side. */
    static final class NoBatchColumn implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(PredicateInitializer i) {
            return i.getString(BatchColumnReference.class).isEqualTo("");
        }
    }
}
