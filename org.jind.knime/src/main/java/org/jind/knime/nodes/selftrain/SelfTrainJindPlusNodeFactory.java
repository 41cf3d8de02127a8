package org.jind.knime.nodes.selftrain;

import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.node.NodeFactory.NodeType;
import org.knime.core.webui.node.impl.WebUINodeConfiguration;
import org.knime.core.webui.node.impl.WebUINodeFactory;

/**
 * Self-train JIND+, written with KNIME's web UI node classes (as Annotate &amp; Reject): dialog, settings and the
 * options of its description come from {@link SelfTrainJindPlusParameters}. The node has no view of its own (the
 * JIND+ model is shown by the output port's view), so nothing is lost to {@code WebUINodeFactory}'s lack of
 * node views, and the factory needs none of the description and dialog wiring a classic factory would.
 */
@SuppressWarnings("deprecation") // WebUINodeFactory: deprecated for DefaultNode since 5.6; kept like Annotate's
public final class SelfTrainJindPlusNodeFactory extends WebUINodeFactory<SelfTrainJindPlusNodeModel> {

    private static final String INTRO = """
            <p>JIND+ goes one step beyond alignment: it annotates the target batch with the aligned model, takes the
            most confident cells of each predicted type as pseudo-labelled examples and fine-tunes the model on them.
            In the published evaluation this roughly halves the fraction of rejected cells at about the same
            accuracy.</p>
            <p><b>How.</b> For each predicted type, the cells with the highest probability for it are kept (<i>Kept
            fraction of confident cells</i>). Of those, a stratified part is held out for validation. Only the first
            layer of the encoder inside the aligned generator is trained (with dropout and noise), using Adam and a
            class-weighted loss computed from the pseudo-labels; the epoch with the best validation accuracy is kept.
            Rejection thresholds remain those learnt on the source's validation cells.</p>
            <p>Use the same table that the model was aligned to; the node warns when the cells differ. With a model
            port from <i>Align Batch</i> holding one model per batch, each batch is self-trained on its own rows.
            Progress shows the epoch and loss; cancelling stops within one epoch.</p>
            <p>Threads: the numerical backend's thread count is one setting for the whole KNIME process, because the
            backend (ND4J) shares it between all nodes, and two nodes with different counts running at once would
            change each other's results. It is 1 unless KNIME is started with the line <tt>-Djind.threads=N</tt> in
            <tt>knime.ini</tt> (after <tt>-vmargs</tt>); it is read once, when the first JIND node computes. With the
            same data, settings, seed and thread count the result is the same. (Older versions had a per-node
            "Threads" option; workflows that set it still load, and the value is ignored.) Every option can be set by
            a flow variable under its settings key (<tt>keep_fraction</tt>, <tt>learning_rate</tt>,
            <tt>batch_size</tt>, <tt>epochs</tt>, <tt>validation_fraction</tt>, <tt>seed</tt>,
            <tt>missing_values</tt>, <tt>fill_absent_genes</tt>, <tt>batch_column</tt>,
            <tt>batches_at_once</tt>).</p>
            """ + ModernNodes.CITATION;

    static final WebUINodeConfiguration CONFIGURATION = WebUINodeConfiguration.builder()
            .name("Self-train JIND+")
            .icon("./selftrain.png")
            .shortDescription("Refines an aligned JIND model on the confidently predicted cells of its target batch"
                    + " (JIND+).")
            .fullDescription(INTRO)
            .modelSettingsClass(SelfTrainJindPlusParameters.class)
            .nodeType(NodeType.Learner)
            .addInputPort("Aligned JIND model", JindModelPortObject.type(), "A model from <i>Align Batch</i> (stage"
                    + " \"aligned\"); a model that is only trained is refused when the node is configured.")
            .addInputTable("Target cells", "The batch the model was aligned to: one row per cell with the model's"
                    + " genes as numeric columns (with batches: the table of all of them, with the batch column).")
            .addOutputPort("JIND+ model", JindModelPortObject.type(), "The self-trained model (stage"
                    + " \"self-trained\"); with batches, one per batch of the table.")
            .keywords("JIND+", "pseudo-labelling", "single-cell")
            .addExternalResource("https://github.com/mohit1997/JIND", "Reference implementation of JIND (Python)")
            .build();

    public SelfTrainJindPlusNodeFactory() {
        super(CONFIGURATION);
    }

    @Override
    public SelfTrainJindPlusNodeModel createNodeModel() {
        return new SelfTrainJindPlusNodeModel(CONFIGURATION);
    }
}
