package org.jind.knime.nodes.reader;

import javax.swing.JFileChooser;

import org.jind.knime.logic.SingleCellRead;
import org.jind.knime.nodes.CommonSettings;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentFileChooser;
import org.knime.core.node.defaultnodesettings.DialogComponentString;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;

/**
 * Single-Cell Reader's dialog: the file (files and folders can be chosen: a 10x folder is a folder), the cells,
 * the genes. Names of columns, batches and identifiers are typed; configure lists the valid ones when one is wrong.
 */
final class SingleCellReaderNodeDialog extends DefaultNodeSettingsPane {

    SingleCellReaderNodeDialog() {
        SingleCellReaderSettings s = new SingleCellReaderSettings();
        createNewGroup(SingleCellRead.FILE);
        addDialogComponent(new DialogComponentFileChooser(s.file, "jind-single-cell-reader", JFileChooser.OPEN_DIALOG,
                false, ".h5ad|.h5|.csv|.tsv|.txt|.gz|.mtx"));
        addDialogComponent(new DialogComponentString(s.matrix, SingleCellRead.MATRIX
                + " (.h5ad; blank: X; raw, or a layer's name):"));
        closeCurrentGroup();
        createNewGroup("Cells");
        addDialogComponent(new DialogComponentString(s.batchColumn, SingleCellRead.BATCH_COLUMN + ":"));
        addDialogComponent(new DialogComponentString(s.batches, SingleCellRead.BATCHES + " (comma-separated):"));
        CommonSettings.addNumber(this, s.cellLimit, SingleCellRead.CELL_LIMIT);
        closeCurrentGroup();
        createNewGroup("Genes");
        addDialogComponent(new DialogComponentStringSelection(s.genes, SingleCellRead.GENES + ":",
                SingleCellRead.GeneChoice.labels()));
        CommonSettings.addNumber(this, s.topGenes, SingleCellRead.TOP_GENES);
        addDialogComponent(new DialogComponentString(s.geneIdentifier, SingleCellRead.GENE_IDENTIFIER
                + " (blank: the file's own):"));
        closeCurrentGroup();
    }
}
