package org.jind.knime.nodes.align;

import org.jind.knime.nodes.FigureNodeFactory;
import org.jind.knime.nodes.ModernNodes;
import org.jind.knime.port.JindModelPortObject;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeDescription;
import org.knime.core.webui.node.impl.PortDescription;
import org.knime.core.webui.node.impl.WebUINodeFactory;

/**
 * Align Batch: its dialog, settings and the options of its description come from {@link AlignBatchParameters}
 * (KNIME's modern dialog); its view shows the latent maps and alignment curves, in the classic and the modern UI (see
 * {@link FigureNodeFactory} for why the factory is a classic one).
 */
public final class AlignBatchNodeFactory extends FigureNodeFactory<AlignBatchNodeModel> {

    private static final String NAME = "Align Batch";

    private static final String INTRO = """
            <p>Cells measured in another batch (lab, protocol, donor) differ from the training cells for technical
            reasons, which makes a classifier less accurate and makes it reject more cells. JIND removes such batch
            effects with an <b>asymmetric adversarial alignment</b>: instead of changing the trained model, it learns a
            generator that maps the new (<i>target</i>) batch into the latent space the model already knows. No labels
            of the target are needed, and the model never needs the training data again: it carries a sample of the
            source latent codes.</p>
            <p><b>How.</b> The generator adds a learnt shift to the expression values and corrects the encoder's code
            of a target cell with two small networks. A discriminator learns to tell target codes from source codes
            while the generator learns to fool it (RMSprop, binary cross-entropy, minibatches drawn with replacement).
            The encoder and classifier stay frozen. An epoch is <i>balanced</i> when both running losses lie between
            0.5 and 0.78; after each balanced epoch the whole target is annotated at θ and the generator that rejects
            the fewest target cells is kept. Training stops after <i>Patience</i> balanced epochs, after
            <i>Patience</i> unbalanced epochs in a row, or after <i>Maximum epochs</i>. If the game collapses (a loss
            of exactly 0) the generator's networks are restarted.</p>
            <p>The aligned model belongs to this target batch: annotate this same table with it (the node <i>Annotate
            &amp; Reject</i> warns when an aligned model is applied to other cells), or refine it on the same table
            with <i>Self-train JIND+</i>. Any model stage can be aligned; an aligned model is aligned anew from its
            trained networks. With a <i>Batch column</i>, each batch of the table is aligned on its own and the output
            port holds one aligned model per batch.</p>
            <p>Progress shows the epoch and the generator and discriminator losses; cancelling stops within one
            epoch.</p>
            <p>Alignment is the longest JIND step. On AMD processors start KNIME with
            <tt>OPENBLAS_CORETYPE=SkylakeX</tt> (AVX-512, e.g. Zen 4) or <tt>Haswell</tt> (AVX2 only) in its
            environment: see the <i>Train JIND</i> node.</p>
            <p>Threads: the numerical backend's thread count is one setting for the whole KNIME process, because the
            backend (ND4J) shares it between all nodes, and two nodes with different counts running at once would
            change each other's results. It is 1 unless KNIME is started with the line <tt>-Djind.threads=N</tt> in
            <tt>knime.ini</tt> (after <tt>-vmargs</tt>); it is read once, when the first JIND node computes. With the
            same data, settings, seed and thread count the result is the same. (Older versions had a per-node
            "Threads" option; workflows that set it still load, and the value is ignored.) Every option can be set by
            a flow variable under its settings key (<tt>learning_rate</tt>, <tt>weight_decay_generator</tt>,
            <tt>weight_decay_discriminator</tt>, <tt>batch_size</tt>, <tt>max_epochs</tt>, <tt>patience</tt>,
            <tt>theta</tt>, <tt>consider_unaligned</tt>, <tt>seed</tt>, <tt>missing_values</tt>,
            <tt>fill_absent_genes</tt>, <tt>batch_column</tt>, <tt>batches_at_once</tt>).</p>
            """ + ModernNodes.CITATION;

    private static final String VIEW = "Latent maps and alignment curves, in tabs. <b>Latent map before"
            + " alignment</b> and <b>after alignment</b>: a two-dimensional UMAP of the source latent codes stored in"
            + " the model together with the target cells' codes, through the source encoder (before) and through the"
            + " learnt generator (after), drawn twice side by side: coloured by cell type (source: the true type;"
            + " target: the aligned model's prediction at the node's θ, \"Unassigned\" in grey) and coloured by"
            + " batch. Good alignment puts each target type onto the source cells of that type. At most 10,000 cells"
            + " of each batch are embedded (a sample stratified by type beyond that, said in the subtitle); the same"
            + " seed gives the same map. Computing the maps adds up to about half a minute per map to the node's"
            + " execution. <b>Alignment</b>: per epoch the running generator (G) and discriminator (D) losses,"
            + " balanced epochs shaded, and the target rejection of each balanced epoch; a dashed line marks the epoch"
            + " whose generator was kept. With a <i>Batch column</i>, these tabs for each batch, their titles starting"
            + " with the batch.";

    public AlignBatchNodeFactory() {
        super(AlignBatchParameters.class);
    }

    @Override
    public AlignBatchNodeModel createNodeModel() {
        return new AlignBatchNodeModel();
    }

    /** The description KNIME shows, generated like a modern node's: the options from the parameters class. */
    @Override
    protected NodeDescription createNodeDescription() {
        return WebUINodeFactory.createNodeDescription(NAME, "./align.png", new PortDescription[] {
            new PortDescription("JIND model", JindModelPortObject.type(), "A model from <i>Train JIND</i> (or any"
                    + " later step); with a <i>Batch column</i>, also a port holding one model per batch."),
            new PortDescription("Target cells", BufferedDataTable.TYPE, "One row per cell of the batch to align, with"
                    + " the model's genes as numeric columns (extra columns are ignored). Labels are not needed. The"
                    + " RowIDs identify the batch: the model remembers a fingerprint of them.")},
                new PortDescription[] {
                    new PortDescription("Aligned JIND model", JindModelPortObject.type(), "The model with the"
                            + " generator for this batch (stage \"aligned\"); with a <i>Batch column</i>, one such"
                            + " model per batch, the batches listed in the port's specification."),
                    new PortDescription("Alignment history", BufferedDataTable.TYPE, "One row per epoch: running"
                            + " generator (G) and discriminator (D) losses, whether the epoch was balanced, the target"
                            + " rejection rate at θ (only computed for balanced epochs, otherwise missing), and how"
                            + " often the generator was restarted. With a <i>Batch column</i>, a first column"
                            + " <i>Batch</i> and each batch's epochs after the previous batch's.")},
                "Aligns a new, unlabelled batch of cells onto a JIND model's latent space to remove batch effects.",
                INTRO, AlignBatchParameters.class, null, VIEW, NodeType.Learner,
                new String[] {"batch effect", "integration", "domain adaptation", "single-cell"});
    }
}
