package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.jind.core.JindException;
import org.jind.core.data.DatasetInfo.Column;
import org.jind.core.data.DatasetInfo.Kind;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Metadata without the matrix, on files the tests write; always checked against what the full read gives. */
public class DatasetInfoTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static final String[] CELLS = {"c1", "c2", "c3"};
    private static final String[] GENES = {"ENSG1", "ENSG2", "ENSG3", "ENSG4", "ENSG5"};

    /** The full read agrees with the metadata: cells, annotation columns, gene names of the index identifier. */
    private static void assertMatchesRead(DatasetInfo info, Dataset d) {
        assertEquals("cells", d.cells(), info.cells());
        assertEquals("genes", d.genes().length, info.genes());
        assertArrayEquals("reader's gene names", d.genes(), info.geneNames(info.indexIdentifier()));
        assertEquals("annotation columns", d.obsColumns(),
                info.obs().stream().map(Column::name).collect(Collectors.toCollection(LinkedHashSet::new)));
    }

    @Test
    public void h5adKindsLevelsAndGeneIdentifiers() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("meta.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(f)) {
            h5.putDataset("X", new float[3][5]);
            WritableGroup obs = h5.putGroup("obs");
            obs.putAttribute("_index", "cell");
            obs.putDataset("cell", CELLS);
            WritableGroup ct = obs.putGroup("cell_type");
            ct.putAttribute("encoding-type", "categorical");
            ct.putDataset("codes", new byte[] {1, 0, -1});
            ct.putDataset("categories", new String[] {"B", "T"});
            WritableGroup cluster = obs.putGroup("cluster"); // categorical of numbers: still text
            cluster.putAttribute("encoding-type", "categorical");
            cluster.putDataset("codes", new byte[] {0, 1, 1});
            cluster.putDataset("categories", new long[] {3, 7});
            obs.putDataset("donor", new String[] {"d2", "d1", "d2"});
            obs.putDataset("n_genes", new long[] {120, 95, 2000});
            obs.putDataset("big", new long[] {1, 3_000_000_000L, 2}); // past 32 bits: a double column
            obs.putDataset("pct_mito", new float[] {1.5f, 2f, 0.25f});
            WritableGroup var = h5.putGroup("var");
            var.putAttribute("_index", "gene_ids");
            var.putDataset("gene_ids", GENES);
            // a repeated symbol and a missing one, as in real references
            var.putDataset("gene_symbols", new String[] {"CD3E", "TBCE", "TBCE", "", "LYZ"});
            WritableGroup ft = var.putGroup("feature_types"); // one value for all genes: not an identifier
            ft.putAttribute("encoding-type", "categorical");
            ft.putDataset("codes", new byte[5]);
            ft.putDataset("categories", new String[] {"Gene Expression"});
            var.putDataset("means", new double[] {0.1, 0.2, 0.3, 0.4, 0.5});
        }
        DatasetInfo info = DatasetReader.info(f);
        assertEquals(3, info.cells());
        assertEquals(5, info.genes());
        assertEquals(Kind.STRING, info.obsColumn("cell_type").orElseThrow().kind());
        assertEquals(List.of("B", "T"), info.obsColumn("cell_type").orElseThrow().levels());
        assertEquals(Kind.STRING, info.obsColumn("cluster").orElseThrow().kind());
        assertEquals(List.of("3", "7"), info.obsColumn("cluster").orElseThrow().levels());
        assertEquals(List.of("d1", "d2"), info.obsColumn("donor").orElseThrow().levels());
        // the cell types of one donor's cells: what a table of that batch can hold
        assertEquals(List.of("T"), info.levels("cell_type", "donor", List.of("d2")));
        assertEquals(List.of("B"), info.levels("cell_type", "donor", List.of("d1")));
        assertEquals(List.of("B", "T"), info.levels("cell_type", null, null));
        assertEquals(Kind.INT, info.obsColumn("n_genes").orElseThrow().kind());
        assertEquals(List.of(), info.obsColumn("n_genes").orElseThrow().levels());
        assertEquals(Kind.DOUBLE, info.obsColumn("big").orElseThrow().kind());
        assertEquals(Kind.DOUBLE, info.obsColumn("pct_mito").orElseThrow().kind());
        assertEquals(List.of("var index", "gene_symbols"), info.identifiers());
        assertArrayEquals(GENES, info.geneNames("var index"));
        // the missing symbol takes the gene id; the repeat is suffixed as 10x symbols are
        assertArrayEquals(new String[] {"CD3E", "TBCE", "TBCE-1", "ENSG4", "LYZ"}, info.geneNames("gene_symbols"));
        assertMatchesRead(info, DatasetReader.read(f, null, Set.of()));
        try {
            info.geneNames("feature_types");
            fail("a column with one value for all genes is no identifier");
        } catch (JindException e) {
            assertEquals("meta.h5ad has no gene identifier 'feature_types'; it has var index, gene_symbols.",
                    e.getMessage());
        }
    }

    @Test
    public void mtxDirectoryOffersSymbolsThenIdsAndChecksTheSizeLine() throws Exception {
        Path dir = tmp.newFolder("filtered").toPath();
        Files.writeString(dir.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n"
                + "%comment\n3 2 2\n1 1 4\n3 2 1\n");
        Files.writeString(dir.resolve("features.tsv"), "ENSG1\tTBCE\tGene Expression\nENSG2\tCD3E\tGene Expression\n"
                + "ENSG3\tTBCE\tGene Expression\n");
        Files.writeString(dir.resolve("barcodes.tsv"), "AAAC-1\nAAAG-1\n");
        DatasetInfo info = DatasetReader.info(dir);
        assertEquals(2, info.cells());
        assertEquals(List.of("gene_symbols", "gene_ids"), info.identifiers());
        assertArrayEquals(new String[] {"TBCE", "CD3E", "TBCE-1"}, info.geneNames("gene_symbols"));
        assertArrayEquals(new String[] {"ENSG1", "ENSG2", "ENSG3"}, info.geneNames("gene_ids"));
        assertEquals(List.of(), info.obs());
        assertMatchesRead(info, DatasetReader.read(dir, null, Set.of()));

        // a size line that disagrees with the lists: the same sentence as the full read, without reading entries
        Files.writeString(dir.resolve("barcodes.tsv"), "AAAC-1\n");
        assertSameError(dir);
    }

    @Test
    public void csvTextColumnsAreAnnotationsAndNumbersAreGenes() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("cells.csv");
        StringBuilder sb = new StringBuilder("cell,CD3E,cell_type,LYZ,batch,plate\n");
        for (int i = 0; i < 1200; i++) { // a batch value first seen after the sampled rows still counts as a level
            sb.append("c").append(i).append(',').append(i % 3).append(',').append(i % 2 == 0 ? "T" : "B").append(',')
                    .append(0.5 * i).append(',').append(i < 1100 ? "b1" : "b2").append(',').append(i % 4).append('\n');
        }
        Files.writeString(f, sb);
        DatasetInfo info = DatasetReader.info(f);
        assertEquals(1200, info.cells());
        assertEquals(List.of("column names"), info.identifiers());
        assertArrayEquals("a numeric column is a gene", new String[] {"CD3E", "LYZ", "plate"},
                info.geneNames("column names"));
        assertEquals(List.of("cell_type", "batch"), info.obs().stream().map(Column::name).toList());
        assertEquals(List.of("b1", "b2"), info.obsColumn("batch").orElseThrow().levels());
        assertEquals(List.of("b2"), info.levels("batch", "batch", List.of("b2")));
        assertEquals(List.of("B", "T"), info.levels("cell_type", "batch", List.of("b2")));
        assertEquals(Kind.STRING, info.obsColumn("cell_type").orElseThrow().kind());
        assertMatchesRead(info, DatasetReader.read(f, null, Set.of("cell_type", "batch")));
    }

    @Test
    public void badFilesGiveTheFullReadsMessage() throws Exception {
        Path notHdf5 = tmp.getRoot().toPath().resolve("broken.h5ad");
        Files.writeString(notHdf5, "not hdf5");
        assertSameError(notHdf5);
        assertSameError(tmp.getRoot().toPath().resolve("missing.h5ad"));
        Path unknown = tmp.getRoot().toPath().resolve("data.xlsx");
        Files.writeString(unknown, "x");
        assertSameError(unknown);
        Path empty = tmp.getRoot().toPath().resolve("empty.csv");
        Files.writeString(empty, "");
        assertSameError(empty);
        Path headerOnly = tmp.getRoot().toPath().resolve("header.csv");
        Files.writeString(headerOnly, "cell,CD3E\n");
        assertSameError(headerOnly);

        // cut off after the header: the file's recorded end is past its size
        Dataset d = new Dataset(SparseMatrix.fromDense(new float[][] {{1, 0}, {0, 2}}), new String[] {"a", "b"},
                new String[] {"g1", "g2"}, java.util.Map.of(), "t");
        Path whole = tmp.getRoot().toPath().resolve("whole.h5ad");
        H5adWriter.write(d, whole);
        Path cut = tmp.getRoot().toPath().resolve("cut.h5ad");
        byte[] bytes = Files.readAllBytes(whole);
        Files.write(cut, java.util.Arrays.copyOf(bytes, bytes.length - 100));
        assertSameError(cut);
    }

    @Test
    public void duplicateCellIdsOrGenesGiveTheFullReadsMessage() throws Exception {
        // (a CSV's cell ids are checked while its rows are read, with the line: counting them here stays cheap)
        Path genes = tmp.getRoot().toPath().resolve("genes.csv");
        Files.writeString(genes, "cell,CD3E,CD3E\nc1,1,2\n");
        assertSameError(genes);

        Path h5ad = tmp.getRoot().toPath().resolve("dups.h5ad");
        try (WritableHdfFile h5 = HdfFile.write(h5ad)) {
            h5.putDataset("X", new float[][] {{1, 0}, {0, 2}});
            WritableGroup obs = h5.putGroup("obs");
            obs.putDataset("_index", new String[] {"a", "a"});
            WritableGroup var = h5.putGroup("var");
            var.putDataset("_index", new String[] {"g1", "g2"});
        }
        assertSameError(h5ad);

        Path h5 = tmp.getRoot().toPath().resolve("filtered_feature_bc_matrix.h5");
        TenxH5Files.writeV3(h5, SparseMatrix.fromDense(new float[][] {{1, 0}, {0, 2}}), new String[] {"AAAC-1",
            "AAAC-1"}, new String[] {"ENSG1", "ENSG2"}, new String[] {"CD3E", "LYZ"},
                new String[] {"Gene Expression", "Gene Expression"});
        assertSameError(h5);

        Path dir = tmp.newFolder("tenx").toPath();
        Files.writeString(dir.resolve("matrix.mtx"), "%%MatrixMarket matrix coordinate integer general\n1 2 1\n1 1 4\n");
        Files.writeString(dir.resolve("features.tsv"), "ENSG1\tCD3E\n");
        Files.writeString(dir.resolve("barcodes.tsv"), "AAAC-1\nAAAC-1\n");
        assertSameError(dir);
    }

    private static void assertSameError(Path p) {
        String fromRead = message(() -> DatasetReader.read(p, null, Set.of()));
        String fromInfo = message(() -> DatasetReader.info(p));
        assertEquals(fromRead, fromInfo);
    }

    private static String message(Runnable r) {
        try {
            r.run();
        } catch (JindException e) {
            return e.getMessage();
        }
        throw new AssertionError("expected an error");
    }
}
