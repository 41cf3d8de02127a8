package org.jind.knime.nodes.reader;

import java.util.List;

import org.jind.core.model.TrainSettings;
import org.jind.knime.logic.SingleCellRead;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.SettingsModel;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Single-Cell Reader's settings; every one can be set by a flow variable. */
final class SingleCellReaderSettings {
    /** A local path, a file URL or a KNIME URL (knime://knime.workflow/data/cells.h5ad). */
    final SettingsModelString file = new SettingsModelString("file", "");
    final SettingsModelString batchColumn = new SettingsModelString("batch_column", "");
    /** Comma-separated. */
    final SettingsModelString batches = new SettingsModelString("batches", "");
    final SettingsModelString genes = new SettingsModelString("genes", SingleCellRead.GeneChoice.ALL.label());
    /** Train JIND's default number of genes kept, so both pick the same genes. */
    final SettingsModelIntegerBounded topGenes = CommonSettings.count("top_genes",
            TrainSettings.defaults().genesKept(), 1_000_000);
    /** Blank: the file's own gene names. */
    final SettingsModelString geneIdentifier = new SettingsModelString("gene_identifier", "");
    final SettingsModelIntegerBounded cellLimit = new SettingsModelIntegerBounded("cell_limit", 0, 0,
            Integer.MAX_VALUE);
    /** Blank: X; else X, raw or a layer's name (.h5ad files). */
    final SettingsModelString matrix = new SettingsModelString("matrix", "");

    List<SettingsModel> all() {
        return List.of(file, batchColumn, batches, genes, topGenes, geneIdentifier, cellLimit, matrix);
    }

    SingleCellRead.Options options() {
        return SingleCellRead.Options.of(batchColumn.getStringValue(), batches.getStringValue(),
                genes.getStringValue(), topGenes.getIntValue(), geneIdentifier.getStringValue(),
                cellLimit.getIntValue(), matrix.getStringValue());
    }
}
