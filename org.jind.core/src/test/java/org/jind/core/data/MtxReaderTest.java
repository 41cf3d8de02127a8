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
}
