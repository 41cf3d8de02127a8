package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.jind.core.align.Aligner;
import org.jind.core.annotate.Thresholds;
import org.jind.core.model.JindModel;
import org.jind.core.model.ValidationStats;
import org.junit.Test;

/** The per-type validation table of Train JIND and the per-epoch table of Align Batch. */
public class ResultTablesTest {

    @Test
    public void validationRowsCountCellsAccuracyAndThreshold() {
        // 3 classes; class 0: 3 cells (2 right), class 1: 1 cell (right), class 2: none
        float[] p = {
            0.8f, 0.1f, 0.1f,
            0.6f, 0.3f, 0.1f,
            0.2f, 0.7f, 0.1f,
            0.1f, 0.85f, 0.05f};
        ValidationStats v = new ValidationStats(p, new int[] {0, 0, 0, 1}, 3);
        ResultTable t = ResultTables.validation(new String[] {"A", "B", "C"}, v);
        assertEquals(ResultTables.VALIDATION_COLUMNS, t.columns());
        double[] th = Thresholds.compute(v, Thresholds.DEFAULT_THETA);
        assertEquals("A", t.rows().get(0).id());
        assertArrayEquals(new Object[] {"A", 3, 2.0 / 3, th[0]}, t.rows().get(0).values());
        assertArrayEquals(new Object[] {"B", 1, 1.0, th[1]}, t.rows().get(1).values());
        Object[] c = t.rows().get(2).values();
        assertEquals(0, c[1]);
        assertTrue(Double.isNaN((Double) c[2])); // no validation cells: missing accuracy
        assertEquals(Thresholds.FALLBACK, (Double) c[3], 0);
    }

    @Test
    public void validationTableOfARealModel() {
        JindModel m = TinyJind.trained();
        ResultTable t = ResultTables.validation(m);
        assertEquals(m.classes.length, t.rows().size());
        int cells = t.rows().stream().mapToInt(r -> (Integer) r.values()[1]).sum();
        assertEquals(m.validation.cells(), cells);
        for (ResultTable.Row r : t.rows()) {
            double acc = (Double) r.values()[2];
            assertTrue(acc >= 0 && acc <= 1);
        }
    }

    @Test
    public void alignmentRowsOnePerEpochWithMissingRejectionWhenUnbalanced() {
        ResultTable t = ResultTables.alignment(List.of(new Aligner.EpochRecord(1, 0.71, 0.69, false, Double.NaN, 0),
                new Aligner.EpochRecord(2, 0.6, 0.62, true, 0.031, 2)));
        assertEquals(ResultTables.ALIGNMENT_COLUMNS, t.columns());
        assertEquals("Epoch 1", t.rows().get(0).id());
        assertArrayEquals(new Object[] {1, 0.71, 0.69, false, Double.NaN, 0}, t.rows().get(0).values());
        assertArrayEquals(new Object[] {2, 0.6, 0.62, true, 0.031, 2}, t.rows().get(1).values());
    }

    @Test
    public void rowsMustFitTheColumns() {
        assertThrows(IllegalArgumentException.class, () -> new ResultTable(ResultTables.VALIDATION_COLUMNS,
                List.of(new ResultTable.Row("x", new Object[] {"A"}))));
    }

    @Test
    public void severalBatchesHistoriesFollowEachOtherWithTheBatchFirst() {
        Aligner.EpochRecord a1 = new Aligner.EpochRecord(1, 0.7, 0.6, true, 0.12, 0);
        Aligner.EpochRecord a2 = new Aligner.EpochRecord(2, 0.9, 0.4, false, Double.NaN, 1);
        Aligner.EpochRecord b1 = new Aligner.EpochRecord(1, 0.65, 0.61, true, 0.08, 0);
        ResultTable t = ResultTables.alignment(List.of("d 1", "d2"), List.of(List.of(a1, a2), List.of(b1)));
        assertEquals("Batch", t.columns().get(0).name());
        assertEquals(ResultTables.ALIGNMENT_COLUMNS, t.columns().subList(1, t.columns().size()));
        assertEquals(List.of("d 1 / Epoch 1", "d 1 / Epoch 2", "d2 / Epoch 1"),
                t.rows().stream().map(ResultTable.Row::id).toList());
        assertArrayEquals(new Object[] {"d 1", 2, 0.9, 0.4, false, Double.NaN, 1}, t.rows().get(1).values());
        assertArrayEquals(new Object[] {"d2", 1, 0.65, 0.61, true, 0.08, 0}, t.rows().get(2).values());
    }
}
