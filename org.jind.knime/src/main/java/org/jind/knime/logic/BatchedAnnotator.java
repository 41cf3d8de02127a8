package org.jind.knime.logic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.jind.core.JindException;

/**
 * Annotates a table that arrives row by row when each cell's model depends on its batch (a model port with one
 * model per batch): the rows are read {@link StreamingAnnotator#CHUNK_ROWS} at a time, each chunk's rows are
 * grouped by batch and each group annotated by its batch's {@link StreamingAnnotator}, and the results come back
 * in the input order. Without batches (batch {@code null} for every row) it is exactly one StreamingAnnotator.
 * Execute and the streaming operator both run this, so both give the same rows.
 */
public final class BatchedAnnotator {
    private final Function<String, StreamingAnnotator> annotatorFor;
    private final String batchColumn;
    private final int chunkRows;
    /** One annotator per batch met so far (its model decoded once), in the order met. */
    private final Map<String, StreamingAnnotator> annotators = new LinkedHashMap<>();
    /** The batch of each row of the current chunk, in input order. */
    private final List<String> chunk = new ArrayList<>();
    private long cells;

    /**
     * @param annotatorFor a new annotator for the cells of a batch ({@code null}: the one model); it refuses a
     *                     batch the port has no model for
     * @param batchColumn  the batch column's name, for the sentence about a row without a batch; null without
     *                     batches
     * @param chunkRows    rows per chunk ({@link StreamingAnnotator#CHUNK_ROWS}; tests use others)
     */
    public BatchedAnnotator(Function<String, StreamingAnnotator> annotatorFor, String batchColumn, int chunkRows) {
        this.annotatorFor = annotatorFor;
        this.batchColumn = batchColumn;
        this.chunkRows = chunkRows;
    }

    /**
     * Adds a cell of {@code batch} (null when there are no batches): its gene values as for
     * {@link StreamingAnnotator#add}. True when the chunk is full and {@link #annotateChunk} is due.
     */
    public boolean add(String cellId, String batch, double[] values) {
        String key = batch;
        if (batchColumn != null && batch == null) {
            throw new JindException("Row '" + cellId + "' has no value in the batch column '" + batchColumn
                    + "', so no model of the input port can be chosen for it; fill in its batch or filter such rows"
                    + " out.");
        }
        StreamingAnnotator a = annotators.get(key);
        if (a == null) {
            a = annotatorFor.apply(key);
            annotators.put(key, a);
        }
        a.add(cellId, values);
        chunk.add(key);
        cells++;
        return chunk.size() >= chunkRows;
    }

    /** Annotates the rows added since the last call; their appended values in the order added. */
    public Object[][] annotateChunk() {
        Map<String, Deque<Object[]>> byBatch = new LinkedHashMap<>();
        for (Map.Entry<String, StreamingAnnotator> e : annotators.entrySet()) {
            if (e.getValue().buffered() > 0) {
                byBatch.put(e.getKey(), new ArrayDeque<>(List.of(e.getValue().annotateChunk())));
            }
        }
        Object[][] out = new Object[chunk.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = byBatch.get(chunk.get(i)).removeFirst();
        }
        chunk.clear();
        return out;
    }

    /** Cells added so far. */
    public long cells() {
        return cells;
    }

    /** The batches met so far, in the order met (null for a table without batches). */
    public List<String> batches() {
        return new ArrayList<>(annotators.keySet());
    }

    /** The warnings after the last chunk, each batch's named by its batch. */
    public List<String> warnings() {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, StreamingAnnotator> e : annotators.entrySet()) {
            for (String w : e.getValue().warnings()) {
                out.add(e.getKey() == null ? w : "Batch '" + e.getKey() + "': " + w);
            }
        }
        return out;
    }
}
