package org.jind.knime.nodes.reader;

import org.jind.core.model.TrainSettings;
import org.jind.knime.logic.SingleCellRead;
import org.jind.knime.logic.SingleCellRead.GeneChoice;
import org.jind.knime.nodes.ModernNodes;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileReaderWidget;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSelectionWidget;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.FileSystemOption;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.SingleFileSelectionMode;
import org.knime.core.webui.node.dialog.defaultdialog.internal.file.WithFileSystem;
import org.knime.node.parameters.NodeParameters;
import org.knime.node.parameters.Widget;
import org.knime.node.parameters.layout.After;
import org.knime.node.parameters.layout.Layout;
import org.knime.node.parameters.layout.Section;
import org.knime.node.parameters.migration.Migrate;
import org.knime.node.parameters.persistence.NodeParametersPersistor;
import org.knime.node.parameters.persistence.Persist;
import org.knime.node.parameters.persistence.Persistor;
import org.knime.node.parameters.updates.Effect;
import org.knime.node.parameters.updates.Effect.EffectType;
import org.knime.node.parameters.updates.EffectPredicate;
import org.knime.node.parameters.updates.EffectPredicateProvider;
import org.knime.node.parameters.updates.ParameterReference;
import org.knime.node.parameters.updates.ValueReference;
import org.knime.node.parameters.widget.choices.Label;
import org.knime.node.parameters.widget.number.NumberInputWidget;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsNonNegativeValidation;
import org.knime.node.parameters.widget.number.NumberInputWidgetValidation.MinValidation.IsPositiveIntegerValidation;

/**
 * Single-Cell Reader's parameters: the dialog (file, cells, genes), the option texts of the node description, and
 * the node settings. The settings keys and values are those the node saved before its dialog was a modern one
 * ({@code file}, {@code batch_column}, …; the gene choice by its label), so older workflows and their flow
 * variables keep working. Names of columns, batches and identifiers are typed; configure lists the valid ones when
 * one is wrong.
 */
public final class SingleCellReaderParameters implements NodeParameters {

    @Section(title = "File")
    interface FileSection {
    }

    @Section(title = "Cells")
    @After(FileSection.class)
    interface CellsSection {
    }

    @Section(title = "Genes")
    @After(CellsSection.class)
    interface GenesSection {
    }

    /** The gene choices as the dialog shows them; saved by their labels (see {@link GenesPersistor}). */
    enum Genes {
        @Label(SingleCellRead.ALL_GENES)
        ALL(GeneChoice.ALL),
        @Label(SingleCellRead.MOST_VARIABLE_GENES)
        MOST_VARIABLE(GeneChoice.MOST_VARIABLE),
        @Label(SingleCellRead.MODEL_GENES)
        MODEL(GeneChoice.MODEL);

        final GeneChoice choice;

        Genes(GeneChoice choice) {
            this.choice = choice;
        }
    }

    @Layout(FileSection.class)
    @Widget(title = SingleCellRead.FILE, description = "The .h5ad file, the 10x .h5 file, the 10x folder (or its"
            + " <tt>matrix.mtx</tt> / <tt>matrix.mtx.gz</tt>, which stands for its folder) or the CSV/TSV file. A"
            + " local path, a <tt>file:</tt> URL or a KNIME URL such as"
            + " <tt>knime://knime.workflow/data/cells.h5ad</tt> (relative to the workflow, so the workflow runs"
            + " wherever it is copied).")
    @FileReaderWidget(fileExtensions = {"h5ad", "h5", "csv", "tsv", "txt", "gz", "mtx"})
    @FileSelectionWidget(SingleFileSelectionMode.FILE_OR_FOLDER)
    @WithFileSystem(FileSystemOption.LOCAL) // browses local files; a typed knime:// URL is kept as typed
    @Persist(configKey = "file")
    String file = "";

    @Layout(FileSection.class)
    @Widget(title = SingleCellRead.MATRIX, description = "For an .h5ad file, which matrix holds the values (CELLxGENE"
            + " and scanpy keep normalised or scaled values in <tt>X</tt> and the counts elsewhere). Blank or"
            + " <tt>X</tt>: <tt>X</tt>; <tt>raw</tt>: <tt>raw/X</tt>, whose genes are those of <tt>raw/var</tt> (its"
            + " index and columns, often more genes than <tt>var</tt>); a layer's name (e.g. <tt>counts</tt>;"
            + " <tt>layers/NAME</tt> for a layer called <tt>X</tt> or <tt>raw</tt>): that layer, with the genes of"
            + " <tt>var</tt>. A file without <tt>X</tt> needs a choice. A matrix the file lacks stops the node with"
            + " the list of those it has. Train JIND learns whether the values are counts, normalised or scaled, and"
            + " the other JIND nodes refuse values of another type, so read the same matrix for every batch. Other"
            + " formats have one matrix.")
    @Persist(configKey = "matrix")
    @Migrate(loadDefaultIfAbsent = true) // added after the node first shipped: older workflows read X
    String matrix = "";

    @Layout(CellsSection.class)
    @Widget(title = SingleCellRead.BATCH_COLUMN, description = "Optional: the annotation column that tells the"
            + " batches (samples, donors, technologies) apart. With it, only the cells of the <i>"
            + SingleCellRead.BATCHES + "</i> are read. Blank: every cell.")
    @Persist(configKey = "batch_column")
    String batchColumn = "";

