package org.jind.knime.nodes.annotate;

import org.jind.knime.logic.AnnotateOutput;
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

/**
 * Annotate &amp; Reject's parameters: the dialog (rejection, output columns, input table), the option texts of the
 * node description, and the node settings. The keys and values are those the classic node saved ({@code theta},
 * {@code append_probabilities}, …; the missing-value choice by its label), so older workflows and their flow
 * variables keep working.
 */
public final class AnnotateRejectParameters implements org.knime.node.parameters.NodeParameters {
    private static final AnnotateOutput.Names D = AnnotateOutput.Names.defaults();

    @Section(title = "Rejection")
    interface RejectionSection {
    }

    @Section(title = "Output columns")
    @After(RejectionSection.class)
    interface OutputSection {
    }

    @Section(title = "Input table")
    @After(OutputSection.class)
    interface InputSection {
    }

    @Layout(RejectionSection.class)
    @Widget(title = NodeParameters.THETA, description = "The fraction of held-out source cells of each type that its"
            + " threshold rejects (default 0.05). It must be at least 0 and below 1, in the dialog, from a flow"
            + " variable and in the core alike; another value is refused with the same sentence.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = ModernNodes.BelowOne.class)
    @Persist(configKey = "theta")
    double theta = NodeParameters.defaultTheta();

    @Layout(OutputSection.class)
    @Widget(title = NodeParameters.RAW_COLUMN, description = "Name of the appended raw prediction column (default"
            + " \"Raw prediction\").")
    @Persist(configKey = "raw_prediction_column")
    String rawColumn = D.raw();

    @Layout(OutputSection.class)
    @Widget(title = NodeParameters.PREDICTION_COLUMN, description = "Name of the appended prediction column"
            + " (default \"Prediction\").")
    @Persist(configKey = "prediction_column")
    String predictionColumn = D.prediction();

    @Layout(OutputSection.class)
    @Widget(title = NodeParameters.CONFIDENCE_COLUMN, description = "Name of the appended confidence column"
            + " (default \"Confidence\").")
    @Persist(configKey = "confidence_column")
    String confidenceColumn = D.confidence();

    @Layout(OutputSection.class)
    @Widget(title = NodeParameters.APPEND_PROBABILITIES, description = "Append one column per cell type with its"
            + " probability (default on).")
    @ValueReference(AppendProbabilitiesReference.class)
    @Persist(configKey = "append_probabilities")
    boolean appendProbabilities = true;

    @Layout(OutputSection.class)
    @Widget(title = NodeParameters.PROBABILITY_PATTERN, description = "Name pattern of the probability columns;"
            + " <tt>{type}</tt> stands for the cell type (default \"P ({type})\"). Any appended name that already"
            + " exists in the input table gets a suffix such as \" (#1)\", so appending never replaces a column"
            + " (e.g. when a table is annotated twice).",
            effect = @Effect(predicate = AppendsProbabilities.class, type = EffectType.SHOW))
    @Persist(configKey = "probability_column_pattern")
    String probabilityPattern = D.probabilityPattern();

    /** Off by default: 256 more double columns per row. */
    @Layout(OutputSection.class)
    @Widget(title = NodeParameters.APPEND_LATENT, description = "Append the 256-dimensional latent code each cell"
            + " was classified from, as double columns <tt>latent_0</tt> … <tt>latent_255</tt> (default off): the"
            + " generator's output for an aligned or JIND+ model, else the encoder's. Feed them to KNIME's dimension"
            + " reduction (PCA, t-SNE, UMAP) and scatter plot nodes to look at the cells as the model sees them.")
    @Persist(configKey = "append_latent_code")
    boolean appendLatent = false;

    @Layout(InputSection.class)
    @Widget(title = NodeParameters.MISSING_VALUES, description = ModernNodes.MODEL_MISSING_VALUES_TEXT)
    @Persistor(MissingValues.Persistor.class)
    MissingValues missingValues = MissingValues.FAIL;

    @Layout(InputSection.class)
    @Widget(title = NodeParameters.FILL_ABSENT_GENES, description = ModernNodes.FILL_ABSENT_GENES_TEXT)
    @Persist(configKey = "fill_absent_genes")
    boolean fillAbsentGenes = false;

    /** The title of the batch column option, which the node's messages name. */
    static final String BATCH_COLUMN = "Batch column";

    @Layout(InputSection.class)
    @Widget(title = BATCH_COLUMN, description = "Only for a model port that holds one model per batch (Align Batch"
            + " or Self-train JIND+ run with a batch column): the string column of this table that names each"
            + " cell's batch. Each cell is annotated with its own batch's model, never another batch's generator; a"
            + " cell of a batch the port has no model for, or without a batch, stops the node with a sentence naming"
            + " it (align that batch too, or filter its rows out). Blank: the column the models were aligned by, by"
            + " its name. With a port that holds one model, every cell gets that model and a set column only draws a"
            + " warning. Streaming reads the rows in chunks of 1,024 and annotates each chunk's rows batch by batch,"
            + " so streamed and normal execution give the same rows.")
    @ChoicesProvider(ModernNodes.CellStringColumns.class)
    @Persist(configKey = "batch_column")
    @Migrate(loadDefaultIfAbsent = true) // added after the node first shipped: older workflows use the port's column
    String batchColumn = "";

    /** θ, checked, with the sentence the dialog, flow variables and the core share. */
    double theta() throws InvalidSettingsException {
        return ModernNodes.check(() -> NodeParameters.theta(theta));
    }

    /** The appended columns' names, checked. */
    AnnotateOutput.Names names() throws InvalidSettingsException {
        return ModernNodes.check(() -> new AnnotateOutput.Names(rawColumn, predictionColumn, confidenceColumn,
                probabilityPattern).validated());
    }

    MissingValuePolicy missingValuePolicy() {
        return missingValues.policy();
    }

    @Override
    public void validate() throws InvalidSettingsException {
        theta();
        names();
    }

    static final class AppendProbabilitiesReference implements ParameterReference<Boolean> {
    }

    static final class AppendsProbabilities implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(PredicateInitializer i) {
            return i.getBoolean(AppendProbabilitiesReference.class).isTrue();
        }
    }
}
