package org.jind.core.prep;

import java.util.List;
import java.util.Locale;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;

/**
 * A model's preprocessing bound to a batch's genes: the genes are matched once ({@link GeneMatch}), then
 * {@link #apply} prepares the whole batch or any chunk of its cells (same columns) the same way, so streamed and
 * whole-batch annotations are equal.
 *
 * <p>Rules, in the order they are checked:
 * <ul>
 * <li>fewer than {@link #MIN_GENE_OVERLAP} of the model's genes found (by either identifier): refused, even when
 * missing genes may be zero-filled (zero-filling most of the input makes every cell look alike);</li>
 * <li>some genes missing: refused unless {@code fillMissing}, then a warning;</li>
 * <li>value type (per chunk, in {@link #apply}; see {@link ValueType}): a model trained on raw counts refuses values
 * that are not whole numbers; a model trained on normalised or scaled values refuses whole numbers above
 * {@link #COUNTS_ABOVE} (raw counts); one trained on normalised values refuses negative values (scaled data), and one
 * trained on scaled values a chunk without any negative value (unscaled data). Scaled values differ from normalised
 * ones in every gene (a cell without a gene's transcript is −mean/sd there, not 0): a model given the other kind
 * rejects most cells or predicts nonsense. Nothing is transformed: the model does not know how its source was
 * normalised or scaled, so any conversion would be a guess.</li>
 * </ul>
 */
public final class BatchPreparer {
    /** A batch must hold at least this share of the model's genes. */
    public static final double MIN_GENE_OVERLAP = 0.5;
    /**
     * Whole numbers above this are raw counts, not log-normalised values (log1p of a whole cell's 10,000 is 9.2;
     * of a million, 13.8).
     */
    public static final float COUNTS_ABOVE = 20f;

    private final Preprocessing.Plan plan;
    private final int dataGenes;
    private final int[] selectedCols;
    private final boolean[] inLibrary; // counts models: the columns of the genes the model normalised with

    /**
     * @param genes       the batch's gene names
     * @param aliases     the batch's other gene identifiers, or null
     * @param fillMissing zero-fill model genes the batch lacks (else a clear error)
     * @param warnings    receives notes and warnings for the user
     */
    public BatchPreparer(Preprocessing.Plan plan, String[] genes, String[] aliases, boolean fillMissing,
            List<String> warnings) {
        this.plan = plan;
        this.dataGenes = genes.length;
        String[] modelGenes = plan.selectedGenes();
        String[] modelAliases = plan.selectedAliases();
        GeneMatch m = GeneMatch.of(modelGenes, modelAliases, genes, aliases);
        String note = m.note(modelGenes, modelAliases, genes, aliases);
        if (m.found() < MIN_GENE_OVERLAP * modelGenes.length) {
            throw new JindException(String.format(Locale.ROOT, "Only %d of the model's %d genes (%.0f%%) are in the"
                    + " data, fewer than the %.0f%% JIND needs (data genes: %s; model genes: %s). Give data whose genes"
                    + " are named the way the model's are (symbols or Ensembl ids), or train a model on data named"
                    + " like these%s.", m.found(), modelGenes.length, 100.0 * m.found() / modelGenes.length,
                    100 * MIN_GENE_OVERLAP, GeneMatch.example(genes), GeneMatch.example(modelGenes),
                    modelAliases == null ? "; a model trained on a 10x .h5 file or on an .h5ad with a gene symbol"
                            + " column records both identifiers and matches either" : ""));
        }
        if (note != null) {
            warnings.add(note);
        }
        if (m.missing() > 0) {
            String msg = m.missing() + " of the model's " + modelGenes.length + " genes are missing from the data"
                    + " (first: " + Dataset.firstFew(m.missingGenes(modelGenes), 5) + ")";
            if (!fillMissing) {
                throw new JindException(msg + "; use data with the same gene names, or --fill-missing-genes to treat"
                        + " them as zero.");
            }
            warnings.add(msg + "; they are treated as zero.");
        }
        this.selectedCols = m.columns();
        this.inLibrary = new boolean[dataGenes];
        if (plan.counts()) {
            for (int c : GeneMatch.with(m.scheme(), plan.libraryGenes(), plan.libraryAliases(), genes, aliases)
                    .columns()) {
                if (c >= 0) {
                    inLibrary[c] = true;
                }
            }
        }
    }

