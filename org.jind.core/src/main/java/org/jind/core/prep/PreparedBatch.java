package org.jind.core.prep;

import java.util.Arrays;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;

/**
 * A batch prepared for one model: its cells × the model's genes in the model's order, the model's transform
 * applied, with the cell ids and their fingerprint. Made once per batch and model, then handed to alignment,
 * self-training and annotation, which refuse it for a model that prepares batches another way (other genes or
 * transform). Models derived from one another by alignment and self-training share their plan, so a batch
 * prepared for the trained model serves every later stage.
 */
public final class PreparedBatch {
    private final Preprocessing.Plan plan;
    private final SparseMatrix x;
    private final String[] cellIds;
    private volatile String fingerprint; // computed on first use: only aligned models need it

    /**
     * @param plan the plan {@code x} was prepared with
     * @param x cells × the plan's selected genes, transformed
     * @param cellIds the cells' ids, in the rows' order
     */
    public PreparedBatch(Preprocessing.Plan plan, SparseMatrix x, String[] cellIds) {
        if (x.rows() != cellIds.length || x.cols() != plan.selectedGenes().length) {
            throw new IllegalArgumentException("a " + x.rows() + " × " + x.cols() + " matrix for " + cellIds.length
                    + " cells and " + plan.selectedGenes().length + " genes");
        }
        this.plan = plan;
        this.x = x;
        this.cellIds = cellIds.clone();
    }

    /**
     * The prepared matrix for a model with the given plan; refuses a plan that prepares batches another way, as
     * its networks would read the columns as other genes.
     */
    public SparseMatrix matrixFor(Preprocessing.Plan modelPlan) {
        if (modelPlan != plan && !sameTransform(plan, modelPlan)) {
            throw new JindException("This batch was prepared for a model with other genes (" + describe(plan)
                    + ") than the model it was given to (" + describe(modelPlan) + "); prepare the batch for that"
                    + " model.");
        }
        return x;
    }

    /** Whether two plans prepare every batch alike: same value type, same library and selected genes. */
    static boolean sameTransform(Preprocessing.Plan a, Preprocessing.Plan b) {
        return a.counts() == b.counts() && Arrays.equals(a.selectedGenes(), b.selectedGenes())
                && Arrays.equals(a.libraryGenes(), b.libraryGenes());
    }

    private static String describe(Preprocessing.Plan p) {
        String[] g = p.selectedGenes();
        return g.length + " genes, first " + String.join(", ", Arrays.copyOf(g, Math.min(3, g.length)))
                + (p.counts() ? ", from counts" : "");
    }

    public int cells() {
        return cellIds.length;
    }

    /** The cells' ids in the rows' order (a copy). */
    public String[] cellIds() {
        return cellIds.clone();
    }

    /** {@link Dataset#cellIdFingerprint()} of these cells, computed once. */
    public String fingerprint() {
        String f = fingerprint;
        if (f == null) {
            f = Dataset.fingerprint(cellIds);
            fingerprint = f;
        }
        return f;
    }

    @Override
    public String toString() {
        return cells() + " cells prepared for " + describe(plan);
    }
}
