package org.jind.knime.logic;

import static org.jind.knime.logic.ColumnChoiceTest.assertMessage;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.junit.Test;

/** The missing value policy and the table-to-Dataset conversion from plain row values. */
public class MissingValuesAndDatasetTest {
    private static final String[] GENES = {"G1", "G2", "G3"};

    @Test
    public void policyParsesDialogTextAndConstantNames() {
        assertEquals(MissingValuePolicy.FAIL, MissingValuePolicy.parse("Fail"));
        assertEquals(MissingValuePolicy.ZERO, MissingValuePolicy.parse("treat as 0"));
        assertEquals(MissingValuePolicy.ZERO, MissingValuePolicy.parse("ZERO"));
        assertEquals(MissingValuePolicy.FAIL, MissingValuePolicy.parse(" fail "));
        assertArrayEquals(new String[] {"Fail", "Treat as 0"}, MissingValuePolicy.labels());
        assertMessage(() -> MissingValuePolicy.parse("mean"), "Unknown choice 'mean'", NodeParameters.MISSING_VALUES);
        assertMessage(() -> MissingValuePolicy.parse(null), "Unknown choice");
    }

    @Test
    public void rowsBecomeASparseDatasetWithCellIdsAndAnnotations() {
        DatasetBuilder b = new DatasetBuilder(GENES, new String[] {"cell_type"}, MissingValuePolicy.FAIL, "t");
        b.addRow("Row0", new double[] {0, 2.5, 0}, new String[] {"T"});
        b.addRow("Row1", new double[] {1, 0, 3}, new String[] {null});
        Dataset d = b.build();
        assertEquals(2, d.cells());
        assertArrayEquals(new String[] {"Row0", "Row1"}, d.cellIds());
        assertArrayEquals(GENES, d.genes());
        assertArrayEquals(new String[] {"T", null}, d.obs("cell_type"));
        SparseMatrix x = d.matrix();
        assertEquals(3, x.nonZeros()); // zeros are not stored
        assertEquals(2.5f, x.get(0, 1), 0);
        assertEquals(3f, x.get(1, 2), 0);
        assertNull(b.missingValueWarning());
    }

    @Test
    public void missingGeneValuesFailByDefaultNamingRowAndColumn() {
        DatasetBuilder b = new DatasetBuilder(GENES, new String[0], MissingValuePolicy.FAIL, "t");
        assertMessage(() -> b.addRow("cell7", new double[] {1, Double.NaN, 0}, new String[0]), "Row 'cell7'",
                "gene column 'G2'", "Missing Value node", "'Treat as 0'");
    }

    @Test
    public void missingGeneValuesCanBeTreatedAsZero() {
        DatasetBuilder b = new DatasetBuilder(GENES, new String[0], MissingValuePolicy.ZERO, "t");
        b.addRow("a", new double[] {Double.NaN, 1, Double.NaN}, new String[0]);
        b.addRow("b", new double[] {Double.NaN, 1, 1}, new String[0]);
        Dataset d = b.build();
        assertEquals(0f, d.matrix().get(0, 0), 0);
        assertEquals(3, b.missingTreatedAsZero());
        assertEquals("3 missing values in gene columns were treated as 0.", b.missingValueWarning());
    }

    @Test
    public void infiniteValuesAreRefusedWhateverThePolicy() {
        DatasetBuilder b = new DatasetBuilder(GENES, new String[0], MissingValuePolicy.ZERO, "t");
        assertMessage(() -> b.addRow("a", new double[] {1, Double.POSITIVE_INFINITY, 0}, new String[0]),
                "gene column 'G2'", "finite");
        assertMessage(() -> b.addRow("a", new double[] {1e300, 0, 0}, new String[0]), "finite");
        // a refused row leaves nothing behind
        b.addRow("b", new double[] {1, 2, 3}, new String[0]);
        assertArrayEquals(new String[] {"b"}, b.build().cellIds());
    }

    @Test
    public void duplicateRowIdsAreRefusedByTheCore() {
        DatasetBuilder b = new DatasetBuilder(GENES, new String[0], MissingValuePolicy.FAIL, "the input table");
        b.addRow("a", new double[] {1, 2, 3}, new String[0]);
        b.addRow("a", new double[] {1, 2, 3}, new String[0]);
        assertMessage(b::build, "duplicate cell ids");
    }

    @Test
    public void simulatedTableRoundTripsExactly() {
        Dataset source = TinyJind.source();
        DatasetBuilder b = new DatasetBuilder(source.genes(), new String[] {TinyJind.LABEL}, MissingValuePolicy.FAIL,
                "t");
        for (TinyJind.Row r : TinyJind.rows(source, TinyJind.LABEL)) {
            b.addRow(r.id(), r.values(), r.strings());
        }
        Dataset d = b.build();
        assertArrayEquals(source.cellIds(), d.cellIds());
        assertArrayEquals(source.obs(TinyJind.LABEL), d.obs(TinyJind.LABEL));
        assertEquals(source.matrix().nonZeros(), d.matrix().nonZeros());
        for (int r = 0; r < d.cells(); r += 17) {
            for (int c = 0; c < GENES.length; c++) {
                assertEquals(source.matrix().get(r, c), d.matrix().get(r, c), 0);
            }
        }
        assertEquals(source.cellIdFingerprint(), d.cellIdFingerprint());
    }
}
