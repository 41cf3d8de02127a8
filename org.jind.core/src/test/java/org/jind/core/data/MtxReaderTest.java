package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** 10x MatrixMarket directories: matrix.mtx (genes × cells, 1-based) + features/genes.tsv + barcodes.tsv. */
public class MtxReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    /** cells × genes, as the reader must return it. */
    static final float[][] EXPECTED = {
            {0, 3, 0, 1},
            {5, 0, 0, 0},
            {0, 2, 9, 0}};
    static final String[] BARCODES = {"AAACCTG-1", "AAACGGG-1", "AAAGATG-1"};
    static final String[] IDS = {"ENSG01", "ENSG02", "ENSG03", "ENSG04"};
    static final String[] SYMBOLS = {"CD3E", "MS4A1", "LYZ", "NKG7"};

    /** Entries in an order that is neither cell- nor gene-sorted, to exercise the sort. */
    static final String MTX = "%%MatrixMarket matrix coordinate integer general\n"
            + "%metadata_json: {\"software_version\": \"cellranger-7\"}\n"
            + "4 3 6\n"
            + "3 3 9\n"
            + "2 1 3\n"
            + "1 2 5\n"
            + "4 1 1\n"
            + "2 3 2\n"
            + "2 2 0\n"; // an explicit zero is allowed and not stored

    static void write(Path p, String content, boolean gz) throws IOException {
        byte[] b = content.getBytes(StandardCharsets.UTF_8);
        if (!gz) {
            Files.write(p, b);
            return;
        }
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(p))) {
            out.write(b);
        }
    }

    static String features(boolean threeColumns) {
        StringBuilder sb = new StringBuilder();
        for (int j = 0; j < IDS.length; j++) {
            sb.append(IDS[j]).append('\t').append(SYMBOLS[j]);
            if (threeColumns) {
                sb.append("\tGene Expression");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    static Path tenX(Path dir, boolean gz, String genesFile, String mtx) throws IOException {
        Files.createDirectories(dir);
        String z = gz ? ".gz" : "";
        write(dir.resolve("matrix.mtx" + z), mtx, gz);
        write(dir.resolve(genesFile + z), features(genesFile.equals("features.tsv")), gz);
        write(dir.resolve("barcodes.tsv" + z), String.join("\n", BARCODES) + "\n", gz);
        return dir;
    }

    private static void assertExpected(Dataset d) {
        H5adReaderTest.assertMatrix(EXPECTED, d.matrix());
        assertArrayEquals(BARCODES, d.cellIds());
        assertArrayEquals("genes are named by their symbol", SYMBOLS, d.genes());
    }

    @Test
    public void plainFeaturesDirectory() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("plain"), false, "features.tsv", MTX);
        Dataset d = DatasetReader.read(dir, null, Set.of());
        assertExpected(d);
        assertTrue("no labels CSV, no annotation columns", d.obsColumns().isEmpty());
    }

    @Test
    public void gzippedFeaturesDirectory() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("gz"), true, "features.tsv", MTX);
        assertExpected(DatasetReader.read(dir, null, Set.of()));
    }

    @Test
    public void olderGenesTsvDirectory() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("v2"), false, "genes.tsv", MTX);
        assertExpected(DatasetReader.read(dir, null, Set.of()));
    }

    @Test
    public void gzippedGenesTsvDirectory() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("v2gz"), true, "genes.tsv", MTX);
        assertExpected(DatasetReader.read(dir, null, Set.of()));
    }

    @Test
    public void realValuedAndPatternMatrices() throws Exception {
        String real = "%%MatrixMarket matrix coordinate real general\n4 3 2\n1 1 0.25\n4 3 -1.5e2\n";
        Path dir = tenX(tmp.getRoot().toPath().resolve("real"), false, "features.tsv", real);
        H5adReaderTest.assertMatrix(new float[][] {{0.25f, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, -150f}},
                DatasetReader.read(dir, null, Set.of()).matrix());

        String pattern = "%%MatrixMarket matrix coordinate pattern general\n4 3 2\n2 1\n3 2\n";
        Path dir2 = tenX(tmp.getRoot().toPath().resolve("pattern"), false, "features.tsv", pattern);
        H5adReaderTest.assertMatrix(new float[][] {{0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 0}},
                DatasetReader.read(dir2, null, Set.of()).matrix());
    }

    @Test
    public void repeatedSymbolsAreMadeUniqueAsScanpyDoes() throws Exception {
        // 10x references map several gene ids to one symbol; the data must still be readable
        Path dir = tenX(tmp.getRoot().toPath().resolve("dupsym"), true, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n5 3 3\n1 1 1\n3 2 2\n5 3 3\n");
        write(dir.resolve("features.tsv.gz"), "E1\tA\tGene Expression\nE2\tB\tGene Expression\n"
                + "E3\tA\tGene Expression\nE4\tA-1\tGene Expression\nE5\tA\tGene Expression\n", true);
        Dataset d = DatasetReader.read(dir, null, Set.of());
        // the first A keeps its name; later ones skip the existing name A-1
        assertArrayEquals(new String[] {"A", "B", "A-2", "A-1", "A-3"}, d.genes());
        H5adReaderTest.assertMatrix(new float[][] {{1, 0, 0, 0, 0}, {0, 0, 2, 0, 0}, {0, 0, 0, 0, 3}}, d.matrix());
    }

    @Test
    public void labelsFromCsvKeyedByBarcodeInAnyOrderWithMissingCells() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("lab"), true, "features.tsv", MTX);
        Path labels = tmp.getRoot().toPath().resolve("labels.csv");
        // rows in another order than barcodes.tsv; AAACGGG-1 absent; an extra barcode not in the matrix; quoted field
        write(labels, "barcode,cell_type,batch\n"
                + "AAAGATG-1,\"B cell, naive\",d2\n"
                + "NOTINDATA-1,T cell,d1\n"
                + "AAACCTG-1,T cell,d1\n", false);
        Dataset d = DatasetReader.read(dir, ReadOptions.labels(labels), "cell_type", "batch", null);
        assertExpected(d);
        assertArrayEquals(new String[] {"T cell", null, "B cell, naive"}, d.obs("cell_type"));
        assertArrayEquals(new String[] {"d1", null, "d2"}, d.obs("batch"));

        Dataset d2 = DatasetReader.read(dir, ReadOptions.labels(labels), "cell_type", "batch", "d2");
        assertArrayEquals(new String[] {"AAAGATG-1"}, d2.cellIds());
        H5adReaderTest.assertMatrix(new float[][] {EXPECTED[2]}, d2.matrix());
    }

    @Test
    public void gzippedTsvLabels() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("lab2"), false, "features.tsv", MTX);
        Path labels = tmp.getRoot().toPath().resolve("labels.tsv.gz");
        write(labels, "barcode\tcell_type\nAAACCTG-1\tT\nAAACGGG-1\tB\nAAAGATG-1\tT\n", true);
        Dataset d = DatasetReader.read(dir, ReadOptions.labels(labels), Set.of());
        assertArrayEquals(new String[] {"T", "B", "T"}, d.obs("cell_type"));
        assertEquals(Set.of("cell_type"), d.obsColumns());
    }

    // ---- the MatrixMarket exchange format (NIST): what count matrices use is read, the rest refused ----

    private Path withMatrix(String name, String mtx) throws IOException {
        return tenX(tmp.getRoot().toPath().resolve(name), false, "features.tsv", mtx);
    }

    @Test
    public void bannerWordsAreCaseInsensitiveAndBlankLinesAreSkipped() throws Exception {
        Path dir = withMatrix("case", "%%MatrixMarket MATRIX Coordinate Integer GENERAL\n%\n\n4 3 6\n"
                + MTX.substring(MTX.indexOf("4 3 6\n") + 6).replace("2 1 3\n", "2 1 3\n\n") + "\n\n");
        assertExpected(DatasetReader.read(dir, null, Set.of()));
    }

    @Test
    public void arrayFormatIsReadColumnMajorGenesWithinEachCell() throws Exception {
        // array: "genes cells" then every value, column by column (a column is a cell), as scipy's mmwrite writes
        StringBuilder values = new StringBuilder("%%MatrixMarket matrix array integer general\n% dense\n4 3\n");
        for (float[] cell : EXPECTED) {
            for (float v : cell) {
                values.append((int) v).append('\n');
            }
        }
        assertExpected(DatasetReader.read(withMatrix("array", values.toString()), null, Set.of()));
        H5adReaderTest.assertMatrix(new float[][] {{0.5f, 0, 0, 0}, {0, 0, 0, 0}, {0, 0, 0, 2.25f}},
                DatasetReader.read(withMatrix("arrayreal", "%%MatrixMarket matrix array real general\n4 3\n"
                        + "0.5\n0\n0\n0\n0\n0\n0\n0\n0\n0\n0\n2.25e0\n"), null, Set.of()).matrix());
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("arrayshort",
                "%%MatrixMarket matrix array real general\n4 3\n1\n2\n"), null, Set.of()),
                "arrayshort/matrix.mtx ends after 2 of 12 entries");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("arraylong",
                "%%MatrixMarket matrix array real general\n4 3\n" + "1\n".repeat(13)), null, Set.of()),
                "arraylong/matrix.mtx has more entries than the 12 its size line declares");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("arraypattern",
                "%%MatrixMarket matrix array pattern general\n4 3\n"), null, Set.of()),
                "the MatrixMarket field 'pattern' with 'array'");
    }

    @Test
    public void symmetricSkewHermitianAndComplexMatricesAreRefused() throws Exception {
        for (String symmetry : new String[] {"symmetric", "skew-symmetric", "Hermitian"}) {
            String field = symmetry.equals("Hermitian") ? "real" : "integer";
            Path dir = withMatrix("sym-" + symmetry, "%%MatrixMarket matrix coordinate " + field + " " + symmetry
                    + "\n4 3 1\n1 1 1\n");
            TenxLayoutsTest.expect(() -> DatasetReader.read(dir, null, Set.of()), "sym-" + symmetry
                    + "/matrix.mtx declares its matrix '" + symmetry + "', so it lists only one triangle of a square"
                    + " matrix; a genes × cells matrix lists every entry: write it as 'general'.");
            TenxLayoutsTest.expect(() -> DatasetReader.info(dir), "'" + symmetry + "'", "one triangle");
        }
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("complex",
                "%%MatrixMarket matrix coordinate complex general\n4 3 1\n1 1 1 0\n"), null, Set.of()),
                "complex/matrix.mtx holds complex numbers; expression values are real numbers or counts");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("vector",
                "%%MatrixMarket vector coordinate real general\n4 1\n1 1\n"), null, Set.of()),
                "holds a MatrixMarket 'vector', not a matrix");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("short",
                "%%MatrixMarket matrix coordinate real\n4 3 0\n"), null, Set.of()),
                "short/matrix.mtx has the banner '%%MatrixMarket matrix coordinate real'");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("sparse",
                "%%MatrixMarket matrix sparse real general\n4 3 0\n"), null, Set.of()),
                "the MatrixMarket format 'sparse'; expected 'coordinate' (sparse) or 'array' (dense)");
    }

    @Test
    public void aSizeLineThatDisagreesWithTheEntriesIsRefused() throws Exception {
        // one entry more than declared: today's first 5 would silently lose the sixth
        String more = MTX.replace("4 3 6\n", "4 3 5\n");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("more", more), null, Set.of()),
                "more/matrix.mtx has more entries than the 5 its size line declares (the first extra one: '2 2 0')");
        String fewer = MTX.replace("4 3 6\n", "4 3 7\n");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("fewer", fewer), null, Set.of()),
                "fewer/matrix.mtx ends after 6 of 7 entries");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("zero",
                "%%MatrixMarket matrix coordinate integer general\n4 3 1\n0 1 1\n"), null, Set.of()),
                "zero/matrix.mtx, entry 1 ('0 1 1') is outside the declared size of 4 × 3");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("cell4",
                "%%MatrixMarket matrix coordinate integer general\n4 3 1\n1 4 1\n"), null, Set.of()),
                "entry 1 ('1 4 1') is outside the declared size");
        TenxLayoutsTest.expect(() -> DatasetReader.read(withMatrix("fields",
                "%%MatrixMarket matrix coordinate integer general\n4 3 1\n1 1 1 7\n"), null, Set.of()),
                "fields/matrix.mtx, entry 1: '1 1 1 7' has 4 fields; expected 3 (gene, cell, value)");
    }

    // ---- where the set is: Cell Ranger's folder, GEO's prefixed files, the matrix file itself ----

    private Path geoSet(Path dir, String prefix, String featuresFile) throws IOException {
        Files.createDirectories(dir);
        write(dir.resolve(prefix + "matrix.mtx.gz"), MTX, true);
        write(dir.resolve(prefix + featuresFile + ".gz"), features(featuresFile.equals("features.tsv")), true);
        write(dir.resolve(prefix + "barcodes.tsv.gz"), String.join("\n", BARCODES) + "\n", true);
        return dir;
    }

    @Test
    public void aGeoFolderWithOnePrefixedSetIsRead() throws Exception {
        Path dir = geoSet(tmp.getRoot().toPath().resolve("GSE1"), "GSM4138110_", "features.tsv");
        Dataset d = DatasetReader.read(dir, null, Set.of());
        assertExpected(d);
        assertArrayEquals(IDS, d.geneAliases());
        assertEquals("GSE1/GSM4138110_", DatasetReader.info(dir).source());
        Path v2 = geoSet(tmp.getRoot().toPath().resolve("GSE2"), "GSM2560245_sample1_", "genes.tsv");
        assertExpected(DatasetReader.read(v2, null, Set.of()));
    }

    @Test
    public void aFolderWithSeveralSetsNamesThemAndTheMatrixFileChoosesOne() throws Exception {
        Path dir = geoSet(tmp.getRoot().toPath().resolve("GSE3"), "GSM1_", "features.tsv");
        geoSet(dir, "GSM2_", "genes.tsv");
        write(dir.resolve("GSM2_matrix.mtx.gz"), MTX.replace("3 3 9", "3 3 8"), true);
        TenxLayoutsTest.expect(() -> DatasetReader.read(dir, null, Set.of()),
                dir + " holds 2 MatrixMarket sets (GSM1_matrix.mtx.gz, GSM2_matrix.mtx.gz); give the path of the"
                        + " matrix file of the one to read, e.g. " + dir.resolve("GSM1_matrix.mtx.gz") + ".");
        assertExpected(DatasetReader.read(dir.resolve("GSM1_matrix.mtx.gz"), null, Set.of()));
        Dataset second = DatasetReader.read(dir.resolve("GSM2_matrix.mtx.gz"), null, Set.of());
        assertEquals(8f, second.matrix().get(2, 2), 0f);
        assertEquals(3, DatasetReader.info(dir.resolve("GSM2_matrix.mtx.gz")).cells());
    }

    @Test
    public void theMatrixFileStandsForItsFolder() throws Exception {
        Path dir = tenX(tmp.getRoot().toPath().resolve("filtered_feature_bc_matrix"), true, "features.tsv", MTX);
        assertExpected(DatasetReader.read(dir.resolve("matrix.mtx.gz"), null, Set.of()));
        Path plain = tenX(tmp.getRoot().toPath().resolve("plainmtx"), false, "features.tsv", MTX);
        assertExpected(DatasetReader.read(plain.resolve("matrix.mtx"), null, Set.of()));
        try (CellChunks c = DatasetReader.open(plain.resolve("matrix.mtx"), null, Set.of())) {
            assertEquals(3, c.cells());
        }
        // a MatrixMarket file whose companions cannot be found by name
        Path odd = tmp.getRoot().toPath().resolve("counts.mtx");
        write(odd, MTX, false);
        TenxLayoutsTest.expect(() -> DatasetReader.read(odd, null, Set.of()), "counts.mtx",
                "PREFIXmatrix.mtx[.gz] beside PREFIXfeatures.tsv[.gz]");
    }

    @Test
    public void aFileGivenTwiceOrMissingIsNamed() throws Exception {
        Path both = tenX(tmp.getRoot().toPath().resolve("both"), false, "features.tsv", MTX);
        write(both.resolve("matrix.mtx.gz"), MTX, true);
        TenxLayoutsTest.expect(() -> DatasetReader.read(both, null, Set.of()), "Both matrix.mtx and matrix.mtx.gz are"
                + " in " + both + "; remove the one that is not meant (or move it to another folder).");
        TenxLayoutsTest.expect(() -> DatasetReader.read(both.resolve("matrix.mtx.gz"), null, Set.of()),
                "Both matrix.mtx and matrix.mtx.gz");

        Path twoLists = tenX(tmp.getRoot().toPath().resolve("twolists"), false, "features.tsv", MTX);
        write(twoLists.resolve("genes.tsv"), features(false), false);
        TenxLayoutsTest.expect(() -> DatasetReader.read(twoLists, null, Set.of()),
                "twolists/ has both features.tsv (Cell Ranger 3) and genes.tsv (Cell Ranger 2)");

        Path noBarcodes = geoSet(tmp.getRoot().toPath().resolve("GSE4"), "GSM9_", "features.tsv");
        Files.delete(noBarcodes.resolve("GSM9_barcodes.tsv.gz"));
        TenxLayoutsTest.expect(() -> DatasetReader.read(noBarcodes, null, Set.of()),
                "GSE4/GSM9_ has no GSM9_barcodes.tsv (plain or .gz); a 10x MatrixMarket set needs GSM9_matrix.mtx,"
                        + " GSM9_features.tsv (or GSM9_genes.tsv) and GSM9_barcodes.tsv.");
    }
}
