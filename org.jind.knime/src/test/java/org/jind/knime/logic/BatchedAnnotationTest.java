package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.junit.Test;

/**
 * Annotate &amp; Reject with one model per batch ({@link BatchedAnnotator}): whatever the chunk size, every cell
 * gets what its own batch's model gives it (never another batch's), in the input order; a row without a batch is
 * refused by name.
 */
public class BatchedAnnotationTest {

    /** Each cell's batch: alternately a (the trained model's) and b (the aligned model's), in runs of three. */
    private static String batchOf(int row) {
        return (row / 3) % 2 == 0 ? "a" : "b";
    }

    private static final Map<String, JindModel> MODELS = Map.of("a", TinyJind.trained(), "b", TinyJind.aligned());

    /** The appended values of every row, rows read {@code chunkRows} at a time and grouped by batch per chunk. */
    private static List<Object[]> annotate(Dataset table, int chunkRows, List<String> met) {
        JindModel any = TinyJind.trained();
        GeneColumns.ForModel genes = GeneColumns.readForModel(
                Arrays.stream(table.genes()).map(ColumnInfo::numeric).toList(), any);
        BatchedAnnotator a = new BatchedAnnotator(batch -> {
            met.add(batch);
            return new StreamingAnnotator(MODELS.get(batch), genes.names(), 0.05, MissingValuePolicy.ZERO, true,
                    false, chunkRows, true);
        }, "donor", chunkRows);
        List<Object[]> out = new ArrayList<>();
        double[] values = new double[genes.names().length];
        int i = 0;
        for (TinyJind.Row r : TinyJind.rows(table)) {
            for (int j = 0; j < genes.columns().length; j++) {
                values[j] = r.values()[genes.columns()[j]];
            }
            if (a.add(r.id(), batchOf(i++), values)) {
                out.addAll(List.of(a.annotateChunk()));
            }
        }
        out.addAll(List.of(a.annotateChunk()));
        assertEquals(table.cells(), a.cells());
        return out;
    }

    /** Each batch's rows annotated alone by its own model, put back in the table's order. */
    private static List<Object[]> eachBatchAlone(Dataset table) {
        Object[][] out = new Object[table.cells()][];
        for (String batch : List.of("a", "b")) {
            JindModel model = MODELS.get(batch);
            GeneColumns.ForModel genes = GeneColumns.readForModel(
                    Arrays.stream(table.genes()).map(ColumnInfo::numeric).toList(), model);
            StreamingAnnotator s = new StreamingAnnotator(model, genes.names(), 0.05, MissingValuePolicy.ZERO, true,
                    false, StreamingAnnotator.CHUNK_ROWS, true);
            List<Integer> rows = new ArrayList<>();
            double[] values = new double[genes.names().length];
            int i = 0;
            for (TinyJind.Row r : TinyJind.rows(table)) {
                if (batchOf(i).equals(batch)) {
                    for (int j = 0; j < genes.columns().length; j++) {
                        values[j] = r.values()[genes.columns()[j]];
                    }
                    s.add(r.id(), values);
                    rows.add(i);
                }
                i++;
            }
            Object[][] annotated = s.annotateChunk();
            for (int k = 0; k < rows.size(); k++) {
                out[rows.get(k)] = annotated[k];
            }
        }
        return Arrays.asList(out);
    }

    @Test
    public void everyCellGetsItsOwnBatchsModelWhateverTheChunkSize() {
        Dataset table = TinyJind.target();
        List<Object[]> reference = eachBatchAlone(table);
        // the two models differ on these cells, so a cell given the other batch's model would be seen
        List<String> ignored = new ArrayList<>();
        List<Object[]> allByTrained = new ArrayList<>();
        for (Object[] r : annotateOneModel(table)) {
            allByTrained.add(r);
        }
        boolean differs = false;
        for (int i = 0; i < table.cells(); i++) {
            if (batchOf(i).equals("b") && !Arrays.equals(allByTrained.get(i), reference.get(i))) {
                differs = true;
            }
        }
        assertTrue("the aligned model gives batch b other values than the trained one", differs);
        for (int chunk : new int[] {7, 50, 1000}) {
            List<String> met = new ArrayList<>();
            List<Object[]> rows = annotate(table, chunk, met);
            assertEquals("each batch's model made once", List.of("a", "b"), met);
            assertEquals(reference.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Object[] want = reference.get(i);
                Object[] got = rows.get(i);
                assertEquals(want.length, got.length);
                assertEquals("chunks of " + chunk + ", row " + i, want[0], got[0]);
                for (int c = 2; c < want.length; c++) {
                    assertEquals("chunks of " + chunk + ", row " + i + ", column " + c, (Double) want[c],
                            (Double) got[c], 1e-6);
                }
            }
            // the same chunk size twice (normal execution and streaming run this code): the same rows, bit for bit
            List<Object[]> again = annotate(table, chunk, ignored);
            for (int i = 0; i < rows.size(); i++) {
                assertArrayEquals(rows.get(i), again.get(i));
            }
        }
    }

    /** Every row by the trained model, as a port with one model gives it. */
    private static List<Object[]> annotateOneModel(Dataset table) {
        JindModel model = TinyJind.trained();
        GeneColumns.ForModel genes = GeneColumns.readForModel(
                Arrays.stream(table.genes()).map(ColumnInfo::numeric).toList(), model);
        BatchedAnnotator a = new BatchedAnnotator(batch -> {
            assertEquals("a port with one model has no batches", null, batch);
            return new StreamingAnnotator(model, genes.names(), 0.05, MissingValuePolicy.ZERO, true, false,
                    StreamingAnnotator.CHUNK_ROWS, true);
        }, null, StreamingAnnotator.CHUNK_ROWS);
        double[] values = new double[genes.names().length];
        List<Object[]> out = new ArrayList<>();
        for (TinyJind.Row r : TinyJind.rows(table)) {
            for (int j = 0; j < genes.columns().length; j++) {
                values[j] = r.values()[genes.columns()[j]];
            }
            assertFalse(a.add(r.id(), null, values));
        }
        out.addAll(List.of(a.annotateChunk()));
        assertEquals(java.util.Collections.singletonList(null), a.batches());
        return out;
    }

    @Test
    public void aRowWithoutABatchIsRefusedByName() {
        BatchedAnnotator a = new BatchedAnnotator(batch -> {
            throw new AssertionError("no model is needed before the refusal");
        }, "donor", 10);
        try {
            a.add("cell 7", null, new double[0]);
            fail("a row without a batch was accepted");
        } catch (JindException e) {
            assertEquals("Row 'cell 7' has no value in the batch column 'donor', so no model of the input port can"
                    + " be chosen for it; fill in its batch or filter such rows out.", e.getMessage());
        }
    }
}
