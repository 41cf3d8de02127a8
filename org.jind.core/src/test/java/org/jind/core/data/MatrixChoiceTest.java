package org.jind.core.data;

import static org.jind.core.data.H5adReaderTest.assertMatrix;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.data.AnnDataLayouts.Layout;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** The matrix to read from an .h5ad: X, raw (raw/X with raw/var's genes) or a layer, in the layouts tools write. */
public class MatrixChoiceTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final String[] CELLS = {"c1", "c2", "c3", "c4"};
    /** X's genes: Ensembl ids as CELLxGENE's var index, symbols in feature_name. */
    static final String[] IDS = {"ENSG02", "ENSG03", "ENSG05"};
    static final String[] SYMBOLS = {"CD3E", "MS4A1", "NKG7"};
    static final float[][] LOG = {{0f, 1.25f, 0.5f}, {2.5f, 0f, 0f}, {0f, 0f, 3.75f}, {0.125f, 0.25f, 0f}};
    static final float[][] COUNTS = {{0f, 4f, 1f}, {9f, 0f, 0f}, {0f, 0f, 30f}, {1f, 1f, 0f}};
    /** raw: more genes than X (those filtered out later), with its own var. */
    static final String[] RAW_IDS = {"ENSG01", "ENSG02", "ENSG03", "ENSG04", "ENSG05"};
    static final String[] RAW_SYMBOLS = {"MALAT1", "CD3E", "MS4A1", "MT-CO1", "NKG7"};
    static final float[][] RAW_COUNTS = {{7f, 0f, 4f, 2f, 1f}, {3f, 9f, 0f, 0f, 0f}, {0f, 0f, 0f, 5f, 30f},
        {1f, 1f, 1f, 0f, 0f}};

    private Path path(String name) {
        return tmp.getRoot().toPath().resolve(name);
    }

    private static AnnDataLayouts.File base() {
        return new AnnDataLayouts.File(CELLS, IDS).obs("cell_type", "T", "B", "NK", "T").var("feature_name", SYMBOLS);
    }

    /** CELLxGENE: X normalised, the counts in raw/X over more genes, the Ensembl ids as index, symbols beside. */
    static Path cellxgene(Path file) {
        return base().x(LOG, Layout.CSR).raw(RAW_COUNTS, Layout.CSR, RAW_IDS, Map.of("feature_name", RAW_SYMBOLS))
                .write(file);
    }

    private static Dataset read(Path f, MatrixChoice m) {
        return DatasetReader.read(f, ReadOptions.NONE.withMatrix(m), Set.of());
    }

    private static String refused(Runnable r) {
        try {
            r.run();
        } catch (JindException e) {
            return e.getMessage();
        }
        fail("expected a refusal");
        return null;
    }

    @Test
    public void denseAndCsrAndCscCountsLayersAreReadWithTheGenesOfVar() {
        for (Layout layout : Layout.values()) {
            Path f = base().x(LOG, Layout.DENSE).layer("counts", COUNTS, layout).write(path(layout + ".h5ad"));
            Dataset d = read(f, MatrixChoice.layer("counts"));
            assertMatrix(COUNTS, d.matrix());
            assertArrayEquals(IDS, d.genes());
            assertArrayEquals(SYMBOLS, d.geneAliases());
            assertArrayEquals(new String[] {"T", "B", "NK", "T"}, d.obs("cell_type"));
            assertMatrix(LOG, read(f, null).matrix()); // without a choice: X
            // chunk by chunk the same
            try (CellChunks c = DatasetReader.open(f, ReadOptions.NONE.withMatrix(MatrixChoice.layer("counts")), Set.of())) {
                Dataset first = c.next(3);
                assertMatrix(new float[][] {COUNTS[0], COUNTS[1], COUNTS[2]}, first.matrix());
                assertMatrix(new float[][] {COUNTS[3]}, c.next(3).matrix());
            }
        }
    }

    @Test
    public void rawIsRawXWithTheGenesAndIdentifiersOfRawVar() {
        Path f = cellxgene(path("cxg.h5ad"));
        Dataset raw = read(f, MatrixChoice.RAW);
        assertMatrix(RAW_COUNTS, raw.matrix());
        assertArrayEquals(RAW_IDS, raw.genes());
        assertArrayEquals(RAW_SYMBOLS, raw.geneAliases());
        assertArrayEquals(CELLS, raw.cellIds());
        Dataset x = read(f, MatrixChoice.X);
        assertMatrix(LOG, x.matrix());
        assertArrayEquals(IDS, x.genes());

        DatasetInfo info = DatasetReader.info(f);
        assertEquals(List.of(MatrixChoice.X, MatrixChoice.RAW), info.matrices());
        assertEquals(MatrixChoice.X, info.matrix());
        assertEquals(5, info.rawGenes());
        assertEquals(List.of(), info.layers());
        assertEquals(3, info.genes());
        DatasetInfo rawInfo = DatasetReader.info(f, ReadOptions.NONE.withMatrix(MatrixChoice.RAW));
        assertEquals(MatrixChoice.RAW, rawInfo.matrix());
        assertEquals(5, rawInfo.genes());
        assertEquals(List.of(H5adReader.VAR_INDEX, "feature_name"), rawInfo.identifiers());
        assertArrayEquals(RAW_SYMBOLS, rawInfo.geneNames("feature_name"));
        assertEquals(4, rawInfo.cells());
    }

    @Test
    public void aFileWithoutXOpensOnALayerAndSaysWhichMatricesItHasOtherwise() {
        Path f = base().layer("counts", COUNTS, Layout.CSR).layer("spliced", COUNTS, Layout.DENSE)
                .write(path("noX.h5ad"));
        assertMatrix(COUNTS, read(f, MatrixChoice.layer("spliced")).matrix());
        assertEquals(List.of(MatrixChoice.layer("counts"), MatrixChoice.layer("spliced")),
                DatasetReader.matrices(f));
        assertEquals(List.of("counts", "spliced"), DatasetReader.info(f, ReadOptions.NONE.withMatrix(MatrixChoice.layer("counts"))).layers());
        assertEquals(-1, DatasetReader.info(f, ReadOptions.NONE.withMatrix(MatrixChoice.layer("counts"))).rawGenes());
        String msg = refused(() -> read(f, null));
        assertEquals("noX.h5ad has no X; it has the layers 'counts', 'spliced': choose one of them.", msg);
        try {
            DatasetReader.info(f);
            fail();
        } catch (NoSuchMatrixException e) {
            assertEquals("noX.h5ad has no X; it has the layers 'counts', 'spliced': choose one with --matrix.",
                    e.messageFor("--matrix"));
        }
    }

    @Test
    public void aMissingLayerOrRawIsOneSentenceListingWhatExists() {
        Path f = cellxgene(path("cxg.h5ad"));
        assertEquals("cxg.h5ad has no layer 'counts'; it has X and raw (5 genes): choose one of them.",
                refused(() -> read(f, MatrixChoice.layer("counts"))));
        Path g = base().x(LOG, Layout.CSR).layer("counts", COUNTS, Layout.CSR).write(path("scanpy.h5ad"));
        assertEquals("scanpy.h5ad has no raw (raw/X); it has X and the layer 'counts': choose one of them.",
                refused(() -> DatasetReader.open(g, ReadOptions.NONE.withMatrix(MatrixChoice.RAW), Set.of()).close()));
        Path none = base().write(path("empty.h5ad"));
        assertEquals("empty.h5ad has no X, nor any other matrix (no raw/X, no layers): it holds no expression"
                + " values.", refused(() -> read(none, null)));
    }

    @Test
    public void rawOrALayerOfAFormatWithOneMatrixIsRefused() throws Exception {
        Path csv = path("cells.csv");
        java.nio.file.Files.writeString(csv, "cell,g1,g2\nc1,1,0\nc2,0,3\n");
        assertEquals("cells.csv holds one matrix; raw is a matrix of AnnData (.h5ad) files only.",
                refused(() -> read(csv, MatrixChoice.RAW)));
        assertEquals(2, read(csv, MatrixChoice.X).cells());
        assertEquals(List.of(), DatasetReader.matrices(csv));
        assertNull(DatasetReader.info(csv).matrix());
    }

    @Test
    public void choicesAreWrittenAsTypedAndReadBack() {
        assertEquals(MatrixChoice.X, MatrixChoice.of(" X ", "--matrix"));
        assertEquals(MatrixChoice.RAW, MatrixChoice.of("raw", "--matrix"));
        assertEquals(MatrixChoice.RAW, MatrixChoice.of("raw/X", "--matrix"));
        assertEquals(MatrixChoice.layer("counts"), MatrixChoice.of("counts", "--matrix"));
        assertEquals(MatrixChoice.layer("counts"), MatrixChoice.of("layers/counts", "--matrix"));
        // a layer named like X or raw keeps its prefix
        assertEquals(MatrixChoice.layer("raw"), MatrixChoice.of("layers/raw", "--matrix"));
        for (MatrixChoice m : List.of(MatrixChoice.X, MatrixChoice.RAW, MatrixChoice.layer("counts"),
                MatrixChoice.layer("raw"), MatrixChoice.layer("X"))) {
            assertEquals(m, MatrixChoice.of(m.toString(), "matrix"));
        }
        assertEquals("layers/raw", MatrixChoice.layer("raw").path());
        assertEquals("raw/X", MatrixChoice.RAW.path());
        assertEquals("--matrix is empty; give X, raw or the name of a layer.",
                refused(() -> MatrixChoice.of("  ", "--matrix")));
    }
}
