package org.jind.core.align;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.prep.PreparedBatch;
import org.jind.core.sim.Simulator;
import org.jind.core.train.Batches;
import org.junit.Test;

/**
 * Alignment on two lanes gives the alignment on one to the bit: the same epochs, losses and rejections, the same
 * generator weights and the same annotation of the target, with sparse minibatches and with dense ones, and
 * through re-initialisations of the generator.
 */
public class AlignmentLanesTest {

    /** A trained model and its target batch prepared for it, from simulated counts about {@code density} non-zero. */
    private record Case(JindModel trained, PreparedBatch target, double density) {
        static Case of(double density, long seed) {
            Dataset all = Simulator.simulate(new Simulator.Settings(300, 200, 3, 2, 1.0, 0.3, 0.05, false, seed),
                    density);
            Dataset source = all.selectBatch("batch", "batch0");
            Dataset target = all.selectBatch("batch", "batch1");
            JindModel trained = Jind.train(source, "cell_type", List.of(Set.of(target.genes())),
                    new TrainSettings(200, 3, 128, 1e-3, 0.2, 0), Progress.NONE);
            PreparedBatch prepared = Jind.prepare(trained, target, false, Progress.NONE);
            return new Case(trained, prepared, (double) target.matrix().nonZeros() / target.cells() / target.genes().length);
        }
    }

    /** {@code one}: the alignment with these settings on one lane. */
    private static void assertSameOnTwoLanes(Case c, AlignSettings s, Aligner.Result one) {
        Aligner.Result two = Jind.align(c.trained(), c.target(), s, 2, Progress.NONE);
        assertEquals(one.history(), two.history());
        assertEquals(one.bestEpoch(), two.bestEpoch());
        assertEquals(one.bestRejection(), two.bestRejection(), 0);
        List<float[]> a = AlignmentEndToEndTest.weights(one.model().generator.allParams());
        List<float[]> b = AlignmentEndToEndTest.weights(two.model().generator.allParams());
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals("parameter " + i, a.get(i), b.get(i), 0f);
        }
        assertArrayEquals(Jind.annotate(one.model(), c.target(), s.theta(), Progress.NONE).probabilities(),
                Jind.annotate(two.model(), c.target(), s.theta(), Progress.NONE).probabilities(), 0f);
        // several epochs of the game were compared, not only the fresh generator
        assertTrue(one.history().toString(), one.history().size() >= 2);
    }

    @Test
    public void sparseMinibatchesGiveTheSameGenerator() {
        Case c = Case.of(0.05, 21);
        assertTrue("density " + c.density(), c.density() < Batches.SPARSE_MAX_DENSITY);
        AlignSettings s = new AlignSettings(1e-4, 1e-2, 1e-3, 128, 3, 7, 0.05, 0, false);
        assertSameOnTwoLanes(c, s, Jind.align(c.trained(), c.target(), s, 1, Progress.NONE));
    }

    @Test
    public void denseMinibatchesGiveTheSameGenerator() {
        Case c = Case.of(0.6, 22);
        assertTrue("density " + c.density(), c.density() > Batches.SPARSE_MAX_DENSITY);
        AlignSettings s = new AlignSettings(1e-4, 1e-2, 1e-3, 128, 3, 7, 0.05, 1, false);
        assertSameOnTwoLanes(c, s, Jind.align(c.trained(), c.target(), s, 1, Progress.NONE));
    }

    @Test
    public void reinitialisationsHappenAtTheSamePlaces() {
        // a learning rate this large collapses the game: losses of exactly 0 re-initialise the generator's MLPs
        Case c = Case.of(0.05, 23);
        AlignSettings s = new AlignSettings(0.05, 1e-2, 1e-3, 128, 3, 7, 0.05, 2, false);
        Aligner.Result r = Jind.align(c.trained(), c.target(), s, 1, Progress.NONE);
        assertTrue(r.history().toString(), r.history().stream().mapToInt(Aligner.EpochRecord::reinitialisations)
                .sum() > 0);
        assertSameOnTwoLanes(c, s, r);
    }

    @Test
    public void otherLaneCountsAreRefused() {
        Case c = Case.of(0.05, 21);
        for (int lanes : new int[] {0, 3}) {
            try {
                Jind.align(c.trained(), c.target(), AlignSettings.defaults(), lanes, Progress.NONE);
                assertFalse("lanes " + lanes, true);
            } catch (JindException e) {
                assertEquals("Alignment runs on 1 or 2 lanes; " + lanes + " were asked for.", e.getMessage());
            }
        }
    }
}
