package org.jind.core.eval;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.jind.core.annotate.Annotation;
import org.junit.Test;

public class MetricsTest {

    @Test
    public void rawRejectionEffectiveF1AndConfusion() {
        String[] classes = {"A", "B"};
        // cells: truth A A B B N(ovel); raw A B B A A; cell 1 and 4 rejected
        float[] p = {0.9f, 0.1f, 0.4f, 0.6f, 0.2f, 0.8f, 0.7f, 0.3f, 0.55f, 0.45f};
        Annotation a = Annotation.of(classes, p, new double[] {0.6, 0.7});
        assertArrayEquals(new int[] {0, Annotation.UNASSIGNED, 1, 0, Annotation.UNASSIGNED}, a.predicted());
        Metrics m = Metrics.of(a, new String[] {"A", "A", "B", "B", "N"});
        assertEquals(5, m.cells());
        assertEquals(2.0 / 5, m.raw(), 1e-12); // cells 0 and 2 right; novel always wrong
        assertEquals(2.0 / 5, m.rej(), 1e-12);
        assertEquals(2.0 / 3, m.eff(), 1e-12); // kept 0,2,3: right 0,2
        // A: predicted {0,3}, tp 1 -> p .5, r .5 ; B: predicted {2}, tp 1 -> p 1, r .5 ; N: p 0 r 0
        Metrics.ClassScore sa = m.perClass().get(0);
        assertEquals("A", sa.label());
        assertEquals(0.5, sa.f1(), 1e-12);
        assertEquals(2.0 / 3, m.perClass().get(1).f1(), 1e-12);
        assertEquals(0.0, m.perClass().get(2).f1(), 1e-12);
        assertEquals((0.5 + 2.0 / 3 + 0) / 3, m.meanF1(), 1e-12);
        assertEquals(0.5, m.medianF1(), 1e-12);
        assertEquals((0.5 * 2 + 2.0 / 3 * 2) / 5, m.weightedF1(), 1e-12);
        assertArrayEquals(new String[] {"A", "B", "Unassigned"}, m.predictedColumns());
        assertArrayEquals(new double[] {0.5, 0, 0.5}, m.confusion()[0], 1e-12);
        assertArrayEquals(new double[] {0.5, 0.5, 0}, m.confusion()[1], 1e-12);
        assertArrayEquals(new double[] {0, 0, 1}, m.confusion()[2], 1e-12);
        assertEquals(Double.NaN, m.perClass().get(2).averagePrecision(), 0);
        // AP of B: scores .1 .6 .8 .3 .45 ; positives cells 2,3 -> ranking 2(+) 1(-) 4(-) 3(+) 0(-)
        assertEquals(0.5 * 1 + 0.5 * 0.5, m.perClass().get(1).averagePrecision(), 1e-12);
    }
}
