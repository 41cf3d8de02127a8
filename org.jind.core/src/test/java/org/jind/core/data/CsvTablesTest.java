package org.jind.core.data;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jind.core.JindException;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Wide CSV/TSV tables as pandas, R and spreadsheets write them: their number spellings (and not Java's), missing
 * values and infinities named by line and column, a trailing delimiter, a repeated gene column, and which columns
 * are annotations when no one names them (the KNIME reader): decided over the whole file.
 */
public class CsvTablesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private Path file(String name, String content) throws Exception {
        Path p = tmp.getRoot().toPath().resolve(name);
        Files.writeString(p, content);
        return p;
    }

    private static Dataset read(Path f) {
        return DatasetReader.read(f, null, Set.of("cell_type"));
    }

    private static JindException refused(Runnable r, String message) {
        try {
            r.run();
        } catch (JindException e) {
            assertEquals(message, e.getMessage());
            assertEquals(JindException.BAD_INPUT, e.exitCode());
            return e;
        }
        fail("expected: " + message);
        return null;
    }

    private static float[] row(Dataset d, int r) {
        float[] v = new float[d.genes().length];
        SparseMatrix x = d.matrix();
        for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
            v[x.colIndex(k)] = x.value(k);
        }
        return v;
    }

    @Test
    public void decimalSpellingsOfCsvToolsAreRead() throws Exception {
        // pandas writes 1e-07 and 3.0, R 1e+05, spreadsheets .5 and +1; spaces around a number are allowed
        Path f = file("ok.csv", "cell,a,b,c,d,e,f,g\nc1,3,-0.25,.5,5.,1e-07,1E+05, +1 \n");
        assertArrayEquals(new float[] {3, -0.25f, 0.5f, 5, 1e-7f, 1e5f, 1}, row(read(f), 0), 0f);
    }

    @Test
    public void javaNumberSpellingsAreNotNumbers() throws Exception {
        int line = 2;
        for (String v : new String[] {"2f", "1.5d", "0x1p1", "1_000", "1e", "--1", "1.2.3"}) {
            Path f = file("java.csv", "cell,g1,g2\nc0,1,2\nc1,4," + v + "\n");
            refused(() -> read(f), "java.csv, line " + (line + 1) + ", column 'g2': '" + v + "' is not a number;"
                    + " every column after the cell id is a gene and holds numbers, unless it is named as an"
                    + " annotation column.");
        }
    }

    @Test
    public void missingValuesAndInfinitiesAreNamedByLineAndColumn() throws Exception {
        // pandas' to_csv writes NaN as an empty field and infinities as inf / -inf; R writes NA and Inf
        for (String v : new String[] {"", "NA", "nan", "NaN", "null", "N/A"}) {
            Path f = file("missing.csv", "cell,g1,g2\nc1," + v + ",2\n");
            refused(() -> read(f), "missing.csv, line 2, column 'g1': the value is missing ('" + v + "'); expression"
                    + " values must be numbers: fill in the missing values (e.g. with 0) or leave out those cells.");
        }
        for (String v : new String[] {"inf", "-inf", "Inf", "Infinity", "+inf"}) {
            Path f = file("inf.csv", "cell,g1,g2\nc1,1," + v + "\n");
            refused(() -> read(f), "inf.csv, line 2, column 'g2': '" + v + "' is infinite; expression values must be"
                    + " finite numbers.");
        }
    }

    @Test
    public void aTrailingDelimiterIsNotAColumn() throws Exception {
        // spreadsheets and some scripts end every line with the delimiter; rows may also leave the last field out
        Path f = file("trailing.csv", "cell,g1,g2,cell_type,\nc1,1,2,T,\nc2,0,3,B\n");
        Dataset d = read(f);
        assertArrayEquals(new String[] {"g1", "g2"}, d.genes());
        assertArrayEquals(new float[] {0, 3}, row(d, 1), 0f);
        assertArrayEquals(new String[] {"T", "B"}, d.obs("cell_type"));
        DatasetInfo info = DatasetReader.info(f);
        assertArrayEquals(new String[] {"g1", "g2"}, info.geneNames(info.indexIdentifier()));
        assertEquals(List.of("cell_type"), info.obs().stream().map(DatasetInfo.Column::name).toList());
        Path tsv = file("trailing.tsv", "cell\tg1\tg2\t\nc1\t1\t2\t\n");
        assertArrayEquals(new String[] {"g1", "g2"}, read(tsv).genes());
        // a value under the unnamed column, and an unnamed column in the middle, are mistakes to fix
        Path value = file("value.csv", "cell,g1,g2,\nc1,1,2,\nc2,1,2,7\n");
        refused(() -> read(value), "value.csv, line 3: the last column has the value '7' but no name in the header;"
                + " name it in the header, or remove the value.");
        Path middle = file("middle.csv", "cell,g1,,g2\nc1,1,2,3\n");
        refused(() -> read(middle), "middle.csv: column 3 of the header has no name; every column after the cell id"
                + " needs one (a gene name, or the name of an annotation column).");
        refused(() -> DatasetReader.info(middle), "middle.csv: column 3 of the header has no name; every column"
                + " after the cell id needs one (a gene name, or the name of an annotation column).");
    }

    @Test
    public void aRepeatedGeneColumnIsReportedAsRepeated() throws Exception {
        Path f = file("dup.csv", "cell,g1,g2,g1,cell_type\nc1,1,2,1,T\nc2,0,1,0,B\n");
        String message = "dup.csv: 1 duplicate gene names (first: 'g1'); JIND matches genes by name; make them unique"
                + " (e.g. use gene ids, or suffix repeats with -1, -2).";
        refused(() -> read(f), message);
        // also when read in chunks (annotate), where the genes are matched to a model before any cell is read
        refused(() -> DatasetReader.open(f, null, Set.of("cell_type")).close(), message);
        refused(() -> DatasetReader.info(f), message);
    }

    @Test
    public void unnamedAnnotationColumnsAreTheColumnsOfTextOverTheWholeFile() throws Exception {
        StringBuilder b = new StringBuilder("cell,g1,g2,cell_type,donor\n");
        for (int i = 0; i < 2500; i++) {
            // donor is missing on the first lines (pandas writes an empty field, R NA); g2 has missing values too
            b.append("c").append(i).append(',').append(i % 7).append(',').append(i % 5 == 0 ? "" : "1.5")
                    .append(',').append(i % 2 == 0 ? "T" : "B").append(',').append(i < 3 ? (i == 0 ? "" : "NA")
                            : "d" + (i % 3)).append('\n');
        }
        DatasetInfo info = DatasetReader.info(file("unnamed.csv", b.toString()));
        assertEquals(2500, info.cells());
        assertArrayEquals(new String[] {"g1", "g2"}, info.geneNames(info.indexIdentifier()));
        assertEquals(List.of("cell_type", "donor"), info.obs().stream().map(DatasetInfo.Column::name).toList());
        assertEquals(List.of("B", "T"), info.obs().get(0).levels());
        assertTrue(info.obs().get(1).levels().containsAll(List.of("d0", "d1", "d2")));
    }

    @Test
    public void textInAGeneColumnIsRefusedWhereverItIsNeverTakenForAnAnnotation() throws Exception {
        // on line 1,502 (past the first 1,000 rows once looked at) and on line 3
        for (int at : new int[] {1500, 1}) {
            StringBuilder b = new StringBuilder("cell,g1,g2,cell_type\n");
            for (int i = 0; i < 2000; i++) {
                b.append("c").append(i).append(',').append(i % 4).append(',').append(i == at ? "#VALUE!" : "2")
                        .append(',').append(i % 2 == 0 ? "T" : "B").append('\n');
            }
            Path f = file("typo.csv", b.toString());
            refused(() -> DatasetReader.info(f), "typo.csv: the column 'g2' holds both numbers (line 2: '2') and text"
                    + " (line " + (at + 2) + ": '#VALUE!'); a gene column holds only numbers and an annotation column"
                    + " only text: correct the value in the file.");
        }
        // text first, numbers later: the same
        Path f = file("late.csv", "cell,g1,kind\nc1,1,x\nc2,2,y\nc3,3,4\n");
        refused(() -> DatasetReader.info(f), "late.csv: the column 'kind' holds both numbers (line 4: '4') and text"
                + " (line 2: 'x'); a gene column holds only numbers and an annotation column only text: correct the"
                + " value in the file.");
    }
}
