package org.jind.knime.nodes.annotate;

import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeFactory;

/**
 * Annotate &amp; Reject, written with KNIME's web UI node classes: dialog, settings and the options of its
 * description come from {@link AnnotateRejectParameters}; its {@link AnnotateRejectNodeModel} stays a NodeModel
 * so that it streams (KNIME's {@code DefaultNode} models offer no streamable operator and no port roles).
 */
@SuppressWarnings("deprecation") // WebUINodeFactory: deprecated for DefaultNode since 5.6, which cannot stream
public final class AnnotateRejectNodeFactory extends WebUINodeFactory<AnnotateRejectNodeModel> {

    private static final String INTRO = """
            <p>Applies a JIND model of any stage (trained, aligned or JIND+) to a table of cells and appends the
            annotation. Every input row and column is kept, in order; the node appends:</p>
            <ul>
            <li><b>raw prediction</b>: the most probable cell type;</li>
            <li><b>prediction</b>: the raw prediction, or "Unassigned" when its probability is below that type's
            rejection threshold;</li>
            <li><b>confidence</b>: the probability of the raw prediction;</li>
            <li>optionally one <b>probability</b> column per cell type of the model;</li>
            <li>optionally the cell's <b>latent code</b>, 256 columns.</li>
            </ul>
            <p><b>Rejection.</b> Each cell type has its own threshold, learnt from the held-out source cells: for the
            outlier fraction θ, the threshold of type <i>c</i> is the confidence below which about a fraction θ of
            the held-out cells predicted as <i>c</i> fall (0.9 when there are too few such cells). A larger θ rejects
            more cells and keeps the accepted predictions more accurate; θ = 0 rejects almost nothing.</p>
            <p>Preprocessing repeats exactly what the model learnt: the same genes in the same order and, for count
            data, the same normalisation. Values of the other kind are refused rather than silently mispredicted: a
            model trained on raw counts refuses values that are not whole numbers, and a model trained on normalised
            values refuses whole numbers above 20 (raw counts); normalise the data as the training data were, or
            train on data of this kind. Columns that are not genes of the model are ignored. An aligned model belongs
            to the batch it was aligned to; applied to other cells the node warns, since its generator may not suit
            them.</p>
            <p>The output columns are known when the node is configured whenever the model's specification lists its
            cell types (Train JIND publishes them before running when its label column's domain lists the possible
            values), so downstream nodes such as <i>JIND Scorer</i> can be set up before anything runs. Score the
            result against known labels with <i>JIND Scorer</i>.</p>
            <p><b>Streaming.</b> The node reads, annotates and writes the table 1,024 rows at a time, so its memory
            does not grow with the table (only the cell ids are kept when the model is aligned, to recognise its
            batch; a partition of a distributed streaming run cannot recognise it and does not warn). Streamed rows
            keep the columns announced at configure time: if the model's cell types turn out to differ from those its
            specification announced (a label column domain wider than the rows), the streamed node stops and says how
            to fix it. It runs in KNIME's streaming executor (the table input streams and may be split into
            partitions; the model is read whole first) and in parallel chunk loops. Executed normally or streamed, it
            computes the same rows; when the streaming executor splits the table into partitions, the chunk
            boundaries move, and numbers may differ in the last digits of float precision (below 1e-6).</p>
            <p>Threads: the numerical backend's thread count is one setting for the whole KNIME process, because the
            backend (ND4J) shares it between all nodes, and two nodes with different counts running at once would
            change each other's results. It is 1 unless KNIME is started with the line <tt>-Djind.threads=N</tt> in
            <tt>knime.ini</tt> (after <tt>-vmargs</tt>); it is read once, when the first JIND node computes. With the
            same data, settings, seed and thread count the result is the same. (Older versions had a per-node
            "Threads" option; workflows that set it still load, and the value is ignored.) Every option can be set by
            a flow variable under its settings key (<tt>theta</tt>, <tt>raw_prediction_column</tt>,
            <tt>prediction_column</tt>, <tt>confidence_column</tt>, <tt>append_probabilities</tt>,
            <tt>probability_column_pattern</tt>, <tt>append_latent_code</tt>, <tt>missing_values</tt>,
            <tt>fill_absent_genes</tt>, <tt>batch_column</tt>).</p>
            """ + ModernNodes.CITATION;

    static final WebUINodeConfiguration CONFIGURATION = WebUINodeConfiguration.builder()
            .name("Annotate & Reject")
            .icon("./annotate.png")
            .shortDescription("Predicts the cell type of every cell with a JIND model and rejects the unreliable"
                    + " predictions as \"Unassigned\".")
            .fullDescription(INTRO)
            .modelSettingsClass(AnnotateRejectParameters.class)
            .nodeType(NodeType.Predictor)
            .addInputPort("JIND model", JindModelPortObject.type(), "A model from <i>Train JIND</i>, <i>Align"
                    + " Batch</i> or <i>Self-train JIND+</i>.")
            .addInputTable("Cells", "One row per cell with the model's genes as numeric columns; other columns are"
                    + " passed through unchanged.")
            .addOutputTable("Annotated cells", "The input table with the raw prediction, prediction (or"
                    + " \"Unassigned\"), confidence and, if chosen, per-type probability and latent code columns"
                    + " appended.")
            .keywords("cell type", "prediction", "rejection", "single-cell")
            .addExternalResource("https://github.com/mohit1997/JIND", "Reference implementation of JIND (Python)")
            .build();

    public AnnotateRejectNodeFactory() {
        super(CONFIGURATION);
    }

    @Override
    public AnnotateRejectNodeModel createNodeModel() {
        return new AnnotateRejectNodeModel(CONFIGURATION);
    }
}
