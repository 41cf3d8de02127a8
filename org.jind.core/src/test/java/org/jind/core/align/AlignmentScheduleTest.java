package org.jind.core.align;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import org.junit.Test;

public class AlignmentScheduleTest {

    @Test
    public void firstUpdateReplacesTheStartValueAndLaterOnesAverage() {
        AlignmentSchedule s = new AlignmentSchedule(7, 15);
        s.startEpoch();
        assertEquals(0.7, s.runningG(), 0);
        s.foldG(0.3);
        assertEquals(0.3, s.runningG(), 1e-12);
        s.foldG(0.5);
        assertEquals(0.4, s.runningG(), 1e-12);
        s.foldD(1.2);
        s.foldD(0.6);
        assertEquals(0.9, s.runningD(), 1e-12);
        s.startEpoch(); // every epoch starts afresh
        assertEquals(0.7, s.runningG(), 0);
        assertEquals(0.7, s.runningD(), 0);
    }

    @Test
    public void gatesFollowTheRunningLosses() {
        AlignmentSchedule s = new AlignmentSchedule(7, 15);
        s.startEpoch();
        assertTrue(s.shouldStepG()); // 0.7 > 0.4
        assertTrue(s.shouldStepD()); // G 0.7 < 0.8
        s.foldG(0.4);
        assertFalse(s.shouldStepG()); // not > 0.4
        s.startEpoch();
        s.foldG(0.9);
        assertFalse(s.shouldStepD()); // G 0.9 ≥ 0.8 and D 0.7 ≤ 1.0
        s.foldD(1.1);
        assertTrue(s.shouldStepD()); // D > 1.0
    }

    @Test
    public void balancedEpochsCountAndStopAtPatience() {
        AlignmentSchedule s = new AlignmentSchedule(3, 15);
        for (int e = 1; e <= 3; e++) {
            s.startEpoch();
            s.foldG(0.6);
            s.foldD(0.7);
            assertTrue(s.endEpoch());
            assertEquals(e, s.balancedEpochs());
            assertEquals(e == 3, s.stopped());
        }
    }

    @Test
    public void unbalancedEpochsStopAfterPatienceAndABalancedOneResetsTheDryCount() {
        AlignmentSchedule s = new AlignmentSchedule(3, 15);
        double[][] losses = {{0.9, 0.7}, {0.3, 0.7}, {0.6, 0.6}, {0.6, 0.45}, {0.8, 0.6}, {0.7, 0.79}};
        boolean[] balanced = {false, false, true, false, false, false};
        for (int e = 0; e < losses.length; e++) {
            s.startEpoch();
            s.foldG(losses[e][0]);
            s.foldD(losses[e][1]);
            assertEquals("epoch " + e, balanced[e], s.endEpoch());
            assertEquals("epoch " + e, e == 5, s.stopped());
        }
        assertEquals(3, s.dryEpochs());
        assertEquals(1, s.balancedEpochs());
    }

    @Test
    public void maxEpochsStops() {
        AlignmentSchedule s = new AlignmentSchedule(7, 2);
        s.startEpoch();
        s.foldG(0.9);
        s.endEpoch();
        assertFalse(s.stopped());
        s.startEpoch();
        s.foldG(0.9);
        s.endEpoch();
        assertTrue(s.stopped());
    }

    @Test
    public void aZeroLossAsksForReinitialisationAndResetsTheCounters() {
        AlignmentSchedule s = new AlignmentSchedule(7, 15);
        s.startEpoch();
        s.foldG(0.6);
        s.foldD(0.6);
        s.endEpoch();
        s.startEpoch();
        s.foldG(0.9);
        s.endEpoch();
        assertEquals(1, s.balancedEpochs());
        assertEquals(1, s.dryEpochs());
        s.startEpoch();
        assertFalse(s.foldG(0.5));
        assertTrue(s.foldD(0.0));
        assertEquals(0, s.balancedEpochs());
        assertEquals(0, s.dryEpochs());
    }

    @Test
    public void iterationsPerEpoch() {
        assertEquals(40, AlignmentSchedule.iterationsPerEpoch(300));
        assertEquals(40, AlignmentSchedule.iterationsPerEpoch(49 * 128));
        assertEquals(50, AlignmentSchedule.iterationsPerEpoch(49 * 128 + 1));
        assertEquals(79, AlignmentSchedule.iterationsPerEpoch(10_000));
    }
}
