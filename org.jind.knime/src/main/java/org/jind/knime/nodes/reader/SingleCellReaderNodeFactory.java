package org.jind.knime.nodes.reader;

import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;

/**
 * Single-Cell Reader, written with KNIME's node API: its dialog and the options of its description come from
 * {@link SingleCellReaderParameters}, its configure and execute from {@link SingleCellReaderModel}.
 */
public final class SingleCellReaderNodeFactory extends DefaultNodeFactory {

    private static final String INTRO = """
            <p>Reads the files single-cell data come in, so the JIND nodes can use them without converting anything
            outside KNIME:</p>
            <ul>
            <li><b>AnnData</b> <tt>.h5ad</tt> (scanpy, CELLxGENE): <tt>X</tt> dense, CSR or CSC; the <tt>obs</tt>
            columns are the cell annotations, the <tt>var</tt> index and <tt>var</tt> columns name the genes;</li>
            <li><b>a 10x Cell Ranger HDF5 file</b> (<tt>filtered_feature_bc_matrix.h5</tt>, Cell Ranger 3+ and v2
            layouts); no cell annotations, as for the folder;</li>
            <li><b>a 10x Cell Ranger folder</b> (<tt>matrix.mtx</tt>, <tt>features.tsv</tt> or <tt>genes.tsv</tt>,
            <tt>barcodes.tsv</tt>, each optionally gzipped); it has no cell annotations: join them on the RowID
            (the barcode) with KNIME's Joiner;</li>
            <li><b>a wide CSV/TSV</b> (optionally gzipped): one row per cell, the cell id first, then columns. A column
            holding text in its first 1,000 rows is an annotation, every other column a gene (numbers).</li>
            </ul>
            <p>The output has one row per cell (the RowID is the cell id or barcode), first the cell annotations
            (categorical and text columns as strings, whole numbers as integers, other numbers as doubles; missing
            values and NaN as missing cells; a text column's possible values among the kept batches are listed in its
            domain, so Train JIND knows the cell types before it runs), then one double column per gene with the
            file's values (counts stay counts: Train JIND decides about normalisation as the command line does).</p>
            <p>The node reads the file's metadata (cells, annotation columns, gene names) when it is configured,
            without the expression matrix, so the following nodes can be configured before it runs. The output's
            columns are then known, except when the genes are the most variable ones (they depend on the values) or
            the genes of a model that is not trained yet: the following nodes are configured once this node has run.
            The matrix is read in chunks of 1,024 cells (sparse), and each kept cell is written with only the chosen
            genes, so memory does not grow with the file: reading a model's 5,000 genes from a 100,000-cell file never
            holds the file's matrix, let alone a dense one. Only <i>Most variable genes</i> first gathers the kept
            cells (sparse) to choose them. Configuring on a CSV file reads it once to count its cells and list the
            annotation values: for large data prefer .h5ad. Progress is shown per chunk; cancelling stops between
            chunks.</p>
            <p>A file that cannot be read stops the node with the same one-sentence message as the JIND command line
            (a missing or truncated file, a directory without matrix.mtx, duplicate cell ids or gene names, values
            that are not numbers, …). Every option can be set by a flow variable under its settings key
            (<tt>file</tt>, <tt>batch_column</tt>, <tt>batches</tt>, <tt>cell_limit</tt>, <tt>genes</tt>,
            <tt>top_genes</tt>, <tt>gene_identifier</tt>).</p>
            """ + ModernNodes.CITATION;

    private static final DefaultNode NODE = DefaultNode.create()
            .name("Single-Cell Reader")
            .icon("./reader.png")
            .shortDescription("Reads single-cell expression data (AnnData .h5ad, 10x .h5 or folder, wide CSV/TSV) as"
                    + " a table of cells: annotations, then one column per gene.")
            .fullDescription(INTRO)
            .sinceVersion(5, 6, 0)
            .ports(p -> p
                    .addInputPort("JIND model (optional)", "A JIND model, needed only when <i>Genes</i> is the"
                            + " model's genes: the table then has the genes the model reads, in its order.",
                            JindModelPortObject.optionalType())
                    .addOutputTable("Cells", "One row per kept cell (RowID: cell id), the cell annotations, then one"
                            + " double column per chosen gene."))
            .model(m -> m.parametersClass(SingleCellReaderParameters.class)
                    .configure(SingleCellReaderModel::configure)
                    .execute(SingleCellReaderModel::execute))
            .nodeType(NodeType.Source)
            .keywords("AnnData", "h5ad", "scanpy", "10x", "Cell Ranger", "single-cell", "scRNA-seq");

    public SingleCellReaderNodeFactory() {
        super(NODE);
    }
}
