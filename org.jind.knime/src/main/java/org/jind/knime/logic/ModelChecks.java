package org.jind.knime.logic;

import java.util.List;

import org.jind.core.JindException;
import org.jind.core.model.Stage;

/** Checks of a model against a node and a table that configure can make before anything runs. */
public final class ModelChecks {
    private ModelChecks() {
    }

    /** Fails unless the model has reached {@code needed}; {@code node} and {@code fix} make the sentence. */
    public static void requireStage(ModelSummary model, Stage needed, String node, String fix) {
        if (model.stage().ordinal() < needed.ordinal()) {
            throw new JindException(node + " needs a model that is " + name(needed) + ", but the model at its input is "
                    + name(model.stage()) + "; " + fix + ".");
        }
    }

    /**
     * Checks that the table has the model's genes as numeric columns. Absent genes fail, unless
     * {@code fillAbsent}: then the returned warning says how many are treated as 0. Returns null when all are
     * there or the genes are not known yet.
     */
    public static String checkGenes(ModelSummary model, List<ColumnInfo> columns, boolean fillAbsent) {
        if (!model.genesKnown()) {
            return null;
        }
        String[] genes = model.genes();
        List<String> absent = GeneColumns.absent(columns, genes);
        if (absent.isEmpty()) {
            return null;
        }
        String what = absent.size() + " of the model's " + genes.length + " genes "
                + (absent.size() == 1 ? "has" : "have") + " no numeric column in the table (first: "
                + GeneColumns.firstFew(absent, 5) + ")";
        if (!fillAbsent) {
            throw new JindException(what + "; give a table with the model's gene columns (same names), or tick '"
                    + NodeParameters.FILL_ABSENT_GENES + "'.");
        }
        return what + "; they are treated as 0.";
    }

    private static String name(Stage s) {
        return switch (s) {
            case TRAINED -> "trained";
            case ALIGNED -> "aligned";
            case SELFTRAINED -> "self-trained (JIND+)";
        };
    }
}
