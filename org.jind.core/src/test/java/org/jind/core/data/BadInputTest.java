package org.jind.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.model.TrainSettings;
import org.jind.core.prep.Preprocessing;
import org.jind.core.train.Labels;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;

/**
 * Every bad input ends in a {@link JindException} with a one-line message naming the problem, never in another
 * exception, and reading writes nothing.
 */
public class BadInputTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path root() {
        return tmp.getRoot().toPath();
    }

    private Set<String> listing() {
        try (Stream<Path> s = Files.walk(root())) {
            return s.map(p -> root().relativize(p).toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs {@code r}, expects a JindException whose message contains every fragment, and no new file. */
    private JindException expect(Runnable r, String... fragments) {
        Set<String> before = listing();
        try {
            r.run();
        } catch (JindException e) {
            String m = e.getMessage();
            assertNotNull(m);
            assertFalse("one line: " + m, m.contains("\n") || m.contains("\r"));
            for (String f : fragments) {
                assertTrue("message should contain '" + f + "': " + m, m.contains(f));
            }
            assertEquals("exit code for bad input", JindException.BAD_INPUT, e.exitCode());
            assertEquals("nothing was written", before, listing());
            return e;
        }
        fail("expected a JindException containing " + Arrays.toString(fragments));
        return null;
    }

    private Path text(String name, String content) throws IOException {
        Path p = root().resolve(name);
        Files.createDirectories(p.getParent());
        MtxReaderTest.write(p, content, name.endsWith(".gz"));
        return p;
    }

    private static Dataset read(Path p) {
        return DatasetReader.read(p, null, Set.of("cell_type", "batch"));
    }

    private Path validH5ad(String name) throws IOException {
        int n = 40;
        float[][] x = new float[n][30];
        String[] cells = new String[n];
        String[] genes = new String[30];
        String[] types = new String[n];
        Random rnd = new Random(1);
        for (int i = 0; i < n; i++) {
            cells[i] = "cell" + i;
            types[i] = "t" + (i % 3);
            for (int j = 0; j < 30; j++) {
                x[i][j] = rnd.nextInt(4);
            }
        }
        for (int j = 0; j < 30; j++) {
            genes[j] = "gene" + j;
        }
        Path f = root().resolve(name);
        H5adWriter.write(new Dataset(SparseMatrix.fromDense(x), cells, genes, Map.of("cell_type", types), "t"), f);
        return f;
    }

    // ---- files ----

    @Test
    public void missingFile() throws Exception {
        Path p = root().resolve("nope.h5ad");
        expect(() -> read(p), "Input not found", "nope.h5ad");
    }

    @Test
    public void truncatedH5ad() throws Exception {
        Path f = validH5ad("trunc.h5ad");
        byte[] all = Files.readAllBytes(f);
        assertEquals("sanity: the valid file reads", 40, read(f).cells());
        Files.write(f, Arrays.copyOf(all, all.length / 2));
        expect(() -> read(f), "trunc.h5ad", "truncated");
    }

    @Test
    public void h5adCutAtManyPlaces() throws Exception {
        Path f = validH5ad("cut.h5ad");
        byte[] all = Files.readAllBytes(f);
        // down to a single missing byte: the end of the file may hold no data, yet the file is incomplete
        for (int len : new int[] {8, 100, 500, all.length / 3, 2 * all.length / 3, all.length - 10, all.length - 1}) {
            Files.write(f, Arrays.copyOf(all, len));
            try {
                read(f);
                fail("a file cut to " + len + " of " + all.length + " bytes was read without an error");
            } catch (JindException e) {
                assertTrue(e.getMessage(), e.getMessage().contains("cut.h5ad"));
                assertFalse(e.getMessage(), e.getMessage().contains("\n"));
            }
        }
    }

    @Test
    public void randomBytesNamedH5ad() throws Exception {
        byte[] junk = new byte[4096];
        new Random(7).nextBytes(junk);
        junk[0] = 'x';
        Path f = root().resolve("junk.h5ad");
        Files.write(f, junk);
        expect(() -> read(f), "junk.h5ad", "not an HDF5 file");
    }

    @Test
    public void randomBytesAfterTheHdf5Signature() throws Exception {
        byte[] junk = new byte[4096];
        new Random(8).nextBytes(junk);
        System.arraycopy(new byte[] {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'}, 0, junk, 0, 8);
        Path f = root().resolve("sig.h5ad");
        Files.write(f, junk);
        expect(() -> read(f), "sig.h5ad");
    }

    @Test
    public void hdf5FileThatIsNotAnnData() throws Exception {
        Path f = root().resolve("other.h5");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putGroup("matrix").putDataset("data", new int[] {1, 2, 3});
        }
        expect(() -> read(f), "other.h5", "'X'", "AnnData");
    }

    @Test
    public void unknownExtension() throws Exception {
        Path f = text("cells.xlsx", "id,g1\nc1,1\n");
        expect(() -> read(f), "Unknown input format", "cells.xlsx", ".h5ad", ".csv");
    }

    @Test
    public void directoryWithoutMatrix() throws Exception {
        Path d = root().resolve("empty10x");
        Files.createDirectories(d);
        expect(() -> read(d), "without matrix.mtx");
    }

    @Test
    public void tenXDirectoryMissingBarcodes() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("nobc"), false, "features.tsv", MtxReaderTest.MTX);
        Files.delete(d.resolve("barcodes.tsv"));
        expect(() -> read(d), "barcodes.tsv");
    }

    // ---- selection and columns ----

    @Test
    public void batchNotFoundListsAvailableBatches() throws Exception {
        Path f = text("x.csv", DelimitedReaderTest.table(','));
        expect(() -> DatasetReader.read(f, null, "cell_type", "batch", "s9"), "'s9'", "not found", "'batch'",
                "available: s1, s2");
    }

    @Test
    public void batchColumnNotFound() throws Exception {
        Path f = validH5ad("b.h5ad");
        expect(() -> DatasetReader.read(f, null, "cell_type", "sample", "s1"), "'sample'",
                "available columns: cell_type", "--batch-key");
    }

    @Test
    public void wrongBatchKeyInCsvIsNamedBeforeAnyCellIsRead() throws Exception {
        Path f = text("x.csv", DelimitedReaderTest.table(','));
        expect(() -> DatasetReader.read(f, null, "cell_type", "sample", "s1"),
                "x.csv has no column 'sample' (annotation columns: cell_type)", "--batch-key");
    }

    @Test
    public void batchWithoutBatchKey() throws Exception {
        Path f = text("x.csv", DelimitedReaderTest.table(','));
        expect(() -> DatasetReader.read(f, null, "cell_type", null, "s1"), "--batch-key");
    }

    @Test
    public void labelColumnNotFoundListsColumns() throws Exception {
        Path f = validH5ad("lab.h5ad");
        Dataset d = read(f);
        expect(() -> d.obs("celltype"), "'celltype'", "available columns: cell_type");
        Path csv = text("x.csv", DelimitedReaderTest.table(','));
        Dataset c = DatasetReader.read(csv, null, "cell_type", "batch", null);
        expect(() -> c.obs("labels"), "'labels'", "available columns: batch, cell_type");
    }

    @Test
    public void labelsCsvForANonDirectoryInput() throws Exception {
        Path f = text("x.csv", DelimitedReaderTest.table(','));
        Path labels = text("labels.csv", "barcode,cell_type\nc1,T\n");
        expect(() -> DatasetReader.read(f, ReadOptions.labels(labels), Set.of()), "labels CSV", "10x", "x.csv");
    }

    @Test
    public void labelsCsvMatchingNoBarcode() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("tx"), false, "features.tsv", MtxReaderTest.MTX);
        Path labels = text("labels.csv", "cell_type,barcode\nT,AAACCTG-1\n");
        expect(() -> DatasetReader.read(d, ReadOptions.labels(labels), Set.of()), "labels.csv", "none of the barcodes");
    }

    // ---- values ----

    @Test
    public void nonNumericGeneValue() throws Exception {
        Path f = text("nn.csv", "cell,g1,g2,cell_type\nc1,1,2,T\nc2,3,abc,B\n");
        expect(() -> read(f), "nn.csv", "line 3", "'g2'", "'abc'", "not a number");
    }

    @Test
    public void unnamedTextColumnIsReportedAsNotANumber() throws Exception {
        Path f = text("lbl.csv", "cell,g1,celltype\nc1,1,T\n");
        JindException e = expect(() -> read(f), "lbl.csv, line 2, column 'celltype': 'T' is not a number",
                "unless it is named as an annotation column.");
        // the core names the concept; the CLI says how, by its options
        assertEquals("lbl.csv, line 2, column 'celltype': 'T' is not a number; every column after the cell id is a"
                + " gene and holds numbers: name text columns with --label-key or --batch-key.",
                ((NotANumberException) e).messageFor("--label-key or --batch-key"));
    }

    @Test
    public void nanInCsv() throws Exception {
        Path f = text("nan.csv", "cell,g1,g2\nc1,1,2\nc2,NaN,4\n");
        expect(() -> read(f), "nan.csv, line 3, column 'g1': the value is missing ('NaN'); expression values must be"
                + " numbers: fill in the missing values (e.g. with 0) or leave out those cells.");
    }

    @Test
    public void infinityInTsvGz() throws Exception {
        Path f = text("inf.tsv.gz", "cell\tg1\tg2\nc1\t1\t-Infinity\n");
        expect(() -> read(f), "inf.tsv.gz, line 2, column 'g2': '-Infinity' is infinite; expression values must be"
                + " finite numbers.");
    }

    @Test
    public void nanInH5adX() throws Exception {
        Path f = root().resolve("nan.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", new float[][] {{1, 0}, {0, Float.NaN}});
            h5.putGroup("obs").putDataset("_index", new String[] {"a", "b"});
            h5.putGroup("var").putDataset("_index", new String[] {"g1", "g2"});
        }
        expect(() -> read(f), "nan.h5ad", "'b'", "'g2'", "NaN");
    }

    @Test
    public void duplicateGeneNamesInCsv() throws Exception {
        Path f = text("dup.csv", "cell,g1,g2,g1,g3,g2\nc1,1,2,3,4,5\n");
        expect(() -> read(f), "dup.csv", "2 duplicate gene names", "'g1'", "'g2'");
    }

    @Test
    public void duplicateGeneNamesInH5adVar() throws Exception {
        Path f = root().resolve("dupvar.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", new float[][] {{1, 0}, {0, 1}});
            h5.putGroup("obs").putDataset("_index", new String[] {"a", "b"});
            h5.putGroup("var").putDataset("_index", new String[] {"g1", "g1"});
        }
        expect(() -> read(f), "dupvar.h5ad", "duplicate gene names", "'g1'");
    }

    @Test
    public void duplicateCellIdsInCsv() throws Exception {
        Path f = text("dupc.csv", "cell,g1\nc1,1\nc2,2\nc1,3\n");
        expect(() -> read(f), "dupc.csv", "duplicate cell ids", "'c1'");
    }

    @Test
    public void duplicateBarcodesIn10x() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("dupbc"), false, "features.tsv", MtxReaderTest.MTX);
        Files.writeString(d.resolve("barcodes.tsv"), "AAA-1\nCCC-1\nAAA-1\n");
        expect(() -> read(d), "duplicate cell ids", "'AAA-1'");
    }

    @Test
    public void raggedCsvRow() throws Exception {
        Path f = text("rag.csv", "cell,g1,g2\nc1,1,2\nc2,3\n");
        expect(() -> read(f), "rag.csv", "line 3", "2 fields", "3");
    }

    // ---- empty ----

    @Test
    public void csvWithoutGeneColumns() throws Exception {
        Path f = text("nogenes.csv", "cell,cell_type,batch\nc1,T,s1\n");
        expect(() -> read(f), "nogenes.csv", "no gene columns");
    }

    @Test
    public void csvWithHeaderButNoCells() throws Exception {
        Path f = text("hdr.csv", "cell,g1,g2\n");
        expect(() -> read(f), "hdr.csv", "no cells");
    }

    @Test
    public void emptyCsv() throws Exception {
        Path f = text("empty.csv", "");
        expect(() -> read(f), "empty.csv", "empty");
    }

    @Test
    public void tenXWithNoCells() throws Exception {
        Path d = root().resolve("nocells");
        Files.createDirectories(d);
        Files.writeString(d.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n2 0 0\n");
        Files.writeString(d.resolve("features.tsv"), "E1\tA\tGene Expression\nE2\tB\tGene Expression\n");
        Files.writeString(d.resolve("barcodes.tsv"), "");
        expect(() -> DatasetReader.read(d, null, "cell_type", null, null), "no cells");
    }

    // ---- truncated / malformed matrix.mtx ----

    @Test
    public void truncatedMatrixMtx() throws Exception {
        String mtx = MtxReaderTest.MTX;
        String cut = mtx.substring(0, mtx.indexOf("1 2 5"));
        Path d = MtxReaderTest.tenX(root().resolve("trunc"), false, "features.tsv", cut);
        expect(() -> read(d), "matrix.mtx", "ends after 2 of 6 entries", "truncated");
    }

    @Test
    public void matrixMtxCutInsideALine() throws Exception {
        String mtx = MtxReaderTest.MTX;
        String cut = mtx.substring(0, mtx.indexOf("1 2 5") + 3); // "1 2" without its value
        Path d = MtxReaderTest.tenX(root().resolve("cutline"), false, "features.tsv", cut);
        expect(() -> read(d), "matrix.mtx", "entry 3", "'1 2'");
    }

    @Test
    public void truncatedGzippedMatrixMtx() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("gzcut"), true, "features.tsv", MtxReaderTest.MTX);
        Path m = d.resolve("matrix.mtx.gz");
        byte[] all = Files.readAllBytes(m);
        Files.write(m, Arrays.copyOf(all, all.length - 12));
        expect(() -> read(d), "gzcut");
    }

    @Test
    public void matrixMtxWithoutSizeLine() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("nosize"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n% only comments\n");
        expect(() -> read(d), "matrix.mtx", "no size line");
    }

    @Test
    public void matrixMtxWithMalformedSizeLine() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("badsize"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n4 3\n");
        expect(() -> read(d), "matrix.mtx", "malformed size line", "'4 3'");
        Path d2 = MtxReaderTest.tenX(root().resolve("badsize2"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\nfour 3 6\n");
        expect(() -> read(d2), "matrix.mtx", "size line");
        Path d3 = MtxReaderTest.tenX(root().resolve("badsize3"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n4 3 -6\n");
        expect(() -> read(d3), "matrix.mtx", "size line");
    }

    @Test
    public void matrixMtxSizeDisagreesWithFeatures() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("size"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n5 3 0\n");
        expect(() -> read(d), "5 genes × 3 cells", "4 features and 3 barcodes");
    }

    @Test
    public void matrixMtxEntryOutsideTheDeclaredSize() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("outside"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n4 3 1\n5 1 1\n");
        expect(() -> read(d), "entry 1", "outside");
    }

    @Test
    public void matrixMtxWithTheSameEntryTwice() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("twice"), false, "features.tsv",
                "%%MatrixMarket matrix coordinate integer general\n4 3 2\n2 1 1\n2 1 4\n");
        expect(() -> read(d), "the gene 'MS4A1' of the cell 'AAACCTG-1' twice");
    }

    @Test
    public void notAMatrixMarketFile() throws Exception {
        Path d = MtxReaderTest.tenX(root().resolve("notmm"), false, "features.tsv", "gene,cell,value\n1,1,1\n");
        expect(() -> read(d), "not a MatrixMarket file", "'gene,cell,value'");
    }

    // ---- beyond reading: counts and labels ----

    @Test
    public void negativeValuesPresentedAsCountsAreRefusedByPreprocessing() throws Exception {
        Path f = text("neg.csv", "cell,g1,g2,g3\nc1,1,0,3\nc2,-2,5,0\nc3,0,1,1\n");
        Dataset d = read(f); // reading accepts negative values (they may be normalised data) ...
        assertEquals(3, d.cells());
        // ... but whole numbers with a negative one cannot be counts
        expect(() -> Preprocessing.fit(d, null, 10), "Negative values", "counts");
    }

    @Test
    public void negativeNonIntegralValuesAreAcceptedAsNormalisedData() throws Exception {
        Path f = text("lognorm.csv", "cell,g1,g2\nc1,0.5,-1.25\nc2,2.5,0\nc3,0,1.5\n");
        Preprocessing.Fitted fit = Preprocessing.fit(read(f), null, 10);
        assertFalse("not counts", fit.plan().counts());
    }

    /** A CSV of 6 cells of 2 types over 3 genes with the given rows (each "g1,g2,g3"). */
    private Path cells(String name, String... rows) throws IOException {
        StringBuilder b = new StringBuilder("cell,g1,g2,g3,cell_type\n");
        for (int i = 0; i < rows.length; i++) {
            b.append("c").append(i).append(',').append(rows[i]).append(',').append(i % 2 == 0 ? "T" : "B").append('\n');
        }
        return text(name, b.toString());
    }

    @Test
    public void cellsThatAreAllTheSameAreRefusedForTraining() throws Exception {
        TrainSettings s = new TrainSettings(10, 1, 4, 1e-3, 0.3, 1);
        Dataset zeros = read(cells("zeros.csv", "0,0,0", "0,0,0", "0,0,0", "0,0,0", "0,0,0", "0,0,0"));
        expect(() -> Jind.train(zeros, "cell_type", null, s, Progress.NONE), "The 6 cells are all the same",
                "each of the 3 genes has one value in every cell (all zero)", "nothing tells cell types apart");
        Dataset copies = read(cells("copies.csv", "1,0,5", "1,0,5", "1,0,5", "1,0,5", "1,0,5", "1,0,5"));
        expect(() -> Jind.train(copies, "cell_type", null, s, Progress.NONE), "The 6 cells are all the same",
                "(the cells are copies of one)");
        Dataset logCopies = read(cells("log.csv", "0.5,0,1.5", "0.5,0,1.5", "0.5,0,1.5", "0.5,0,1.5", "0.5,0,1.5",
                "0.5,0,1.5"));
        expect(() -> Jind.train(logCopies, "cell_type", null, s, Progress.NONE), "The 6 cells are all the same");
        // one gene that differs in one cell is enough; all-zero genes are normal
        Dataset oneVaries = read(cells("one.csv", "0,0,5", "0,0,5", "0,0,5", "0,0,5", "0,0,5", "0,1,5"));
        Preprocessing.Fitted fit = Preprocessing.fit(oneVaries, null, 10);
        assertEquals("g2", fit.plan().selectedGenes()[0]);
    }

    @Test
    public void singleCellTypeIsRefusedForTraining() {
        expect(() -> Labels.forTraining(new String[] {"T", "T", "T"}, "cell_type"), "'cell_type'",
                "only one cell type", "'T'");
    }

    @Test
    public void cellTypeWithASingleCellIsRefusedForTraining() {
        expect(() -> Labels.forTraining(new String[] {"T", "B", "T", "B", "NK"}, "cell_type"), "'NK'",
                "single cell");
    }

    @Test
    public void onlyOneCellWithOneTypeIsRefusedForTraining() {
        expect(() -> Labels.forTraining(new String[] {"T"}, "label"), "'label'", "only one cell type");
    }

    @Test
    public void missingLabelsAreRefusedForTraining() throws Exception {
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", new String[] {"T", null, "B", "B", "T"});
        Path f = root().resolve("nul.h5ad");
        H5adWriter.write(new Dataset(SparseMatrix.fromDense(new float[5][2]),
                new String[] {"a", "b", "c", "d", "e"}, new String[] {"g1", "g2"}, obs, "t"), f);
        String[] labels = read(f).obs("cell_type");
        expect(() -> Labels.forTraining(labels, "cell_type"), "1 of 5 cells has no label", "'cell_type'");
    }

    @Test
    public void labelsForTrainingAreSortedClassIndices() {
        Labels l = Labels.forTraining(new String[] {"T", "B", "T", "B"}, "cell_type");
        assertEquals(List.of("B", "T"), List.of(l.classes()));
        assertEquals(List.of(1, 0, 1, 0), Arrays.stream(l.y()).boxed().collect(Collectors.toList()));
    }

    @Test
    public void obsColumnsWithTheWrongLengthAreRefused() {
        expect(() -> new Dataset(SparseMatrix.fromDense(new float[2][2]), new String[] {"a", "b"},
                new String[] {"g1", "g2"}, Map.of("cell_type", new String[] {"T"}), "src.h5ad"), "src.h5ad",
                "'cell_type'", "1 entries for 2 cells");
    }
}
