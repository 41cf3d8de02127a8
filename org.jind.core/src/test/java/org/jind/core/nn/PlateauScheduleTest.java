package org.jind.core.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class PlateauScheduleTest {

    static final class FakeOptimizer implements Optimizer {
        double lr = 1e-3;

        @Override
        public void step() {
        }

        @Override
        public double learningRate() {
            return lr;
        }

        @Override
        public void setLearningRate(double lr) {
            this.lr = lr;
        }

        @Override
        public List<Param> params() {
            return List.of();
        }
    }

    @Test
    public void halvesAfterMoreThanTwoEpochsWithoutFivePercentImprovement() {
        FakeOptimizer o = new FakeOptimizer();
        PlateauSchedule s = new PlateauSchedule(o);
        assertFalse(s.step(1.0)); // best 1.0
        assertFalse(s.step(0.96)); // not < 0.95: bad 1
        assertFalse(s.step(0.951)); // bad 2
        assertTrue(s.step(0.97)); // bad 3 > patience 2: halve
        assertEquals(5e-4, o.lr, 1e-15);
        assertFalse(s.step(0.94)); // < 0.95: improvement, best 0.94
        assertFalse(s.step(0.90)); // 0.90 < 0.893? no: bad 1
        assertFalse(s.step(0.89)); // < 0.893: improvement
        assertEquals(5e-4, o.lr, 1e-15);
    }
}
