package org.jind.knime.nodes.train;

import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.node.DefaultNode;
import org.knime.node.DefaultNodeFactory;

/**
 * Train JIND, written with KNIME's node API: its dialog and the options of its description come from
 * {@link TrainJindParameters}, its configure and execute from {@link TrainJindModel}. Its figures (training curves,
 * confidences) are the model port's view, so the node needs no view of its own.
 */
public final class TrainJindNodeFactory extends DefaultNodeFactory {

    private static final String INTRO = """
            <p>
              JIND annotates single cells automatically: it learns cell types from a labelled <i>source</i> batch and then
              predicts them for new cells, rejecting ("Unassigned") the cells it cannot classify reliably. This node
              trains the classifier. The input table has <b>one row per cell</b>, one <b>numeric column per gene</b>
              (raw counts or already normalised values) and a <b>string column with the cell type</b>. The RowIDs are the
              cell ids.
            </p>
            <p>
              <b>Preprocessing.</b> If every gene value is a whole number the data are taken as counts: each cell is
              scaled to 10,000 in total and log(1 + x) transformed; otherwise values are used as given. The genes with
              the highest variance over the cells are kept, at most <i>Genes kept</i>, in order of decreasing variance.
              Every later batch is transformed exactly the same way, using the model's genes.
            </p>
            <p>
              <b>Network.</b> An encoder maps a cell to a 256-dimensional latent code (a linear layer with dropout and
              noise during training); a classifier head turns the code into cell type probabilities. Training minimises a
              class-weighted negative log-likelihood (rare types weigh more) with Adam and a learning rate that halves
              when the training loss stops improving. A stratified part of the cells (<i>Validation fraction</i>) is held
              out; the epoch with the best validation accuracy is kept.
            </p>
            <p>
              <b>Rejection.</b> From the held-out cells the model learns one confidence threshold per cell type: for an
              outlier fraction θ, the threshold of type <i>c</i> rejects about a fraction θ of the held-out cells
              predicted as <i>c</i>. The held-out statistics are stored in the model, so θ can be chosen later in
              <i>Annotate &amp; Reject</i>.
            </p>
            <p>
              Next steps: apply the model to cells with <i>Annotate &amp; Reject</i>; for a batch with technical
              differences (another lab, protocol or patient), first align it with <i>Align Batch</i> and optionally
              refine the aligned model with <i>Self-train JIND+</i>.
            </p>
            <p>
              Training reports its progress per epoch (loss and validation accuracy) and can be cancelled; it stops within
              one epoch. With the same data, settings, seed and thread count (see below) the model is the same.
            </p>
            <p>
              Speed on AMD processors: the matrix library JIND uses (OpenBLAS, through ND4J) does not recognise recent AMD
              processors and then uses slow generic code. On an AMD processor with AVX-512 (Zen 4: EPYC 9004, Ryzen 7000)
              start KNIME with the environment variable <tt>OPENBLAS_CORETYPE=SkylakeX</tt> (with AVX2 only:
              <tt>Haswell</tt>) for several times faster training and alignment; JIND writes this advice to the KNIME log
              when it applies.
            </p>
            <p>
              Threads: the numerical backend's thread count is one setting for the whole KNIME process, because the
              backend (ND4J) shares it between all nodes, and two nodes with different counts running at once would change
              each other's results. It is 1 unless KNIME is started with the line <tt>-Djind.threads=N</tt> in
              <tt>knime.ini</tt> (after <tt>-vmargs</tt>); it is read once, when the first JIND node computes. With the same
              data, settings, seed and thread count the result is the same. (Older versions had a per-node "Threads"
              option; workflows that set it still load, and the value is ignored.)
            </p>
            <p>The reference implementation of JIND (Python): <a href="https://github.com/mohit1997/JIND">
            github.com/mohit1997/JIND</a>.</p>
            <p>Every option can be set by a flow variable under its settings key (<tt>label_column</tt>,
            <tt>gene_columns</tt>, <tt>missing_values</tt>, <tt>genes_kept</tt>, <tt>epochs</tt>, <tt>batch_size</tt>,
            <tt>learning_rate</tt>, <tt>validation_fraction</tt>, <tt>seed</tt>).</p>
            """ + ModernNodes.CITATION;

    private static final DefaultNode NODE = DefaultNode.create()
            .name("Train JIND")
            .icon("./train.png")
            .shortDescription("Trains a JIND cell type classifier with cell-type-specific rejection thresholds on a"
                    + " labelled single-cell table.")
            .fullDescription(INTRO)
            .sinceVersion(5, 6, 0)
            .ports(p -> p
                    .addInputTable("Labelled cells", "One row per cell: numeric gene columns and a string column with"
                            + " the cell type.")
                    .addOutputPort("JIND model", "The trained model: genes, cell types, networks and the validation"
                            + " statistics from which rejection thresholds are computed for any θ. Its specification"
                            + " lists the label column, stage (\"trained\"), genes and cell types. Before the node has"
                            + " run, the specification already lists the cell types when the label column's domain"
                            + " lists its possible values (sorted, as the model orders them), and the genes when"
                            + " <i>Genes kept</i> keeps every selected gene column, so the nodes downstream (Annotate"
                            + " &amp; Reject, JIND Scorer) can be configured early. The domain may list values that"
                            + " filtered rows no longer hold; the executed model is authoritative. Its port view"
                            + " (right-click the node, the model port) shows the stage, number of genes and label"
                            + " column, a table of the cell types with their validation cells, validation accuracy"
                            + " and rejection threshold at θ = 0.05, the training curves (loss and validation"
                            + " accuracy per epoch), the alignment and self-training curves once the model has them,"
                            + " and the validation cells' confidence per type with each type's threshold.",
                            JindModelPortObject.type())
                    .addOutputTable("Validation statistics", "One row per cell type: the number of held-out"
                            + " validation cells of that type, the fraction of them classified correctly (before"
                            + " rejection), and the type's rejection threshold at the default θ = 0.05."))
            .model(m -> m.parametersClass(TrainJindParameters.class)
                    .configure(TrainJindModel::configure)
                    .execute(TrainJindModel::execute))
            .nodeType(NodeType.Learner)
            .keywords("single-cell", "scRNA-seq", "cell type annotation", "classification");

    public TrainJindNodeFactory() {
        super(NODE);
    }
}
