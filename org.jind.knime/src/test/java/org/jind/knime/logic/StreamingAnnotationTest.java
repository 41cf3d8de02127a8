package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.nn.ClassifierNet;
import org.junit.Test;

/**
 * Annotate &amp; Reject reads, annotates and writes a table chunk by chunk ({@link StreamingAnnotator}), in execute
 * and in KNIME's streaming executor alike: whatever the chunk size, the appended values equal those of
 * annotating the whole table at once, and the latent code is the one the cells were classified from.
 */
public class StreamingAnnotationTest {
    private static final AnnotateOutput.Names NAMES = AnnotateOutput.Names.defaults();

    /** The table's appended values as the node computes them, with chunks of {@code chunkRows} rows. */
    private static List<Object[]> annotateInChunks(JindModel model, Dataset table, List<ColumnInfo> columns,
            boolean latent, int chunkRows, List<String> warnings) {
        return annotateInChunks(model, table, columns, latent, chunkRows, true, warnings);
    }

    private static List<Object[]> annotateInChunks(JindModel model, Dataset table, List<ColumnInfo> columns,
            boolean latent, int chunkRows, boolean wholeTable, List<String> warnings) {
        GeneColumns.ForModel genes = GeneColumns.readForModel(columns, model);
        StreamingAnnotator a = new StreamingAnnotator(model, genes.names(), 0.05, MissingValuePolicy.ZERO, true,
                latent, chunkRows, wholeTable);
        List<Object[]> out = new ArrayList<>();
        double[] values = new double[genes.names().length];
        int chunks = 0;
        for (TinyJind.Row r : TinyJind.rows(table)) {
            for (int j = 0; j < genes.columns().length; j++) {
                values[j] = r.values()[genes.columns()[j]];
            }
            if (a.add(r.id(), values)) {
                assertEquals(chunkRows, a.buffered());
                out.addAll(List.of(a.annotateChunk()));
                assertEquals(0, a.buffered());
                chunks++;
            }
        }
        out.addAll(List.of(a.annotateChunk()));
        assertEquals(table.cells() / chunkRows, chunks);
        assertEquals(table.cells(), a.cells());
        warnings.addAll(a.warnings());
        return out;
    }

    private static List<ColumnInfo> numeric(String[] genes) {
        return Arrays.stream(genes).map(ColumnInfo::numeric).toList();
    }

    @Test
    public void chunkedAnnotationEqualsAnnotatingTheWholeTable() {
        JindModel model = TinyJind.trained();
        Dataset table = TinyJind.target();
        Annotation whole = Jind.annotate(model, table, 0.05, false, Progress.NONE);
        List<Object[]> reference = new ArrayList<>();
        for (int i = 0; i < whole.cells(); i++) {
            reference.add(AnnotateOutput.values(whole, i, true));
        }
        assertTrue("several chunks of 7 rows", table.cells() > 3 * 7);
        for (int chunk : new int[] {StreamingAnnotator.CHUNK_ROWS, 7, 1}) {
            List<String> warnings = new ArrayList<>();
            List<Object[]> rows = annotateInChunks(model, table, numeric(table.genes()), false, chunk, warnings);
            assertEquals(reference.size(), rows.size());
            for (int i = 0; i < rows.size(); i++) {
                if (chunk == StreamingAnnotator.CHUNK_ROWS) {
                    // the node's chunks are the core's prediction batches: bit for bit what the whole table gives
                    assertArrayEquals("chunks of " + chunk + ", row " + i, reference.get(i), rows.get(i));
                    continue;
                }
                // other chunk sizes change the matrix products' blocking: the same up to float rounding
                Object[] want = reference.get(i);
                Object[] got = rows.get(i);
                assertEquals(want.length, got.length);
                assertEquals(want[0], got[0]);
                for (int c = 2; c < want.length; c++) {
                    assertEquals("chunks of " + chunk + ", row " + i + ", column " + c, (Double) want[c],
                            (Double) got[c], 1e-6);
                }
            }
            assertEquals(List.of(), warnings);
        }
    }

