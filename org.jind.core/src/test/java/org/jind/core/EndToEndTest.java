package org.jind.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.eval.Metrics;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.testutil.TestData;
import org.junit.Test;

/** Train on one simulated batch, annotate the other: accuracy, rejection and determinism. */
public class EndToEndTest {

    static TrainSettings settings(long seed) {
        return new TrainSettings(5000, 6, 128, 1e-3, 0.2, seed);
    }

    @Test
    public void annotatesAnotherBatchAccuratelyAndReproducibly() {
        Dataset all = TestData.twoBatches();
        Dataset source = all.selectBatch("batch", "batch0");
        Dataset target = all.selectBatch("batch", "batch1");
        List<Set<String>> genes = List.of(Set.of(target.genes()));
        JindModel m1 = Jind.train(source, "cell_type", genes, settings(1), Progress.NONE);
        assertEquals(4, m1.classes.length);
        assertEquals(300, m1.genes()); // fewer genes than 5000: all kept
        assertTrue(m1.plan.counts());
        Annotation a = Jind.annotate(m1, target, 0.05, false, Progress.NONE);
        Metrics m = Metrics.of(a, target.obs("cell_type"));
        assertTrue("raw accuracy " + m.raw(), m.raw() > 0.9);
        assertTrue("rejection " + m.rej(), m.rej() < 0.5);
        assertTrue("effective accuracy " + m.eff(), m.eff() >= m.raw() - 1e-9);

        // the same data and seed give the same model and predictions; another seed another model
        JindModel m2 = Jind.train(source, "cell_type", genes, settings(1), Progress.NONE);
        Annotation a2 = Jind.annotate(m2, target, 0.05, false, Progress.NONE);
        assertArrayEquals(a.probabilities(), a2.probabilities(), 0f);
        assertArrayEquals(m1.validation.probabilities(), m2.validation.probabilities(), 0f);
        JindModel m3 = Jind.train(source, "cell_type", genes, settings(2), Progress.NONE);
        assertTrue(!java.util.Arrays.equals(m1.validation.probabilities(), m3.validation.probabilities()));
    }

    @Test
    public void cancellingStopsTrainingWithinAnEpoch() {
        Dataset source = TestData.twoBatches().selectBatch("batch", "batch0");
        int[] reports = new int[1];
        Progress cancelAfterFirstEpoch = new Progress() {
            @Override
            public void report(String stage, double fraction, String message) {
                if (message.contains("val acc")) {
                    reports[0]++;
                }
            }

            @Override
            public boolean isCancelled() {
                return reports[0] >= 1;
            }
        };
        try {
            Jind.train(source, "cell_type", null, settings(0), cancelAfterFirstEpoch);
            throw new AssertionError("training was not cancelled");
        } catch (Progress.CancelledException expected) {
            assertEquals(1, reports[0]);
        }
    }
}
