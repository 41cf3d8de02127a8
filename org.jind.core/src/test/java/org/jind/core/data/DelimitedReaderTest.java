package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;

import java.nio.file.Path;
import java.util.Set;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Wide CSV/TSV, plain and gzipped: first column cell id, annotation columns by name, every other column a gene. */
public class DelimitedReaderTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static final float[][] EXPECTED = {
            {0, 1.5f, 3},
            {2, 0, 0},
            {0, 0.25f, 100},
            {7, 0, 1}};
    static final String[] CELLS = {"c1", "c2", "c3", "c4"};
    static final String[] GENES = {"CD3E", "MS4A1", "LYZ"};

    /** Label and batch columns between the genes, as exported tables often have them. */
    static String table(char d) {
        String[] rows = {
                "cell" + d + "CD3E" + d + "cell_type" + d + "MS4A1" + d + "batch" + d + "LYZ",
                "c1" + d + "0" + d + "T" + d + "1.5" + d + "s1" + d + "3",
                "c2" + d + "2.0" + d + "B" + d + "0" + d + "s2" + d + "0",
                "c3" + d + "0" + d + "T" + d + ".25" + d + "s1" + d + "1e2",
                "c4" + d + "7" + d + "NK" + d + "-0" + d + "s2" + d + "1"};
        return String.join("\n", rows) + "\n";
    }

    private Path file(String name, String content, boolean gz) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        MtxReaderTest.write(p, content, gz);
        return p;
    }

    private static void assertExpected(Dataset d) {
        H5adReaderTest.assertMatrix(EXPECTED, d.matrix());
        assertArrayEquals(CELLS, d.cellIds());
        assertArrayEquals(GENES, d.genes());
        assertArrayEquals(new String[] {"T", "B", "T", "NK"}, d.obs("cell_type"));
        assertArrayEquals(new String[] {"s1", "s2", "s1", "s2"}, d.obs("batch"));
    }

    @Test
    public void csv() throws Exception {
        assertExpected(DatasetReader.read(file("x.csv", table(','), false), null, "cell_type", "batch", null));
    }

    @Test
    public void csvGz() throws Exception {
        assertExpected(DatasetReader.read(file("x.csv.gz", table(','), true), null, "cell_type", "batch", null));
    }

    @Test
    public void tsv() throws Exception {
        assertExpected(DatasetReader.read(file("x.tsv", table('\t'), false), null, "cell_type", "batch", null));
    }

    @Test
    public void tsvGz() throws Exception {
        assertExpected(DatasetReader.read(file("x.tsv.gz", table('\t'), true), null, "cell_type", "batch", null));
    }

    @Test
    public void windowsLineEndingsAndQuotedFields() throws Exception {
        String csv = "\"\",\"CD3E\",\"cell_type\",\"MS4A1\",\"batch\",\"LYZ\"\r\n"
                + "\"c1\",0,\"T\",1.5,s1,3\r\n"
                + "\"c2\",2,\"B\",0,s2,0\r\n"
                + "\"c3\",0,\"T\",0.25,s1,100\r\n"
                + "\"c4\",7,\"NK\",0,s2,1\r\n";
        assertExpected(DatasetReader.read(file("r.csv", csv, false), null, "cell_type", "batch", null));
    }

    @Test
    public void batchSelectionKeepsOnlyThatBatch() throws Exception {
        Path p = file("x.csv", table(','), false);
        Dataset s2 = DatasetReader.read(p, null, "cell_type", "batch", "s2");
        assertArrayEquals(new String[] {"c2", "c4"}, s2.cellIds());
        H5adReaderTest.assertMatrix(new float[][] {EXPECTED[1], EXPECTED[3]}, s2.matrix());
        assertArrayEquals(new String[] {"B", "NK"}, s2.obs("cell_type"));
        assertArrayEquals(GENES, s2.genes());
    }

    @Test
    public void columnsNotNamedAsAnnotationsAreGenes() throws Exception {
        String csv = "id,g1,g2,cell_type\nc1,1,2,T\nc2,3,4,B\n";
        // cell_type is named: it is an annotation
        Dataset d = DatasetReader.read(file("y.csv", csv, false), null, Set.of("cell_type"));
        assertArrayEquals(new String[] {"g1", "g2"}, d.genes());
        assertEquals(Set.of("cell_type"), d.obsColumns());
        // a purely numeric table with no annotation names: every column after the id is a gene
        String numeric = "id,g1,g2,g3\nc1,1,2,3\n";
        Dataset n = DatasetReader.read(file("z.csv", numeric, false), null, Set.of("cell_type"));
        assertArrayEquals(new String[] {"g1", "g2", "g3"}, n.genes());
        assertFalse(n.hasObs("cell_type"));
    }
}