    @Test
    public void theLatentCodeIsAppendedAndIsWhatTheCellsWereClassifiedFrom() {
        JindModel model = TinyJind.aligned(); // through the generator
        Dataset table = TinyJind.target();
        List<ColumnInfo> columns = numeric(table.genes());
        List<Object[]> rows = annotateInChunks(model, table, columns, true, 16, new ArrayList<>());
        List<OutputColumn> spec = AnnotateOutput.columns(List.of("latent_3"), ModelSummary.of(model), NAMES, true,
                true);
        int k = model.classes.length;
        assertEquals(3 + k + ClassifierNet.LATENT, spec.size());
        assertEquals("latent_0", spec.get(3 + k).name());
        assertEquals("latent_3 (#1)", spec.get(3 + k + 3).name()); // never replaces a column of the table
        assertEquals("latent_255", spec.get(spec.size() - 1).name());
        assertTrue(spec.subList(3, spec.size()).stream().allMatch(c -> c.kind() == OutputColumn.Kind.DOUBLE));
        // the same values as without the code, followed by the code
        List<Object[]> plain = annotateInChunks(model, table, columns, false, 16, new ArrayList<>());
        float[] codes = org.jind.core.nn.Tensors.toArray(model.generator.code(new org.jind.core.train.Batches(
                Jind.prepare(model, table, false, Progress.NONE).matrixFor(model.plan)).range(0, table.cells())));
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = rows.get(i);
            assertEquals(spec.size(), r.length);
            assertArrayEquals(plain.get(i), Arrays.copyOf(r, 3 + k));
            for (int d = 0; d < ClassifierNet.LATENT; d++) {
                assertEquals("cell " + i + " dimension " + d, codes[i * ClassifierNet.LATENT + d],
                        (Double) r[3 + k + d], 1e-5);
            }
        }
        // the codes differ between cells (not a constant column)
        assertNotEquals(rows.get(0)[3 + k], rows.get(1)[3 + k]);
    }

    @Test
    public void warningsComeOnceForTheWholeTable() {
        JindModel aligned = TinyJind.aligned();
        // the batch the model was aligned to: no warning, although each chunk alone is another set of cells
        List<String> same = new ArrayList<>();
        annotateInChunks(aligned, TinyJind.target(), numeric(TinyJind.target().genes()), false, 10, same);
        assertEquals(List.of(), same);
        // another batch: one warning naming the whole table's cell count
        Dataset other = TinyJind.source();
        List<String> warnings = new ArrayList<>();
        annotateInChunks(aligned, other, numeric(other.genes()), false, 10, warnings);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("may not suit these " + other.cells() + " cells."));
        // one partition of a distributed streaming run sees part of the cells: it cannot tell, so says nothing
        List<String> partition = new ArrayList<>();
        annotateInChunks(aligned, other, numeric(other.genes()), false, 10, false, partition);
        assertEquals(List.of(), partition);
        // absent genes are read as 0 columns: the core does not warn a second time about them
        JindModel model = TinyJind.trained();
        String[] genes = model.plan.selectedGenes();
        List<ColumnInfo> withoutOne = new ArrayList<>(numeric(other.genes()));
        withoutOne.removeIf(c -> c.name().equals(genes[0]));
        List<String> absent = new ArrayList<>();
        annotateInChunks(model, other, withoutOne, false, 10, absent);
        assertEquals(List.of(), absent);
    }

    @Test
    public void genesNamedTheOtherWayAreFoundThroughTheModelsOtherIdentifiers() {
        // a model trained on a source that names each gene both ways (as 10x files do: symbol and Ensembl id)
        Dataset plain = TinyJind.source();
        String[] ids = Arrays.stream(plain.genes()).map(g -> "ENSG" + g).toArray(String[]::new);
        Dataset source = new Dataset(plain.matrix(), plain.cellIds(), plain.genes(), ids,
                java.util.Map.of(TinyJind.LABEL, plain.obs(TinyJind.LABEL)), "two identifiers");
        JindModel model = Jind.train(source, TinyJind.LABEL, null, TinyJind.trainSettings(), Progress.NONE);
        ModelSummary summary = ModelSummary.of(model);
        assertEquals("ENSG" + summary.genes()[0], summary.geneAliases()[0]);
        // the port spec keeps the other identifiers
        assertEquals(summary, ModelSummary.fromStored(summary.storedStrings(), summary.storedArrays()));

        // a table whose columns are the ids: every gene found, and the node says how
        Dataset table = TinyJind.target();
        List<ColumnInfo> byId = Arrays.stream(table.genes()).map(g -> ColumnInfo.numeric("ENSG" + g)).toList();
        String note = ModelChecks.checkGenes(summary, byId, false);
        assertTrue(note, note.contains("matched through the model's other gene identifiers"));
        assertEquals(null, ModelChecks.checkGenes(summary, numeric(table.genes()), false));
        // ... and annotates exactly as the table named by symbols
        List<Object[]> viaIds = annotateInChunks(model, table, byId, false, StreamingAnnotator.CHUNK_ROWS,
                new ArrayList<>());
        List<Object[]> viaNames = annotateInChunks(model, table, numeric(table.genes()), false,
                StreamingAnnotator.CHUNK_ROWS, new ArrayList<>());
        assertEquals(viaNames.size(), viaIds.size());
        for (int i = 0; i < viaIds.size(); i++) {
            assertArrayEquals(viaNames.get(i), viaIds.get(i));
        }
    }

    @Test
    public void missingValuesTreatedAs0AreCountedOverAllChunks() {
        JindModel model = TinyJind.trained();
        Dataset table = TinyJind.target();
        GeneColumns.ForModel genes = GeneColumns.readForModel(numeric(table.genes()), model);
        StreamingAnnotator a = new StreamingAnnotator(model, genes.names(), 0.05, MissingValuePolicy.ZERO, false,
                false, 2, true);
        double[] values = new double[genes.names().length];
        for (int i = 0; i < 5; i++) {
            Arrays.fill(values, 1);
            values[0] = Double.NaN;
            a.add("c" + i, values);
            a.annotateChunk();
        }
        assertEquals(List.of("5 missing values in gene columns were treated as 0."), a.warnings());
    }
}