    @Layout(CellsSection.class)
    @Widget(title = SingleCellRead.BATCHES, description = "The values of the batch column whose cells are kept,"
            + " separated by commas (e.g. <tt>3pv2</tt> or <tt>donor1, donor2</tt>). A name that is not in the column"
            + " stops the node with the list of its values.")
    @Persist(configKey = "batches")
    String batches = "";

    @Layout(CellsSection.class)
    @Widget(title = SingleCellRead.CELL_LIMIT, description = "Reads only the first this many kept cells (in the"
            + " file's order) for a quick look; 0 reads all.")
    @NumberInputWidget(minValidation = IsNonNegativeValidation.class)
    @Persist(configKey = "cell_limit")
    int cellLimit = 0;

    @Layout(GenesSection.class)
    @Widget(title = SingleCellRead.GENES, description = "Which genes become columns:<ul><li><i>"
            + SingleCellRead.ALL_GENES + "</i>: every gene, in the file's order;</li><li><i>"
            + SingleCellRead.MOST_VARIABLE_GENES + "</i>: the <i>" + SingleCellRead.TOP_GENES + "</i> that vary"
            + " most over the kept cells, in decreasing order of variance, chosen exactly as Train JIND chooses its"
            + " genes (counts normalised to 10,000 per cell and log-transformed first);</li><li><i>"
            + SingleCellRead.MODEL_GENES + "</i>: exactly the genes of the connected JIND model, in the model's"
            + " order (the genes Align Batch, Self-train JIND+ and Annotate &amp; Reject read). Genes of the model"
            + " the file lacks get no column (a warning names them; those nodes can treat them as 0); if the file"
            + " has none of them under the chosen gene identifier, the node stops and names the identifier that"
            + " matches.</li></ul>")
    @ValueReference(GenesReference.class)
    @Persistor(GenesPersistor.class)
    Genes genes = Genes.ALL;

    /** Train JIND's default number of genes kept, so both pick the same genes. */
    @Layout(GenesSection.class)
    @Widget(title = SingleCellRead.TOP_GENES, description = "How many genes <i>"
            + SingleCellRead.MOST_VARIABLE_GENES + "</i> keeps (default 5,000, Train JIND's default).",
            effect = @Effect(predicate = MostVariableGenes.class, type = EffectType.SHOW))
    @NumberInputWidget(minValidation = IsPositiveIntegerValidation.class, maxValidation = ModernNodes.AtMostMillion.class)
    @Persist(configKey = "top_genes")
    int topGenes = TrainSettings.defaults().genesKept();

    @Layout(GenesSection.class)
    @Widget(title = SingleCellRead.GENE_IDENTIFIER, description = "How the gene columns are named. Blank: the"
            + " file's own gene names (the .h5ad <tt>var</tt> index; for a 10x folder the gene symbols, repeats"
            + " suffixed -1, -2, … as scanpy does; the CSV's column names). Otherwise one of the identifiers the file"
            + " offers: <tt>var index</tt> or a text <tt>var</tt> column of an .h5ad with distinct values for at"
            + " least half of the genes (e.g. <tt>gene_symbols</tt>, <tt>feature_name</tt>, <tt>gene_ids</tt>;"
            + " missing entries take the var index's name, repeats are suffixed); for 10x data"
            + " <tt>gene_symbols</tt> or <tt>gene_ids</tt> (Ensembl ids). Use the naming of the model or of the"
            + " other batch: JIND matches genes by name. A name the file does not offer stops the node with the list"
            + " of those it offers.")
    @Persist(configKey = "gene_identifier")
    String geneIdentifier = "";

    /** The options as the core reads them; a value it refuses becomes the sentence configure shows. */
    SingleCellRead.Options options() throws InvalidSettingsException {
        return ModernNodes.check(() -> SingleCellRead.Options.of(batchColumn, batches, genes.choice.label(), topGenes,
                geneIdentifier, cellLimit, matrix));
    }

    @Override
    public void validate() throws InvalidSettingsException {
        options();
    }

    static final class GenesReference implements ParameterReference<Genes> {
    }

    static final class MostVariableGenes implements EffectPredicateProvider {
        @Override
        public EffectPredicate init(PredicateInitializer i) {
            return i.getEnum(GenesReference.class).isOneOf(Genes.MOST_VARIABLE);
        }
    }

    /** Saves the gene choice by its label under {@code genes}, as the node always has. */
    static final class GenesPersistor implements NodeParametersPersistor<Genes> {
        private static final String KEY = "genes";

        @Override
        public Genes load(NodeSettingsRO settings) throws InvalidSettingsException {
            String label = settings.getString(KEY);
            GeneChoice choice = ModernNodes.check(() -> GeneChoice.of(label));
            for (Genes g : Genes.values()) {
                if (g.choice == choice) {
                    return g;
                }
            }
            throw new IllegalStateException("no dialog entry for " + choice);
        }

        @Override
        public void save(Genes genes, NodeSettingsWO settings) {
            settings.addString(KEY, genes.choice.label());
        }

        @Override
        public String[][] getConfigPaths() {
            return new String[][] {{KEY}};
        }
    }
}
