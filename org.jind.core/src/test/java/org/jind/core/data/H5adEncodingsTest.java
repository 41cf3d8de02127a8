package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.model.TrainSettings;
import org.jind.core.train.Labels;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * The AnnData element encodings a data frame holds (on-disk specification, as anndata 0.11-0.12 write them under
 * pandas 3), files with no cells or no genes, and a sentence for what cannot be read. The fixtures that need HDF5
 * booleans or variable-length strings, which jHDF cannot write, are test resources written by
 * {@code make-anndata-encodings.py} (h5py); the others are written here with jHDF.
 */
public class H5adEncodingsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path resource(String name) throws Exception {
        Path f = tmp.getRoot().toPath().resolve(name);
        try (InputStream in = getClass().getResourceAsStream(name)) {
            Files.copy(in, f);
        }
        return f;
    }

    private static Dataset read(Path f) {
        return DatasetReader.read(f, null, Set.of());
    }

    // ---- nullable.h5ad: index and columns of every encoding, with missing values ----

    @Test
    public void nullableStringIndexesAndColumnsOfEveryEncodingWithMasksAsMissingValues() throws Exception {
        Dataset d = read(resource("nullable.h5ad"));
        assertArrayEquals("obs index, a nullable-string-array", new String[] {"AAAC-1", "AAAG-1", "AACT-1"},
                d.cellIds());
        assertArrayEquals("var index, a nullable-string-array", new String[] {"ENSG01", "ENSG02", "ENSG03", "ENSG04"},
                d.genes());
        assertArrayEquals("var feature_name (nullable-string-array) as the other identifier",
                new String[] {"CD3E", "MS4A1", null, "NKG7"}, d.geneAliases());
        H5adReaderTest.assertMatrix(new float[][] {{1, 0, 0, 2}, {0, 3, 0, 0}, {0, 0, 4, 5}}, d.matrix());
        assertEquals("every column, in column-order", List.of("cell_type", "batch", "flag", "n_counts", "is_doublet",
                "passed_qc", "score", "donor"), List.copyOf(d.obsColumns()));
        assertArrayEquals("nullable-string-array", new String[] {"T cell", null, "B cell"}, d.obs("cell_type"));
        assertArrayEquals("categorical with nullable-string-array categories", new String[] {"p2", "p1", null},
                d.obs("batch"));
        assertArrayEquals("boolean categorical", new String[] {"True", "False", "True"}, d.obs("flag"));
        assertArrayEquals("nullable-integer", new String[] {"3", null, "9"}, d.obs("n_counts"));
        assertArrayEquals("nullable-boolean", new String[] {"False", null, "True"}, d.obs("is_doublet"));
        assertArrayEquals("boolean array", new String[] {"True", "False", "True"}, d.obs("passed_qc"));
        assertArrayEquals("float array", new String[] {"0.5", "1.25", "-2.0"}, d.obs("score"));
        assertArrayEquals("string-array", new String[] {"d1", "d2", "d1"}, d.obs("donor"));
    }

    @Test
    public void aMaskedLabelIsAMissingLabel() throws Exception {
        Dataset d = read(resource("nullable.h5ad"));
        try {
            Labels.forTraining(d.obs("cell_type"), "cell_type");
            fail("a masked label must count as missing");
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("1 of 3 cells has no label"));
        }
    }

    @Test
    public void infoListsEveryColumnWithItsKindAndTheNullableIdentifier() throws Exception {
        DatasetInfo info = DatasetReader.info(resource("nullable.h5ad"));
        assertEquals(3, info.cells());
        Map<String, DatasetInfo.Column> cols = new java.util.LinkedHashMap<>();
        info.obs().forEach(c -> cols.put(c.name(), c));
        assertEquals(List.of("cell_type", "batch", "flag", "n_counts", "is_doublet", "passed_qc", "score", "donor"),
                List.copyOf(cols.keySet()));
        assertEquals(DatasetInfo.Kind.STRING, cols.get("cell_type").kind());
        assertEquals(List.of("B cell", "T cell"), cols.get("cell_type").levels());
        assertEquals(List.of("False", "True"), cols.get("flag").levels());
        assertEquals(DatasetInfo.Kind.INT, cols.get("n_counts").kind());
        assertEquals(DatasetInfo.Kind.DOUBLE, cols.get("score").kind());
        assertEquals(DatasetInfo.Kind.STRING, cols.get("is_doublet").kind());
        assertEquals(List.of(H5adReader.VAR_INDEX, "feature_name"), info.identifiers().subList(0, 2));
        // the missing symbol takes the index's name
        assertArrayEquals(new String[] {"CD3E", "MS4A1", "ENSG03", "NKG7"}, info.geneNames("feature_name"));
    }

    @Test
    public void chunksOfANullableFileCarryTheSameIdsAndAnnotations() throws Exception {
        try (CellChunks c = DatasetReader.open(resource("nullable.h5ad"), null, Set.of())) {
            Dataset d = c.next(2);
            assertArrayEquals(new String[] {"AAAC-1", "AAAG-1"}, d.cellIds());
            assertArrayEquals(new String[] {"p2", "p1"}, d.obs("batch"));
            assertArrayEquals(new String[] {"ENSG01", "ENSG02", "ENSG03", "ENSG04"}, d.genes());
        }
    }

    @Test
    public void aMissingCellIdIsRefusedNamingTheIndex() throws Exception {
        refused(resource("masked-index.h5ad"), "the index of obs (obs/_index) has a missing entry at row 2",
                "every one of the cells needs a name");
    }

    // ---- files with no cells or no genes ----

    @Test
    public void zeroCellsOpen() throws Exception {
        Path f = resource("zero-cells.h5ad");
        Dataset d = read(f);
        assertEquals(0, d.cells());
        assertArrayEquals(new String[] {"g1", "g2", "g3"}, d.genes());
        assertArrayEquals(new String[0], d.obs("cell_type"));
        DatasetInfo info = DatasetReader.info(f);
        assertEquals(0, info.cells());
        assertEquals(3, info.genes());
        try (CellChunks c = DatasetReader.open(f, null, Set.of())) {
            assertEquals(0, c.cells());
        }
    }

    @Test
    public void zeroGenesOpen() throws Exception {
        Path f = resource("zero-genes.h5ad");
        Dataset d = read(f);
        assertEquals(2, d.cells());
        assertEquals(0, d.genes().length);
        assertArrayEquals(new String[] {"T", "B"}, d.obs("cell_type"));
        assertEquals(0, DatasetReader.info(f).genes());
    }

    @Test
    public void trainingRefusesNoCellsAndNoGenesWithASentence() throws Exception {
        for (String name : List.of("zero-cells.h5ad", "zero-genes.h5ad")) {
            Dataset d = read(resource(name));
            try {
                Jind.train(d, "cell_type", null, new TrainSettings(10, 1, 8, 1e-3, 0.2, 0), Progress.NONE);
                fail("training on " + name);
            } catch (JindException e) {
                assertEquals("The training data hold " + d.cells() + " cells × " + d.genes().length + " genes;"
                        + " training needs cells with genes.", e.getMessage());
            }
        }
    }

    // ---- written with jHDF: what cannot be read gets a sentence naming the element and its encoding ----

    /** A file with X (3 × 2 dense) and obs/var frames; {@code obs} adds columns. */
    private Path file(String name, Consumer<WritableGroup> obs) throws Exception {
        Path f = tmp.getRoot().toPath().resolve(name);
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putAttribute("encoding-type", "anndata");
            h5.putAttribute("encoding-version", "0.1.0");
            h5.putDataset("X", new float[][] {{1, 0}, {0, 2}, {3, 0}});
            WritableGroup o = h5.putGroup("obs");
            o.putAttribute("encoding-type", "dataframe");
            o.putAttribute("encoding-version", "0.2.0");
            o.putAttribute("_index", "cell");
            o.putDataset("cell", new String[] {"c1", "c2", "c3"});
            obs.accept(o);
            WritableGroup v = h5.putGroup("var");
            v.putAttribute("encoding-type", "dataframe");
            v.putAttribute("encoding-version", "0.2.0");
            v.putAttribute("_index", "gene");
            v.putDataset("gene", new String[] {"g1", "g2"});
        }
        return f;
    }

    private static void refused(Path f, String... fragments) {
        for (Runnable r : List.<Runnable>of(() -> read(f), () -> DatasetReader.info(f),
                () -> DatasetReader.open(f, null, Set.of()).close())) {
            try {
                r.run();
                fail("expected a refusal of " + f.getFileName());
            } catch (JindException e) {
                String m = e.getMessage();
                assertTrue(m, m.startsWith(f.getFileName() + ": "));
                for (String frag : fragments) {
                    assertTrue("'" + frag + "' in: " + m, m.contains(frag));
                }
                assertFalse("no exception class: " + m, m.contains("Exception"));
            }
        }
    }

    @Test
    public void anUnknownColumnEncodingIsNamedWithItsElement() throws Exception {
        Path f = file("awkward.h5ad", obs -> {
            WritableGroup g = obs.putGroup("transcripts");
            g.putAttribute("encoding-type", "awkward-array");
            g.putAttribute("encoding-version", "0.1.0");
            g.putAttribute("length", 3L);
            g.putDataset("node0-offsets", new long[] {0, 1, 2, 3});
        });
        refused(f, "obs/transcripts is stored as 'awkward-array'", "cannot read as a data frame column",
                "nullable-string-array", "remove that column from obs");
    }

    @Test
    public void aGroupWithoutEncodingIsNamed() throws Exception {
        Path f = file("bare.h5ad", obs -> obs.putGroup("stuff").putDataset("a", new int[] {1, 2, 3}));
        refused(f, "obs/stuff is a group without an encoding-type");
    }

    @Test
    public void aTwoDimensionalColumnIsNamed() throws Exception {
        Path f = file("twod.h5ad", obs -> obs.putDataset("pcs", new float[][] {{1, 2}, {3, 4}, {5, 6}}));
        refused(f, "obs/pcs is 2-dimensional where a one-dimensional array belongs");
    }

    @Test
    public void aColumnOfTheWrongLengthIsNamed() throws Exception {
        Path f = file("short.h5ad", obs -> obs.putDataset("n", new int[] {1, 2}));
        refused(f, "obs/n has 2 entries but obs has 3 rows");
    }

    @Test
    public void aCategoricalCodeBeyondItsCategoriesIsNamed() throws Exception {
        Path f = file("codes.h5ad", obs -> {
            WritableGroup g = obs.putGroup("cell_type");
            g.putAttribute("encoding-type", "categorical");
            g.putAttribute("encoding-version", "0.2.0");
            g.putDataset("codes", new byte[] {0, 2, -1});
            g.putDataset("categories", new String[] {"T", "B"});
        });
        refused(f, "obs/cell_type/codes holds the code 2 but there are 2 categories");
    }

    @Test
    public void aNullableArrayWithoutMaskIsNamed() throws Exception {
        Path f = file("nomask.h5ad", obs -> {
            WritableGroup g = obs.putGroup("n_genes");
            g.putAttribute("encoding-type", "nullable-integer");
            g.putAttribute("encoding-version", "0.1.0");
            g.putDataset("values", new long[] {1, 2, 3});
        });
        refused(f, "obs/n_genes is a nullable-integer without 'values' and 'mask'");
    }

    @Test
    public void anIndexNamedByAnAbsentElementIsNamed() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("noindex.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", new float[][] {{1}});
            WritableGroup o = h5.putGroup("obs");
            o.putAttribute("_index", "barcode");
            o.putDataset("cell", new String[] {"c1"});
            h5.putGroup("var").putDataset("_index", new String[] {"g1"});
        }
        refused(f, "obs has no index element 'barcode'");
    }

    @Test
    public void obsAsOneDatasetIsNamedAsTheOldLayout() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("old.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", new float[][] {{1}});
            h5.putDataset("obs", new String[] {"c1"});
            h5.putGroup("var").putDataset("_index", new String[] {"g1"});
        }
        refused(f, "obs is a dataset, not a data frame group");
    }

    @Test
    public void jhdfBooleansAndIntegerCategoriesReadAsPandasShowsThem() throws Exception {
        Path f = file("bools.h5ad", obs -> {
            obs.putDataset("passed", new boolean[] {true, false, true});
            WritableGroup g = obs.putGroup("leiden");
            g.putAttribute("encoding-type", "categorical");
            g.putAttribute("encoding-version", "0.2.0");
            g.putDataset("codes", new short[] {1, 1, 0});
            g.putDataset("categories", new long[] {0, 7});
        });
        Dataset d = read(f);
        assertArrayEquals(new String[] {"True", "False", "True"}, d.obs("passed"));
        assertArrayEquals(new String[] {"7", "7", "0"}, d.obs("leiden"));
        assertFalse("the index is not a column", d.hasObs("cell"));
    }
}
