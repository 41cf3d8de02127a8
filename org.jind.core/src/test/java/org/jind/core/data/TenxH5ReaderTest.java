package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.jind.core.JindException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** 10x Cell Ranger HDF5 files, written the way Cell Ranger lays them out, read back. */
public class TenxH5ReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** 3 cells × 5 features: 4 genes (two share a symbol) and one antibody capture. */
    static final float[][] COUNTS = {
            {0, 3, 0, 1, 9},
            {2, 0, 0, 0, 4},
            {0, 0, 5, 7, 0}};
    static final String[] BARCODES = {"AAAC-1", "AAAG-1", "AACT-1"};
    static final String[] IDS = {"ENSG01", "ENSG02", "ENSG03", "ENSG04", "CD3_TotalSeqB"};
    static final String[] NAMES = {"CD3E", "TBCE", "TBCE", "LYZ", "CD3"};
    static final String[] TYPES = {"Gene Expression", "Gene Expression", "Gene Expression", "Gene Expression",
        "Antibody Capture"};

    private Path v3() {
        Path f = tmp.getRoot().toPath().resolve("filtered_feature_bc_matrix.h5");
        TenxH5Files.writeV3(f, SparseMatrix.fromDense(COUNTS), BARCODES, IDS, NAMES, TYPES);
        return f;
    }

    @Test
    public void cellRanger3KeepsGeneExpressionFeaturesNamedBySymbolWithIdsAsOtherIdentifier() throws Exception {
        Path f = v3();
        Dataset d = DatasetReader.read(f, null, Set.of());
        assertArrayEquals(BARCODES, d.cellIds());
        assertArrayEquals(new String[] {"CD3E", "TBCE", "TBCE-1", "LYZ"}, d.genes());
        assertArrayEquals(new String[] {"ENSG01", "ENSG02", "ENSG03", "ENSG04"}, d.geneAliases());
        H5adReaderTest.assertMatrix(new float[][] {{0, 3, 0, 1}, {2, 0, 0, 0}, {0, 0, 5, 7}}, d.matrix());
        byte[] before = Files.readAllBytes(f);
        DatasetReader.read(f, null, Set.of());
        assertArrayEquals("the input is not modified", before, Files.readAllBytes(f));
    }

    @Test
    public void metadataWithoutTheMatrixAgreesWithTheRead() {
        DatasetInfo info = DatasetReader.info(v3());
        assertEquals(3, info.cells());
        assertEquals(4, info.genes());
        assertEquals(java.util.List.of("gene_symbols", "gene_ids"), info.identifiers());
        assertArrayEquals(new String[] {"CD3E", "TBCE", "TBCE-1", "LYZ"}, info.geneNames(info.indexIdentifier()));
        assertArrayEquals(new String[] {"ENSG01", "ENSG02", "ENSG03", "ENSG04"}, info.geneNames("gene_ids"));
        assertEquals("10x Cell Ranger HDF5", info.format());
    }

    @Test
    public void cellRanger2GenomeGroupLayout() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("old.h5");
        float[][] genesOnly = {{0, 3, 0, 1}, {2, 0, 0, 0}, {0, 0, 5, 7}};
        TenxH5Files.writeV2(f, SparseMatrix.fromDense(genesOnly), BARCODES, new String[] {"E1", "E2", "E3", "E4"},
                new String[] {"A", "B", "C", "D"});
        Dataset d = DatasetReader.read(f, null, Set.of());
        assertArrayEquals(new String[] {"A", "B", "C", "D"}, d.genes());
        assertArrayEquals(new String[] {"E1", "E2", "E3", "E4"}, d.geneAliases());
        H5adReaderTest.assertMatrix(genesOnly, d.matrix());
    }

    @Test
    public void recognisedByContentWhateverTheName() throws Exception {
        Path f = v3();
        Path renamed = tmp.getRoot().toPath().resolve("cells.data");
        Files.copy(f, renamed);
        assertEquals(3, DatasetReader.read(renamed, null, Set.of()).cells());
    }

    @Test
    public void labelsCsvAnnotatesTheBarcodes() throws Exception {
        Path labels = tmp.getRoot().toPath().resolve("labels.csv");
        Files.writeString(labels, "barcode,cell_type\nAAAC-1,T\nAACT-1,Mono\n");
        Dataset d = DatasetReader.read(v3(), ReadOptions.labels(labels), "cell_type", null, null);
        assertArrayEquals(new String[] {"T", null, "Mono"}, d.obs("cell_type"));
    }

    @Test
    public void chunksEqualTheWholeRead() throws Exception {
        Path f = v3();
        try (CellChunks c = DatasetReader.open(f, null, Set.of())) {
            assertEquals(3, c.cells());
            assertArrayEquals(new String[] {"ENSG01", "ENSG02", "ENSG03", "ENSG04"}, c.geneAliases());
            Dataset a = c.next(2);
            Dataset b = c.next(2);
            assertNull(c.next(2));
            H5adReaderTest.assertMatrix(new float[][] {{0, 3, 0, 1}, {2, 0, 0, 0}}, a.matrix());
            H5adReaderTest.assertMatrix(new float[][] {{0, 0, 5, 7}}, b.matrix());
            assertArrayEquals(new String[] {"AACT-1"}, b.cellIds());
        }
    }

    @Test
    public void withoutGeneExpressionFeaturesTheMessageNamesWhatThereIs() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("adt.h5");
        TenxH5Files.writeV3(f, SparseMatrix.fromDense(new float[][] {{1}, {2}, {0}}), BARCODES, new String[] {"x"},
                new String[] {"CD3"}, new String[] {"Antibody Capture"});
        try {
            DatasetReader.read(f, null, Set.of());
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("no \"Gene Expression\" features (only Antibody Capture)"));
        }
    }

    @Test
    public void hdf5NeitherAnnDataNor10xIsNamedAsSuch() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("other.h5");
        try (io.jhdf.WritableHdfFile h5 = io.jhdf.HdfFile.write(f)) {
            h5.putDataset("something", new int[] {1, 2});
        }
        try {
            DatasetReader.read(f, null, Set.of());
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("neither AnnData"));
        }
    }
}
