package org.jind.knime.logic;

import static org.jind.knime.logic.ColumnChoiceTest.assertMessage;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.Random;

import org.jind.core.annotate.Annotation;
import org.jind.core.eval.Metrics;
import org.junit.Test;

/** The scorer's figures from three string columns, checked by hand and against the core's Metrics. */
public class ScorerTest {
    private static final String U = Annotation.UNASSIGNED_LABEL;

    @Test
    public void handWorkedExample() {
        String[] truth = {"A", "A", "A", "B", "B", "N"};
        String[] raw = {"A", "A", "B", "B", "A", "A"};
        String[] pred = {"A", U, "B", "B", U, "A"};
        Scorer.Scores s = Scorer.score(truth, pred, raw);
        assertEquals(6, s.cells());
        assertEquals(3.0 / 6, s.raw(), 1e-12);
        assertEquals(2.0 / 6, s.rejected(), 1e-12);
        assertEquals(2.0 / 4, s.effective(), 1e-12); // kept: A ok, B wrong, B ok, A wrong (novel N)
        // F1 per true label: A p=1/2 r=1/3 -> 0.4; B p=1/2 r=1/2 -> 0.5; N (novel) -> 0
        assertEquals((0.4 + 0.5 + 0) / 3, s.meanF1(), 1e-12);
        assertEquals(0.4, s.medianF1(), 1e-12);
        assertEquals((0.4 * 3 + 0.5 * 2) / 6, s.weightedF1(), 1e-12);
        assertArrayEquals(new String[] {"A", "B", "N"}, s.trueLabels());
        assertArrayEquals(new String[] {"A", "B", U}, s.predictedColumns());
        assertArrayEquals(new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, s.confusion()[0], 1e-12);
        assertArrayEquals(new double[] {0, 0.5, 0.5}, s.confusion()[1], 1e-12);
        assertArrayEquals(new double[] {1, 0, 0}, s.confusion()[2], 1e-12);
        assertArrayEquals(new int[] {3, 2, 1}, s.rowCells());
    }

    @Test
    public void everythingRejectedLeavesEffectiveAccuracyMissing() {
        Scorer.Scores s = Scorer.score(new String[] {"A", "B"}, new String[] {U, U}, new String[] {"A", "A"});
        assertTrue(Double.isNaN(s.effective()));
        assertEquals(1.0, s.rejected(), 0);
        assertEquals(0.0, s.meanF1(), 0);
    }

    @Test
    public void agreesWithTheCoreMetricsOnRandomAnnotations() {
        Random rnd = new Random(3);
        String[] classes = {"A", "B", "C", "D"};
        for (int trial = 0; trial < 20; trial++) {
            int n = 50 + rnd.nextInt(100);
            float[] probs = new float[n * classes.length];
            String[] truth = new String[n];
            for (int i = 0; i < n; i++) {
                float sum = 0;
                for (int c = 0; c < classes.length; c++) {
                    probs[i * classes.length + c] = rnd.nextFloat() + (c == i % classes.length ? 1 : 0);
                    sum += probs[i * classes.length + c];
                }
                for (int c = 0; c < classes.length; c++) {
                    probs[i * classes.length + c] /= sum;
                }
                // mostly right, some wrong, some novel
                int r = rnd.nextInt(10);
                truth[i] = r < 7 ? classes[i % classes.length] : r < 9 ? classes[rnd.nextInt(4)] : "Novel";
            }
            Annotation a = Annotation.of(classes, probs, new double[] {0.3, 0.35, 0.4, 0.3});
            String[] raw = new String[n];
            String[] pred = new String[n];
            for (int i = 0; i < n; i++) {
                raw[i] = a.rawLabel(i);
                pred[i] = a.predictedLabel(i);
            }
            Metrics m = Metrics.of(a, truth);
            Scorer.Scores s = Scorer.score(truth, pred, raw);
            assertEquals(m.raw(), s.raw(), 1e-12);
            assertEquals(m.rej(), s.rejected(), 1e-12);
            assertEquals(m.eff(), s.effective(), 1e-12);
            assertEquals(m.meanF1(), s.meanF1(), 1e-12);
            assertEquals(m.medianF1(), s.medianF1(), 1e-12);
            assertEquals(m.weightedF1(), s.weightedF1(), 1e-12);
            assertArrayEquals(m.trueLabels(), s.trueLabels());
            assertArrayEquals(m.predictedColumns(), s.predictedColumns());
            for (int r = 0; r < m.trueLabels().length; r++) {
                assertArrayEquals(m.confusion()[r], s.confusion()[r], 1e-12);
            }
        }
    }

    @Test
    public void tablesCarryTheFigures() {
        Scorer.Scores s = Scorer.score(new String[] {"A", "B", "Cells"}, new String[] {"A", U, "Cells"},
                new String[] {"A", "A", "Cells"});
        ResultTable metrics = Scorer.metricsTable(s);
        assertEquals(Scorer.METRICS_COLUMNS, metrics.columns());
        assertEquals("Overall", metrics.rows().get(0).id());
        assertEquals(3, metrics.rows().get(0).values()[0]);
        ResultTable confusion = Scorer.confusionTable(s);
        // a predicted label called "Cells" keeps its name; the count column gets a suffix
        assertEquals("Cells", confusion.columns().get(1).name());
        assertEquals("Cells (#1)", confusion.columns().get(3).name());
        assertEquals(OutputColumn.Kind.INT, confusion.columns().get(3).kind());
        assertEquals("B", confusion.rows().get(1).id());
        assertArrayEquals(new Object[] {0.0, 0.0, 1.0, 1}, confusion.rows().get(1).values());
    }

    @Test
    public void missingValuesAndEmptyTablesGetSentences() {
        assertMessage(() -> Scorer.score(new String[] {"A", null}, new String[] {"A", "A"}, new String[] {"A", "A"}),
                "1 row has no true label");
        assertMessage(() -> Scorer.score(new String[] {"A", "B"}, new String[] {"", null}, new String[] {"A", "A"}),
                "2 rows have no prediction");
        assertMessage(() -> Scorer.score(new String[0], new String[0], new String[0]), "no rows");
    }
}