    /** Cells × the model's genes, transformed as the model's source was; {@code raw} has the batch's columns. */
    public SparseMatrix apply(SparseMatrix raw) {
        if (raw.cols() != dataGenes) {
            throw new IllegalArgumentException("the matrix has " + raw.cols() + " columns, the batch " + dataGenes);
        }
        if (!plan.counts()) {
            SparseMatrix x = raw.selectColumns(selectedCols);
            checkValueType(x);
            return x;
        }
        return Preprocessing.normalise(raw.selectColumns(selectedCols), countsRowSums(raw));
    }

    /**
     * One pass over the input of a counts model (each pass over a 20,000-gene chunk costs as much as predicting
     * it): the values must be whole numbers and not negative, and each cell's library size is its total over the
     * genes the model normalised with (the source/target common genes).
     */
    private double[] countsRowSums(SparseMatrix raw) {
        double[] sums = new double[raw.rows()];
        boolean negative = false;
        for (int r = 0; r < raw.rows(); r++) {
            double acc = 0;
            for (int k = raw.rowStart(r); k < raw.rowEnd(r); k++) {
                float v = raw.value(k);
                if (v != Math.rint(v)) {
                    throw notCounts(raw, v);
                }
                negative |= v < 0;
                if (inLibrary[raw.colIndex(k)]) {
                    acc += v;
                }
            }
            sums[r] = acc;
        }
        if (negative) {
            Preprocessing.requireNonNegative(raw, "the data"); // says so
        }
        return sums;
    }

    /** Values not whole for a counts model: scaled ones (some negative) or normalised ones; {@code v} is one. */
    private static JindException notCounts(SparseMatrix raw, float v) {
        for (int k = 0; k < raw.nonZeros() && v >= 0; k++) {
            v = raw.value(k) < 0 && raw.value(k) != Math.rint(raw.value(k)) ? raw.value(k) : v;
        }
        return new JindException("The model was trained on raw counts, but these data are not whole numbers (e.g. " + v
                + "): they look " + (v < 0 ? "scaled" : "normalised") + ". Give the raw counts of these cells (in"
                + " .h5ad files often in raw or a layer, not X; JIND normalises counts itself), or train a model on"
                + " data " + (v < 0 ? "scaled" : "normalised") + " like these.");
    }

    /** The model's genes of a chunk, for a model not trained on counts: values of the model's type (see above). */
    private void checkValueType(SparseMatrix x) {
        float max = Float.NEGATIVE_INFINITY;
        boolean whole = true;
        float negative = 0; // the first negative value, or 0
        for (int k = 0; k < x.nonZeros(); k++) {
            float v = x.value(k);
            whole &= v == Math.rint(v);
            if (v < 0 && negative == 0) {
                negative = v;
            }
            max = Math.max(max, v);
        }
        if (whole && max > COUNTS_ABOVE) {
            throw new JindException("The model was trained on " + plan.values() + ", but these data are whole numbers"
                    + " up to " + (long) max + ": they look like raw counts. Normalise them the way the training data"
                    + " were (e.g. log1p of counts per 10,000), or train a model on raw counts (JIND then normalises"
                    + " every batch itself).");
        }
        if (plan.values() == ValueType.NORMALISED && negative < 0) {
            throw new JindException("The model was trained on normalised values, none negative, but these data have"
                    + " negative values (e.g. " + negative + "): they look scaled (centred per gene). Give these cells'"
                    + " values normalised as the training data were (in .h5ad files perhaps another matrix: X, raw or a"
                    + " layer), or train a model on data scaled like these.");
        }
        if (plan.values() == ValueType.SCALED && negative == 0 && x.nonZeros() > 0) {
            throw new JindException("The model was trained on scaled values (centred per gene, some negative), but"
                    + " these data have no negative value: they look unscaled (counts or normalised). Give these"
                    + " cells' values scaled as the training data were (in .h5ad files perhaps another matrix: X, raw"
                    + " or a layer), or train a model on unscaled data (JIND normalises raw counts itself).");
        }
    }
}
