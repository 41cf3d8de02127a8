package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.prep.GeneMatch;
import org.jind.core.prep.Preprocessing;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * The same data as a 10x MatrixMarket directory and as a 10x .h5 read alike (genes, ids as other identifier, values,
 * metadata), with Cell Ranger's feature types (features.tsv column 3, /matrix/features/feature_type); a Cell Ranger 2
 * .h5 with several genomes is read for the genome chosen.
 */
public class TenxLayoutsTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** 3 cells × 7 features: 5 genes (two share a symbol), two antibody captures and a CRISPR guide between them. */
    static final float[][] COUNTS = {
            {0, 3, 7, 0, 1, 9, 2},
            {2, 0, 0, 0, 0, 4, 0},
            {0, 0, 5, 1, 7, 0, 6}};
    static final String[] BARCODES = {"AAACCTGAGAAACCAT-1", "AAACCTGAGAAACCGC-1", "AAACCTGAGAAACCTA-1"};
    static final String[] IDS = {"ENSG00000198851", "ENSG00000116957", "CD3_TotalSeqB", "ENSG00000285053",
        "ENSG00000090382", "sgRNA_NT_1", "ENSG00000105374"};
    static final String[] NAMES = {"CD3E", "TBCE", "CD3", "TBCE", "LYZ", "NT_1", "NKG7"};
    static final String[] TYPES = {"Gene Expression", "Gene Expression", "Antibody Capture", "Gene Expression",
        "Gene Expression", "CRISPR Guide Capture", "Gene Expression"};
    /** What both layouts must give: the Gene Expression features only. */
    static final String[] GENES = {"CD3E", "TBCE", "TBCE-1", "LYZ", "NKG7"};
    static final String[] GENE_IDS = {"ENSG00000198851", "ENSG00000116957", "ENSG00000285053", "ENSG00000090382",
        "ENSG00000105374"};
    static final float[][] GENE_COUNTS = {
            {0, 3, 0, 1, 2},
            {2, 0, 0, 0, 0},
            {0, 0, 1, 7, 6}};

    /**
     * A Cell Ranger folder: matrix.mtx.gz (features × cells, with Cell Ranger's metadata comment), features.tsv.gz
     * (id, name, feature type; genes.tsv.gz with id, name when {@code types} is null) and barcodes.tsv.gz.
     */
    public static Path cellRangerDirectory(Path dir, String prefix, float[][] cellsByFeatures, String[] ids,
            String[] names, String[] types, String[] barcodes) throws Exception {
        Files.createDirectories(dir);
        StringBuilder f = new StringBuilder();
        for (int j = 0; j < ids.length; j++) {
            f.append(ids[j]).append('\t').append(names[j]);
            if (types != null) {
                f.append('\t').append(types[j]);
            }
            f.append('\n');
        }
        MtxReaderTest.write(dir.resolve(prefix + (types != null ? "features.tsv.gz" : "genes.tsv.gz")), f.toString(),
                true);
        MtxReaderTest.write(dir.resolve(prefix + "barcodes.tsv.gz"), String.join("\n", barcodes) + "\n", true);
        MtxReaderTest.write(dir.resolve(prefix + "matrix.mtx.gz"), coordinate(cellsByFeatures), true);
        return dir;
    }

    /** The matrix as Cell Ranger writes it: coordinate integer general, features × cells, 1-based, by cell. */
    static String coordinate(float[][] cellsByFeatures) {
        StringBuilder entries = new StringBuilder();
        int nnz = 0;
        for (int c = 0; c < cellsByFeatures.length; c++) {
            for (int g = 0; g < cellsByFeatures[c].length; g++) {
                if (cellsByFeatures[c][g] != 0) {
                    entries.append(g + 1).append(' ').append(c + 1).append(' ')
                            .append(Math.round(cellsByFeatures[c][g])).append('\n');
                    nnz++;
                }
            }
        }
        return "%%MatrixMarket matrix coordinate integer general\n"
                + "%metadata_json: {\"software_version\": \"cellranger-7.1.0\", \"format_version\": 2}\n"
                + cellsByFeatures[0].length + " " + cellsByFeatures.length + " " + nnz + "\n" + entries;
    }

    private Path h5() {
        Path f = tmp.getRoot().toPath().resolve("filtered_feature_bc_matrix.h5");
        TenxH5Files.writeV3(f, SparseMatrix.fromDense(COUNTS), BARCODES, IDS, NAMES, TYPES);
        return f;
    }

    private Path directory() throws Exception {
        return cellRangerDirectory(tmp.getRoot().toPath().resolve("filtered_feature_bc_matrix"), "", COUNTS, IDS,
                NAMES, TYPES, BARCODES);
    }

    @Test
    public void directoryAndH5OfTheSameDataGiveTheSameGenesIdsAndValues() throws Exception {
        Dataset fromDir = DatasetReader.read(directory(), null, Set.of());
        Dataset fromH5 = DatasetReader.read(h5(), null, Set.of());
        for (Dataset d : List.of(fromDir, fromH5)) {
            assertArrayEquals("Gene Expression features only, named by symbol", GENES, d.genes());
            assertArrayEquals("the ids as the genes' other identifier", GENE_IDS, d.geneAliases());
            H5adReaderTest.assertMatrix(GENE_COUNTS, d.matrix());
            assertArrayEquals(BARCODES, d.cellIds());
        }
        DatasetInfo a = DatasetReader.info(directory());
        DatasetInfo b = DatasetReader.info(h5());
        assertEquals(List.of("gene_symbols", "gene_ids"), a.identifiers());
        assertEquals(b.identifiers(), a.identifiers());
        for (String id : a.identifiers()) {
            assertArrayEquals(id, b.geneNames(id), a.geneNames(id));
        }
        assertArrayEquals(GENE_IDS, a.geneNames("gene_ids"));
        assertEquals(5, a.genes());
    }

    @Test
    public void aModelTrainedOnADirectoryKnowsTheEnsemblIdsAndFindsEnsemblNamedData() throws Exception {
        Preprocessing.Plan plan = Preprocessing.fit(DatasetReader.read(directory(), null, Set.of()), null, 5).plan();
        String[] aliases = plan.selectedAliases();
        assertTrue("the model keeps the ids of its genes", aliases != null);
        for (int j = 0; j < aliases.length; j++) {
            assertEquals(GENE_IDS[List.of(GENES).indexOf(plan.selectedGenes()[j])], aliases[j]);
        }
        // data named by Ensembl id only (e.g. an h5ad whose var index is gene_ids): every model gene is found
        GeneMatch m = GeneMatch.of(plan.selectedGenes(), aliases, new String[] {"ENSG00000105374", "ENSG00000090382",
            "ENSG00000285053", "ENSG00000116957", "ENSG00000198851"}, null);
        assertEquals(0, m.missing());
    }

    @Test
    public void cellRanger2DirectoryAndH5ReadAlike() throws Exception {
        String[] ids = {"ENSG00000198851", "ENSG00000116957", "ENSG00000285053", "ENSG00000090382"};
        String[] names = {"CD3E", "TBCE", "TBCE", "LYZ"};
        float[][] counts = {{0, 3, 0, 1}, {2, 0, 0, 0}, {0, 0, 5, 7}};
        Path dir = cellRangerDirectory(tmp.getRoot().toPath().resolve("filtered_gene_bc_matrices"), "", counts, ids,
                names, null, BARCODES);
        assertTrue("Cell Ranger 2 names the list genes.tsv", Files.exists(dir.resolve("genes.tsv.gz")));
        Path f = tmp.getRoot().toPath().resolve("filtered_gene_bc_matrices_h5.h5");
        TenxH5Files.writeV2(f, SparseMatrix.fromDense(counts), BARCODES, ids, names);
        for (Path p : List.of(dir, f)) {
            Dataset d = DatasetReader.read(p, null, Set.of());
            assertArrayEquals(p.toString(), new String[] {"CD3E", "TBCE", "TBCE-1", "LYZ"}, d.genes());
            assertArrayEquals(p.toString(), ids, d.geneAliases());
            H5adReaderTest.assertMatrix(counts, d.matrix());
        }
    }

    @Test
    public void aListOfIdsOnlyNamesGenesByIdWithoutOtherIdentifier() throws Exception {
        Path dir = tmp.getRoot().toPath().resolve("ids");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("genes.tsv"), "ENSG1\nENSG2\n");
        Files.writeString(dir.resolve("barcodes.tsv"), "AAAC-1\n");
        Files.writeString(dir.resolve("matrix.mtx"),
                "%%MatrixMarket matrix coordinate integer general\n2 1 1\n2 1 4\n");
        Dataset d = DatasetReader.read(dir, null, Set.of());
        assertArrayEquals(new String[] {"ENSG1", "ENSG2"}, d.genes());
        assertNull(d.geneAliases());
        assertEquals(List.of("gene_ids"), DatasetReader.info(dir).identifiers());
    }

    @Test
    public void onlyAntibodyCapturesIsRefusedInADirectoryAsInAnH5() throws Exception {
        Path dir = cellRangerDirectory(tmp.getRoot().toPath().resolve("adt"), "", new float[][] {{1}, {2}, {0}},
                new String[] {"CD3_TotalSeqB"}, new String[] {"CD3"}, new String[] {"Antibody Capture"}, BARCODES);
        expect(() -> DatasetReader.read(dir, null, Set.of()),
                "adt/features.tsv.gz has no \"Gene Expression\" features (only Antibody Capture).");
    }

    // ---- Cell Ranger 2 with several genomes ----

    private Path twoGenomes() {
        Path f = tmp.getRoot().toPath().resolve("barnyard.h5");
        TenxH5Files.writeV2Genomes(f, new String[] {"GRCh38", "mm10"},
                new SparseMatrix[] {SparseMatrix.fromDense(new float[][] {{1, 0}, {0, 2}, {3, 0}}),
                    SparseMatrix.fromDense(new float[][] {{0, 0, 4}, {5, 0, 0}, {0, 6, 0}})},
                BARCODES, new String[][] {{"hg19_ENSG1", "hg19_ENSG2"}, {"mm10_ENSMUSG1", "mm10_ENSMUSG2",
                    "mm10_ENSMUSG3"}},
                new String[][] {{"hg19_CD3E", "hg19_LYZ"}, {"mm10_Cd3e", "mm10_Lyz2", "mm10_Ptprc"}});
        return f;
    }

    @Test
    public void severalGenomesAreRefusedNamingThemUnlessOneIsChosen() {
        Path f = twoGenomes();
        try {
            DatasetReader.read(f, null, Set.of());
            fail("the first genome must not be read silently");
        } catch (GenomeChoiceException e) {
            assertEquals("barnyard.h5 holds 2 genomes in Cell Ranger 2's layout (GRCh38, mm10), one matrix each;"
                    + " choose the genome to read.", e.getMessage());
            assertEquals(List.of("GRCh38", "mm10"), e.genomes());
            assertEquals("barnyard.h5 holds 2 genomes in Cell Ranger 2's layout (GRCh38, mm10), one matrix each;"
                    + " choose one with --genome GRCh38.", e.renamed("--genome").getMessage());
        }
        expect(() -> DatasetReader.info(f), "2 genomes", "GRCh38, mm10");

        Dataset mouse = DatasetReader.read(f, new ReadOptions(null, "mm10"), Set.of());
        assertArrayEquals(new String[] {"mm10_Cd3e", "mm10_Lyz2", "mm10_Ptprc"}, mouse.genes());
        assertArrayEquals(new String[] {"mm10_ENSMUSG1", "mm10_ENSMUSG2", "mm10_ENSMUSG3"}, mouse.geneAliases());
        H5adReaderTest.assertMatrix(new float[][] {{0, 0, 4}, {5, 0, 0}, {0, 6, 0}}, mouse.matrix());
        assertEquals(2, DatasetReader.info(f, new ReadOptions(null, "GRCh38")).genes());
        try (CellChunks c = DatasetReader.open(f, new ReadOptions(null, "GRCh38"), Set.of())) {
            H5adReaderTest.assertMatrix(new float[][] {{1, 0}, {0, 2}, {3, 0}}, c.next(10).matrix());
        }

        expect(() -> DatasetReader.read(f, new ReadOptions(null, "hg19"), Set.of()),
                "barnyard.h5 has no genome 'hg19'; its genomes are: GRCh38, mm10.");
    }

    @Test
    public void aGenomeIsChosenOnlyWhereThereAreGenomeGroups() throws Exception {
        expect(() -> DatasetReader.read(h5(), new ReadOptions(null, "GRCh38"), Set.of()),
                "The genome 'GRCh38' was chosen, but filtered_feature_bc_matrix.h5 is a Cell Ranger 3 file");
        expect(() -> DatasetReader.read(directory(), new ReadOptions(null, "GRCh38"), Set.of()),
                "The genome 'GRCh38' was chosen, but filtered_feature_bc_matrix is not a 10x .h5 file");
    }

    interface Reading {
        void run() throws Exception;
    }

    /** Expects one sentence containing every fragment, naming no exception class. */
    static void expect(Reading r, String... fragments) {
        try {
            r.run();
        } catch (JindException e) {
            for (String f : fragments) {
                assertTrue("'" + f + "' in: " + e.getMessage(), e.getMessage().contains(f));
            }
            assertTrue(e.getMessage(), !e.getMessage().contains("Exception"));
            return;
        } catch (Exception e) {
            throw new AssertionError("expected a JindException, got " + e, e);
        }
        fail("expected a JindException containing " + String.join(" | ", fragments));
    }
}
