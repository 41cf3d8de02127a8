package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jind.core.Jind;
import org.jind.core.annotate.Predictor;
import org.jind.core.annotate.Thresholds;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.prep.BatchPreparer;

/**
 * Annotates a table that arrives row by row, {@link #CHUNK_ROWS} rows at a time, so memory does not grow with
 * the table: the KNIME counterpart of the core's chunked {@code Jind.annotate} (rows pushed rather than pulled,
 * and the latent code kept), with the model's genes matched once by the core's {@link BatchPreparer}. Annotate
 * &amp; Reject's execute and its streaming operator both feed their rows through this, so both give the same
 * rows. Each row's result depends on that row alone (the preprocessing is per cell, the thresholds come from the
 * model), so the chunks give what annotating the whole table at once gives.
 */
public final class StreamingAnnotator {
    /** Rows per chunk: the core's prediction batch, so a chunk is one network pass. */
    public static final int CHUNK_ROWS = 1024;

    private final JindModel model;
    private final String[] genes;
    private final BatchPreparer preparer;
    private final MissingValuePolicy policy;
    private final double[] thresholds;
    private final boolean probabilities;
    private final boolean latent;
    private final int chunkRows;
    private final Set<String> warnings = new LinkedHashSet<>();
    /**
     * Cell ids, kept only for a model aligned to a batch, to tell at the end whether this table is that batch
     * (the one thing that grows with the table, and only for aligned models).
     */
    private final List<String> ids;
    private DatasetBuilder chunk;
    private long missingAsZero;
    private int cells;
    private int annotated;

    /**
     * @param genes         the matrix columns, in the order {@link #add} gets values: the model's genes that are
     *                      columns of the table, then (with 0 values) those that are not (see
     *                      {@link GeneColumns#readForModel})
     * @param theta         θ, already checked
     * @param probabilities whether the values include the per-type probabilities
     * @param latent        whether the values include the latent code
     * @param chunkRows     rows per chunk ({@link #CHUNK_ROWS}; tests use others)
     * @param wholeTable    whether the rows are the whole table, so the batch an aligned model was aligned to
     *                      can be recognised (not so in one partition of a distributed streaming run)
     */
    public StreamingAnnotator(JindModel model, String[] genes, double theta, MissingValuePolicy policy,
            boolean probabilities, boolean latent, int chunkRows, boolean wholeTable) {
        this.model = model;
        this.genes = genes.clone();
        this.policy = policy;
        List<String> matchWarnings = new ArrayList<>();
        // every model gene is among the columns (absent ones as 0), so the core's gene match finds them all
        this.preparer = new BatchPreparer(model.plan, genes, null, true, matchWarnings);
        warnings.addAll(matchWarnings);
        this.thresholds = Thresholds.compute(model.validation, theta);
        this.probabilities = probabilities;
        this.latent = latent;
        this.chunkRows = chunkRows;
        this.ids = wholeTable && Jind.isAlignedToABatch(model) ? new ArrayList<>() : null;
        this.chunk = newChunk();
    }

    private DatasetBuilder newChunk() {
        return new DatasetBuilder(genes, new String[0], policy, "the input table");
    }

    /**
     * Adds a cell: its gene values in the order of {@code genes} (NaN: missing; the array may be reused). True
     * when the chunk is full and {@link #annotateChunk} is due.
     */
    public boolean add(String cellId, double[] values) {
        chunk.addRow(cellId, values, new String[0]);
        if (ids != null) {
            ids.add(cellId);
        }
        cells++;
        return buffered() >= chunkRows;
    }

    /** Cells added since the last {@link #annotateChunk}. */
    public int buffered() {
        return cells - annotated;
    }

    /**
     * Annotates the cells added since the last call and returns their appended values, in the order added (as
     * {@link AnnotateOutput#values(Predictor.Coded, int, boolean, boolean)}); an empty array when there are none.
     */
    public Object[][] annotateChunk() {
        int n = buffered();
        if (n == 0) {
            return new Object[0][];
        }
        missingAsZero += chunk.missingTreatedAsZero();
        Dataset data = chunk.build();
        chunk = newChunk();
        annotated = cells;
        SparseMatrix x = preparer.apply(data.matrix());
        Predictor.Coded coded = Predictor.annotateWithCodes(model, x, thresholds);
        Object[][] out = new Object[n][];
        for (int i = 0; i < n; i++) {
            out[i] = AnnotateOutput.values(coded, i, probabilities, latent);
        }
        return out;
    }

    /** Cells added so far. */
    public int cells() {
        return cells;
    }

    /**
     * The warnings, each once, after the last chunk: the core's, missing values treated as 0, and an aligned
     * model meeting another batch.
     */
    public List<String> warnings() {
        List<String> out = new ArrayList<>(warnings);
        String missing = DatasetBuilder.missingValueWarning(missingAsZero);
        if (missing != null) {
            out.add(missing);
        }
        if (ids != null && cells > 0) {
            ProgressAdapter other = new ProgressAdapter(ProgressSink.NONE);
            Jind.warnIfOtherBatch(model, Dataset.fingerprint(ids.toArray(new String[0])), cells, other);
            out.addAll(other.warnings());
        }
        return out;
    }
}
