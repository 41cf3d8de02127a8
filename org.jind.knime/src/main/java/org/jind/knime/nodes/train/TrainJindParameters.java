package org.jind.knime.nodes.train;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.model.TrainSettings;
import org.jind.knime.logic.ColumnInfo;
import org.jind.knime.logic.LabelColumn;
import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.jind.knime.nodes.KnimeTables;
import org.jind.knime.nodes.ModernNodes;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.node.parameters.NodeParametersInput;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.persistence.NodeParametersPersistor;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.persistence.Persistor;
import org.knime.node.parameters.persistence.legacy.LegacyColumnFilterPersistor;
import org.knime.node.parameters.widget.choices.ChoicesProvider;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.choices.filter.ColumnFilter;
import org.knime.node.parameters.widget.choices.filter.ColumnFilterWidget;
import org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider.DoubleColumnsProvider;
import org.knime.node.parameters.widget.choices.util.CompatibleColumnsProvider.StringColumnsProvider;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MaxValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;

/**
 * Train JIND's parameters: the dialog (cell types, gene columns, training), the option texts of the node
 * description, and the node settings. Keys and values are those the node saved with its classic dialog
 * ({@code label_column}, {@code gene_columns} in the column filter's format, {@code genes_kept}, …, the missing-value
 * choice by its label), so the shipped workflows and their flow variables keep working. Defaults are the method's.
 */
public final class TrainJindParameters implements org.knime.node.parameters.NodeParameters {
    private static final TrainSettings D = TrainSettings.defaults();

    @Section(title = "Cell types")
    interface CellTypesSection {
    }

    @Section(title = NodeParameters.GENE_COLUMNS)
    @After(CellTypesSection.class)
    interface GenesSection {
    }

    @Section(title = "Training")
    @After(GenesSection.class)
    interface TrainingSection {
    }

    @Layout(CellTypesSection.class)
    @Widget(title = NodeParameters.LABEL_COLUMN, description = "The string column holding each cell's type. Every"
            + " cell needs a label, and every type at least two cells (one may go to validation). A new node chooses"
            + " it when first connected (left blank, e.g. by a flow variable, when configured, with a warning): a"
            + " string column whose name says cell type or"
            + " label (<tt>cell_type</tt>, <tt>celltype</tt>, <tt>Cell Type</tt>, <tt>cell_ontology_class</tt>,"
            + " <tt>label(s)</tt>, <tt>annotation(s)</tt>, …), else one whose domain lists several possible values;"
            + " a column with a single value (such as the batch column of a one-batch table) only when there is no"
            + " other. When the domain lists a single value, the node refuses to train before reading the table.")
    @ChoicesProvider(StringColumnsProvider.class)
    @Persist(configKey = "label_column")
    String labelColumn = "";

    @Layout(GenesSection.class)
    @Widget(title = NodeParameters.GENE_COLUMNS, description = "The numeric columns to use as genes; by default all"
            + " numeric columns (and numeric columns added later). Exclude numeric columns that are not genes, such"
            + " as quality metrics or batch numbers.")
    @ColumnFilterWidget(choicesProvider = DoubleColumnsProvider.class)
    @Persistor(GeneColumnsPersistor.class)
    ColumnFilter geneColumns = new ColumnFilter().withIncludeUnknownColumns();

    @Layout(GenesSection.class)
    @Widget(title = NodeParameters.MISSING_VALUES, description = "What to do with a missing cell (or NaN) in a gene"
            + " column: <i>Fail</i> (default; expression tables normally have none, so a missing value usually points"
            + " to an earlier mistake) or <i>Treat as 0</i>, i.e. as not detected. The node warns how many values"
            + " were replaced.")
    @Persistor(MissingValuesPersistor.class)
    MissingValues missingValues = MissingValues.FAIL;

