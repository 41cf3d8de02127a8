package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** AnnData .h5ad: round trip through H5adWriter and files laid out like anndata writes them (via jHDF). */
public class H5adReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** 3 cells × 4 genes with zeros, fractions and a negative value (the reader must not alter values). */
    static final float[][] DENSE = {
            {0f, 1.5f, 0f, 7f},
            {2f, 0f, 0f, 0f},
            {0f, -3.25f, 4f, 1e6f}};
    static final String[] CELLS = {"AAAC-1", "AAAG-1", "AACT-1"};
    static final String[] GENES = {"CD3E", "MS4A1", "LYZ", "NKG7"};

    static void assertMatrix(float[][] expected, SparseMatrix m) {
        assertEquals("rows", expected.length, m.rows());
        assertEquals("cols", expected[0].length, m.cols());
        long nnz = 0;
        for (int r = 0; r < expected.length; r++) {
            for (int c = 0; c < expected[r].length; c++) {
                assertEquals("X[" + r + "," + c + "]", expected[r][c], m.get(r, c), 0f);
                if (expected[r][c] != 0f) {
                    nnz++;
                }
            }
            for (int k = m.rowStart(r) + 1; k < m.rowEnd(r); k++) {
                assertTrue("column indices of row " + r + " must increase", m.colIndex(k) > m.colIndex(k - 1));
            }
        }
        assertEquals("stored non-zeros", nnz, m.nonZeros());
    }

    private Dataset read(Path p) {
        return DatasetReader.read(p, null, Set.of());
    }

    // ---- round trip through our own writer ----

    @Test
    public void roundTripThroughH5adWriterKeepsValuesIdsGenesAndObsIncludingNulls() throws Exception {
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", new String[] {"T cell", null, "B cell"});
        obs.put("batch", new String[] {"b1", "b2", "b1"});
        Dataset d = new Dataset(SparseMatrix.fromDense(DENSE), CELLS.clone(), GENES.clone(), obs, "test");
        Path f = tmp.getRoot().toPath().resolve("round.h5ad");
        H5adWriter.write(d, f);

        Dataset back = read(f);
        assertMatrix(DENSE, back.matrix());
        assertArrayEquals(CELLS, back.cellIds());
        assertArrayEquals(GENES, back.genes());
        assertEquals(Set.of("cell_type", "batch"), back.obsColumns());
        assertArrayEquals(new String[] {"T cell", null, "B cell"}, back.obs("cell_type"));
        assertArrayEquals(new String[] {"b1", "b2", "b1"}, back.obs("batch"));
        // no stray temporary file next to the output
        assertArrayEquals(new String[] {"round.h5ad"}, tmp.getRoot().list());
    }

    @Test
    public void roundTripOfAnAllZeroMatrixAndAnAllMissingColumn() throws Exception {
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", new String[] {null, null});
        obs.put("batch", new String[] {"b1", "b1"});
        Path f = tmp.getRoot().toPath().resolve("zeros.h5ad");
        H5adWriter.write(new Dataset(SparseMatrix.fromDense(new float[2][3]), new String[] {"a", "b"},
                new String[] {"g1", "g2", "g3"}, obs, "t"), f);
        Dataset back = read(f);
        assertMatrix(new float[2][3], back.matrix());
        assertArrayEquals(new String[] {null, null}, back.obs("cell_type"));
        assertArrayEquals(new String[] {"b1", "b1"}, back.obs("batch"));
    }

    @Test
    public void explicitZerosInSparseXAreNotStored() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("explicit.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            WritableGroup x = h5.putGroup("X");
            x.putAttribute("encoding-type", "csr_matrix");
            x.putAttribute("shape", new long[] {2, 2});
            x.putDataset("data", new float[] {0, 5, 0});
            x.putDataset("indices", new int[] {0, 1, 1});
            x.putDataset("indptr", new int[] {0, 2, 3});
            frames(h5, "_index", new String[] {"a", "b"}, "_index", new String[] {"g1", "g2"});
        }
        assertMatrix(new float[][] {{0, 5}, {0, 0}}, read(f).matrix());
    }

    @Test
    public void roundTripThenBatchSelectionKeepsTheRightRows() throws Exception {
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", new String[] {"T", "B", "T"});
        obs.put("batch", new String[] {"b1", "b2", "b1"});
        Path f = tmp.getRoot().toPath().resolve("sel.h5ad");
        H5adWriter.write(new Dataset(SparseMatrix.fromDense(DENSE), CELLS.clone(), GENES.clone(), obs, "t"), f);

        Dataset b1 = DatasetReader.read(f, null, "cell_type", "batch", "b1");
        assertArrayEquals(new String[] {"AAAC-1", "AACT-1"}, b1.cellIds());
        assertMatrix(new float[][] {DENSE[0], DENSE[2]}, b1.matrix());
        assertArrayEquals(new String[] {"T", "T"}, b1.obs("cell_type"));

        Dataset all = DatasetReader.read(f, null, "cell_type", "batch", null);
        assertEquals(3, all.cells());
    }

    // ---- files written the way anndata lays them out ----

    /** obs and var dataframes with the current `_index` attribute; returns obs for more columns. */
    private static WritableGroup frames(WritableHdfFile h5, String obsIndex, String[] cells, String varIndex, String[] genes) {
        WritableGroup obs = h5.putGroup("obs");
        obs.putAttribute("encoding-type", "dataframe");
        obs.putAttribute("_index", obsIndex);
        obs.putDataset(obsIndex, cells);
        WritableGroup var = h5.putGroup("var");
        var.putAttribute("encoding-type", "dataframe");
        var.putAttribute("_index", varIndex);
        var.putDataset(varIndex, genes);
        return obs;
    }

    private static void currentCategorical(WritableGroup obs, String name, Object codes, String[] categories) {
        WritableGroup g = obs.putGroup(name);
        g.putAttribute("encoding-type", "categorical");
        g.putAttribute("encoding-version", "0.2.0");
        g.putDataset("codes", codes);
        g.putDataset("categories", categories);
    }

    @Test
    public void denseXWithVarIndexNamedByAttributeAndCurrentCategoricals() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("dense.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", DENSE);
            WritableGroup obs = frames(h5, "barcode", CELLS, "gene_symbols", GENES);
            // int8 codes as anndata writes them; -1 is a missing value
            currentCategorical(obs, "cell_type", new byte[] {1, -1, 0}, new String[] {"B cell", "T cell"});
            currentCategorical(obs, "batch", new int[] {0, 0, 1}, new String[] {"p1", "p2"});
        }
        Dataset d = read(f);
        assertMatrix(DENSE, d.matrix());
        assertArrayEquals(CELLS, d.cellIds());
        assertArrayEquals(GENES, d.genes());
        assertFalse("the index column is not an annotation", d.hasObs("barcode"));
        assertArrayEquals(new String[] {"T cell", null, "B cell"}, d.obs("cell_type"));
        assertArrayEquals(new String[] {"p1", "p1", "p2"}, d.obs("batch"));
    }

    @Test
    public void denseDoubleXIsReadAsFloats() throws Exception {
        double[][] x = {{0.5, 0}, {0, 2.25}};
        Path f = tmp.getRoot().toPath().resolve("dd.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", x);
            frames(h5, "_index", new String[] {"c1", "c2"}, "_index", new String[] {"g1", "g2"});
        }
        Dataset d = read(f);
        assertMatrix(new float[][] {{0.5f, 0f}, {0f, 2.25f}}, d.matrix());
    }

    @Test
    public void cscXIsTransposedIntoCellsByGenes() throws Exception {
        // CSC of DENSE: column (gene) j holds the cells with a non-zero in it
        List<float[]> cols = List.of(
                new float[] {1, 2f},             // gene 0: cell 1 = 2
                new float[] {0, 1.5f, 2, -3.25f}, // gene 1: cell 0 = 1.5, cell 2 = -3.25
                new float[] {2, 4f},             // gene 2: cell 2 = 4
                new float[] {0, 7f, 2, 1e6f});   // gene 3: cell 0 = 7, cell 2 = 1e6
        int nnz = cols.stream().mapToInt(c -> c.length / 2).sum();
        float[] data = new float[nnz];
        int[] indices = new int[nnz];
        long[] indptr = new long[GENES.length + 1]; // int64 indptr, as scipy writes for large matrices
        int k = 0;
        for (int j = 0; j < cols.size(); j++) {
            float[] c = cols.get(j);
            for (int i = 0; i < c.length; i += 2) {
                indices[k] = (int) c[i];
                data[k++] = c[i + 1];
            }
            indptr[j + 1] = k;
        }
        Path f = tmp.getRoot().toPath().resolve("csc.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            WritableGroup x = h5.putGroup("X");
            x.putAttribute("encoding-type", "csc_matrix");
            x.putAttribute("encoding-version", "0.1.0");
            x.putAttribute("shape", new long[] {CELLS.length, GENES.length});
            x.putDataset("data", data);
            x.putDataset("indices", indices);
            x.putDataset("indptr", indptr);
            frames(h5, "_index", CELLS, "_index", GENES);
        }
        Dataset d = read(f);
        assertMatrix(DENSE, d.matrix());
        assertArrayEquals(CELLS, d.cellIds());
        assertArrayEquals(GENES, d.genes());
    }

    @Test
    public void csrXWithUnsortedIndicesWithinARowIsSorted() throws Exception {
        // row 0 lists gene 3 before gene 1 (scipy allows this)
        Path f = tmp.getRoot().toPath().resolve("csr.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            WritableGroup x = h5.putGroup("X");
            x.putAttribute("encoding-type", "csr_matrix");
            x.putAttribute("shape", new int[] {3, 4});
            x.putDataset("data", new double[] {7, 1.5, 2, 1e6, -3.25, 4});
            x.putDataset("indices", new int[] {3, 1, 0, 3, 1, 2});
            x.putDataset("indptr", new int[] {0, 2, 3, 6});
            frames(h5, "_index", CELLS, "_index", GENES);
        }
        assertMatrix(DENSE, read(f).matrix());
    }

    @Test
    public void oldCategoricalLayoutWithCategoriesGroupAndDefaultIndexNames() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("old.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", DENSE);
            // older anndata: no _index attribute, index dataset literally named "_index"
            WritableGroup obs = h5.putGroup("obs");
            obs.putDataset("_index", CELLS);
            obs.putDataset("louvain", new int[] {2, 0, 2});
            obs.putDataset("n_genes", new int[] {2, 1, 3}); // a plain numeric column
            WritableGroup cats = obs.putGroup("__categories");
            cats.putDataset("louvain", new String[] {"NK", "Mono", "B"});
            WritableGroup var = h5.putGroup("var");
            var.putDataset("_index", GENES);
        }
        Dataset d = read(f);
        assertMatrix(DENSE, d.matrix());
        assertArrayEquals(CELLS, d.cellIds());
        assertArrayEquals(GENES, d.genes());
        assertArrayEquals(new String[] {"B", "NK", "B"}, d.obs("louvain"));
        assertArrayEquals(new String[] {"2", "1", "3"}, d.obs("n_genes"));
        assertFalse("__categories is not an annotation column", d.hasObs("__categories"));
        assertEquals(Set.of("louvain", "n_genes"), d.obsColumns());
    }

    @Test
    public void plainStringObsColumnIsReadAsIs() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("str.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", DENSE);
            WritableGroup obs = frames(h5, "_index", CELLS, "_index", GENES);
            obs.putDataset("cell_type", new String[] {"x", "y", "x"});
        }
        assertArrayEquals(new String[] {"x", "y", "x"}, read(f).obs("cell_type"));
    }

    @Test
    public void sameDataInDenseCsrAndCscGivesTheSameDataset() throws Exception {
        Path dense = tmp.getRoot().toPath().resolve("a.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(dense)) {
            h5.putDataset("X", DENSE);
            frames(h5, "_index", CELLS, "_index", GENES);
        }
        Path csr = tmp.getRoot().toPath().resolve("b.h5ad");
        H5adWriter.write(new Dataset(SparseMatrix.fromDense(DENSE), CELLS.clone(), GENES.clone(), Map.of(), "t"), csr);
        SparseMatrix a = read(dense).matrix();
        SparseMatrix b = read(csr).matrix();
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 4; c++) {
                assertEquals(a.get(r, c), b.get(r, c), 0f);
            }
        }
        assertTrue("no obs columns were written", read(csr).obsColumns().isEmpty());
    }
}
