package org.jind.core.annotate;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.jind.core.model.ValidationStats;
import org.junit.Test;

public class ThresholdsTest {

    @Test
    public void thresholdIsTheProbabilityAtFloorThetaNPlusOne() {
        // class 0 predicted for 4 cells with max probs 0.6, 0.9, 0.7, 0.8 -> sorted 0.6 0.7 0.8 0.9
        // theta 0.05: l = floor(0.2) + 1 = 1 -> 0.7 ; theta 0.5: l = 3 -> 0.9
        // class 1 predicted for 1 cell: l = 1, not < 1 -> 0.9 ; class 2 never predicted -> 0.9
        float[] p = {
            0.6f, 0.3f, 0.1f,
            0.9f, 0.05f, 0.05f,
            0.7f, 0.2f, 0.1f,
            0.8f, 0.1f, 0.1f,
            0.2f, 0.75f, 0.05f,
        };
        ValidationStats v = new ValidationStats(p, new int[] {0, 0, 1, 0, 1}, 3);
        assertArrayEquals(new double[] {0.7f, 0.9, 0.9}, Thresholds.compute(v, 0.05), 1e-7);
        assertArrayEquals(new double[] {0.9f, 0.9, 0.9}, Thresholds.compute(v, 0.5), 1e-7);
        assertArrayEquals(new double[] {0.8f, 0.9, 0.9}, Thresholds.compute(v, 0.25), 1e-7);
    }

    @Test
    public void annotationRejectsBelowTheThresholdOfTheRawClass() {
        float[] probs = {0.69f, 0.31f, 0.71f, 0.29f, 0.2f, 0.8f};
        Annotation a = Annotation.of(new String[] {"x", "y"}, probs, new double[] {0.7, 0.85});
        assertArrayEquals(new int[] {0, 0, 1}, a.raw());
        assertArrayEquals(new int[] {Annotation.UNASSIGNED, 0, Annotation.UNASSIGNED}, a.predicted());
        assertEquals("Unassigned", a.predictedLabel(0));
        assertEquals("x", a.rawLabel(0));
        assertEquals(2.0 / 3, a.rejectedFraction(), 1e-12);
    }
}