    @Layout(TrainingSection.class)
    @Widget(title = NodeParameters.GENES_KEPT, description = "How many of the most variable genes the model uses"
            + " (default 5000). Fewer genes train faster; later tables need only these genes.")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class, maxValidation = ModernNodes.AtMostMillion.class)
    @Persist(configKey = "genes_kept")
    int genesKept = D.genesKept();

    @Layout(TrainingSection.class)
    @Widget(title = NodeParameters.EPOCHS, description = "Passes over the training cells (default 15).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class, maxValidation = AtMostTenThousand.class)
    @Persist(configKey = "epochs")
    int epochs = D.epochs();

    @Layout(TrainingSection.class)
    @Widget(title = NodeParameters.BATCH_SIZE, description = "Cells per optimisation step (default 128).")
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class, maxValidation = ModernNodes.AtMostMillion.class)
    @Persist(configKey = "batch_size")
    int batchSize = D.batchSize();

    @Layout(TrainingSection.class)
    @Widget(title = NodeParameters.LEARNING_RATE, description = "Adam's initial learning rate (default 0.001).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = AtMostTen.class)
    @Persist(configKey = "learning_rate")
    double learningRate = D.learningRate();

    @Layout(TrainingSection.class)
    @Widget(title = NodeParameters.VALIDATION_FRACTION, description = "Fraction of the cells held out, stratified by"
            + " type, to choose the best epoch and to learn the rejection thresholds (default 0.2).")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class, maxValidation = AtMostOne.class)
    @Persist(configKey = "validation_fraction")
    double validationFraction = D.validationFraction();

    @Layout(TrainingSection.class)
    @Widget(title = NodeParameters.SEED, description = "Seed for the split, the shuffling, dropout, noise and the"
            + " initial weights (default 0). A seed draws the same numbers as the same seed in the published Python"
            + " JIND (PyTorch, NumPy and scikit-learn generators), so seed N trains the model the reference trains"
            + " with seed N.")
    @Persist(configKey = "seed")
    int seed = Math.toIntExact(D.seed());

    /** The method's defaults, label column blank (chosen at configure time, see {@link TrainJindModel}). */
    TrainJindParameters() {
    }

    /**
     * A new node's parameters, made by KNIME when the node is first connected: the label column is preselected
     * (see {@link LabelColumn#guess}), so the dialog shows the choice and the workflow saves it.
     */
    TrainJindParameters(NodeParametersInput input) {
        input.getInTableSpec(0).ifPresent(spec -> {
            List<ColumnInfo> columns = KnimeTables.columns(spec);
            int guess = LabelColumn.guess(columns);
            if (guess >= 0) {
                labelColumn = columns.get(guess).name();
            }
        });
    }

    /** The core's settings, checked with sentences that name the dialog options. */
    TrainSettings toCore() {
        return NodeParameters.train(genesKept, epochs, batchSize, learningRate, validationFraction, seed);
    }

    MissingValuePolicy missingValuePolicy() {
        return missingValues.policy;
    }

    /** The names of the numeric columns of the table that the gene filter includes, in the table's order. */
    String[] geneColumns(DataTableSpec spec) {
        List<DataColumnSpec> numeric = new ArrayList<>();
        for (int i = 0; i < spec.getNumColumns(); i++) {
            DataColumnSpec c = spec.getColumnSpec(i);
            if (c.getType().isCompatible(DoubleValue.class)) {
                numeric.add(c);
            }
        }
        return geneColumns.filter(numeric);
    }

    @Override
    public void validate() throws InvalidSettingsException {
        ModernNodes.check(this::toCore);
    }

    /** The missing-value choices as the dialog shows them; saved by their labels (see {@link MissingValuesPersistor}). */
    enum MissingValues {
        @Label("Fail")
        FAIL(MissingValuePolicy.FAIL),
        @Label("Treat as 0")
        ZERO(MissingValuePolicy.ZERO);

        final MissingValuePolicy policy;

        MissingValues(MissingValuePolicy policy) {
            this.policy = policy;
        }
    }

    /**
     * Saves the missing-value choice by its label under {@code missing_values}, as the classic dialog did; loads the
     * label or the constant's name in any case, as a flow variable may carry either.
     */
    static final class MissingValuesPersistor implements NodeParametersPersistor<MissingValues> {
        private static final String KEY = "missing_values";

        @Override
        public MissingValues load(NodeSettingsRO settings) throws InvalidSettingsException {
            String text = settings.getString(KEY);
            MissingValuePolicy policy = ModernNodes.check(() -> MissingValuePolicy.parse(text));
            return policy == MissingValuePolicy.FAIL ? MissingValues.FAIL : MissingValues.ZERO;
        }

        @Override
        public void save(MissingValues value, NodeSettingsWO settings) {
            settings.addString(KEY, value.policy.label());
        }

        @Override
        public String[][] getConfigPaths() {
            return new String[][] {{KEY}};
        }
    }

    /** The gene columns in the classic column filter's format under {@code gene_columns}. */
    static final class GeneColumnsPersistor extends LegacyColumnFilterPersistor {
        GeneColumnsPersistor() {
            super("gene_columns");
        }
    }

    /** Epochs: a typo should not start a days-long run. */
    static final class AtMostTenThousand extends MaxValidation {
        @Override
        protected double getMax() {
            return 10_000;
        }
    }

    /** The learning rate's upper bound. */
    static final class AtMostTen extends MaxValidation {
        @Override
        protected double getMax() {
            return 10;
        }
    }

    /** A fraction's upper bound. */
    static final class AtMostOne extends MaxValidation {
        @Override
        protected double getMax() {
            return 1;
        }
    }
}
