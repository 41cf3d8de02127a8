package org.jind.knime.logic;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

import org.jind.core.JindException;
import org.jind.core.model.Stage;
import org.jind.core.prep.BatchPreparer;
import org.jind.core.prep.GeneMatch;
import org.jind.core.util.Plural;

/** Checks of a model against a node and a table that configure can make before anything runs. */
public final class ModelChecks {
    private ModelChecks() {
    }

    /** Fails unless the model has reached {@code needed}; {@code node} and {@code fix} make the sentence. */
    public static void requireStage(ModelSummary model, Stage needed, String node, String fix) {
        if (model.stage().ordinal() < needed.ordinal()) {
            throw new JindException(node + " needs a model that is " + needed.label() + ", but the model at its input is "
                    + model.stage().label() + "; " + fix + ".");
        }
    }

    /**
     * With '{@value NodeParameters#FILL_ABSENT_GENES}', at least this fraction of the model's genes must be
     * numeric columns of the table (the core's rule for every input, here checked at configure time with a
     * sentence naming the dialog option): below it, the cells are described by too few of the genes the model uses for
     * its predictions to mean anything (with none, every cell would look alike), so the node refuses the table.
     */
    public static final double MIN_PRESENT_GENE_FRACTION = BatchPreparer.MIN_GENE_OVERLAP;

    /**
     * Checks that the table has the model's genes as numeric columns. Absent genes fail, unless
     * {@code fillAbsent}: then fewer than {@link #MIN_PRESENT_GENE_FRACTION} of them present still fails, and
     * otherwise the returned warning says how many are treated as 0. Returns null when all are there or the
     * genes are not known yet. The absent genes are listed in the model's order.
     */
    public static String checkGenes(ModelSummary model, List<ColumnInfo> columns, boolean fillAbsent) {
        if (!model.genesKnown()) {
            return null;
        }
        String[] genes = model.genes();
        // the core's matcher: by name, or through the genes' other identifier when the model records it
        GeneMatch match = GeneColumns.match(columns, genes, model.geneAliases());
        String note = match.note(genes, model.geneAliases(), GeneColumns.numericNames(columns), null);
        List<String> absent = match.missingGenes(genes);
        if (absent.isEmpty()) {
            return note;
        }
        int total = new HashSet<>(List.of(genes)).size();
        String what = absent.size() + " of the model's " + Plural.of(total, "gene") + " "
                + (absent.size() == 1 ? "has" : "have") + " no numeric column in the table (first, in the model's"
                + " order: " + GeneColumns.firstFew(absent, 5) + ")";
        if (!fillAbsent) {
            throw new JindException(what + "; give a table with the model's gene columns (same names), or tick '"
                    + NodeParameters.FILL_ABSENT_GENES + "'.");
        }
        int present = total - absent.size();
        if (present == 0) {
            throw new JindException("None of the model's " + Plural.of(total, "gene") + " is a numeric column of the"
                    + " table, so every cell would look alike even with '" + NodeParameters.FILL_ABSENT_GENES
                    + "'; give a table whose gene columns are named like the model's genes (first, in the model's"
                    + " order: " + GeneColumns.firstFew(List.of(genes), 5) + ").");
        }
        if (present < MIN_PRESENT_GENE_FRACTION * total) {
            throw new JindException(what + "; with only " + present + " of them present, too little of what the"
                    + " model learnt is in the table even with '" + NodeParameters.FILL_ABSENT_GENES + "' (at least "
                    + Math.round(MIN_PRESENT_GENE_FRACTION * 100) + " % must be present): give a table with the"
                    + " model's gene columns (same names, e.g. gene symbols rather than ids).");
        }
        return (note == null ? "" : note + " ") + what + "; they are treated as 0.";
    }

    /**
     * Fails when the model's cell types are not those its port specification announced at configure time. Train
     * JIND announces the label column's domain, which may list values the rows no longer hold (KNIME keeps the
     * domain through row filters); a node whose output columns were fixed at configure time (Annotate &amp;
     * Reject streaming its rows, with probability columns) cannot change them afterwards.
     */
    public static void requireAnnouncedCellTypes(ModelSummary announced, ModelSummary model) {
        if (announced.cellTypesKnown() && !Arrays.equals(announced.cellTypes(), model.cellTypes())) {
            throw new JindException("The model's cell types (" + GeneColumns.firstFew(List.of(model.cellTypes()), 5)
                    + ") are not those its specification announced before training (" + GeneColumns.firstFew(
                    List.of(announced.cellTypes()), 5) + "), as happens when the label column's domain lists values"
                    + " the rows no longer hold; recompute the domain (Domain Calculator node) before Train JIND, or"
                    + " execute Train JIND before streaming this node.");
        }
    }
}
