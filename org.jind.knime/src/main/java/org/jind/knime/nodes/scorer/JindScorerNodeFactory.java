package org.jind.knime.nodes.scorer;

import org.jind.knime.nodes.FigureNodeFactory;
import org.jind.knime.nodes.ModernNodes;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.NodeDescription;
import org.knime.core.webui.node.impl.PortDescription;
import org.knime.core.webui.node.impl.WebUINodeFactory;

/**
 * JIND Scorer: its dialog, settings and the options of its description come from {@link JindScorerParameters}
 * (KNIME's modern dialog); its view shows the confusion heatmap, in the classic and the modern UI (see
 * {@link FigureNodeFactory} for why the factory is a classic one).
 */
public final class JindScorerNodeFactory extends FigureNodeFactory<JindScorerNodeModel> {

    private static final String NAME = "JIND Scorer";

    private static final String INTRO = """
            <p>
              Evaluates an annotation that may reject cells, such as the output of <i>Annotate &amp; Reject</i>, against
              the known cell types. A generic scorer treats "Unassigned" as one more class; this node reports what matters
              for annotation with rejection:
            </p>
            <ul>
              <li><b>Raw accuracy</b>: fraction of cells whose raw prediction is right;</li>
              <li><b>Rejected fraction</b>: fraction of cells predicted "Unassigned";</li>
              <li><b>Effective accuracy</b>: accuracy over the cells that were not rejected (missing if all were);</li>
              <li><b>Mean, median and weighted F1</b>: per true cell type, the F1 score of the prediction after
                rejection (a rejected cell counts as a miss), averaged over the types present in the true labels, plainly,
                by median, and weighted by the number of cells.</li>
            </ul>
            <p>
              True labels the model does not know ("novel" types) always count as wrong. The confusion matrix has one row
              per true label and one column per predicted cell type plus "Unassigned"; each row holds fractions of that
              label's cells and sums to 1, with the number of cells in the last column. The figures are those of JIND's
              command-line evaluation.
            </p>
            <p>
              The node needs no model, only three string columns, so it also scores annotations made elsewhere, as long as
              rejected cells are labelled "Unassigned".
            </p>
            <p>Every option can be set by a flow variable under its settings key (<tt>true_label_column</tt>,
            <tt>prediction_column</tt>, <tt>raw_prediction_column</tt>).</p>
            """ + ModernNodes.CITATION;

    private static final String VIEW = "The confusion matrix as a heatmap: true cell types down, predictions (with"
            + " the \"Unassigned\" column) across; each cell shows the fraction of that true type's cells, shaded from"
            + " white (0) to dark blue (1). The subtitle gives the number of cells, raw accuracy, rejected fraction and"
            + " the accuracy of the kept cells. The same figure as the command line's <tt>confusion.png</tt>.";

    public JindScorerNodeFactory() {
        super(JindScorerParameters.class);
    }

    @Override
    public JindScorerNodeModel createNodeModel() {
        return new JindScorerNodeModel();
    }

    /** The description KNIME shows, generated like a modern node's: the options from the parameters class. */
    @Override
    protected NodeDescription createNodeDescription() {
        return WebUINodeFactory.createNodeDescription(NAME, "./scorer.png", new PortDescription[] {
            new PortDescription("Annotated cells", BufferedDataTable.TYPE, "A table with the true labels,"
                    + " predictions and raw predictions, e.g. from <i>Annotate &amp; Reject</i>.")},
                new PortDescription[] {
                    new PortDescription("Metrics", BufferedDataTable.TYPE, "One row (\"Overall\"): number of cells,"
                            + " raw accuracy, rejected fraction, effective accuracy, mean, median and weighted F1."),
                    new PortDescription("Confusion matrix", BufferedDataTable.TYPE, "One row per true label (the"
                            + " RowID); one column per predicted cell type plus \"Unassigned\" with the fraction of"
                            + " that label's cells, and the label's number of cells (\"Cells\").")},
                "Scores cell type predictions with rejection against known labels: accuracy, rejection, effective"
                        + " accuracy, F1 and a confusion matrix with an Unassigned column.",
                INTRO, JindScorerParameters.class, null, VIEW, NodeType.Other,
                new String[] {"accuracy", "F1", "confusion matrix", "rejection"});
    }
}
