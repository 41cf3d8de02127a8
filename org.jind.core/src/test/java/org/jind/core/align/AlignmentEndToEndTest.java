package org.jind.core.align;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Set;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.eval.Metrics;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.core.model.TrainSettings;
import org.jind.core.nn.Param;
import org.jind.core.nn.Tensors;
import org.jind.core.testutil.TestData;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Alignment and JIND+ on simulated batches with a strong batch effect: alignment must lower the rejection
 * without costing more than 0.02 raw accuracy, the frozen networks must not change, and JIND+ keeps the
 * thresholds of the source.
 */
public class AlignmentEndToEndTest {
    private static Dataset target;
    private static JindModel trained;
    private static Aligner.Result aligned;
    private static List<float[]> trainedWeightsBefore;

    @BeforeClass
    public static void alignOnce() {
        Dataset all = TestData.strongBatchEffect();
        Dataset source = all.selectBatch("batch", "batch0");
        target = all.selectBatch("batch", "batch1");
        trained = Jind.train(source, "cell_type", List.of(Set.of(target.genes())),
                new TrainSettings(5000, 10, 128, 1e-3, 0.2, 0), Progress.NONE);
        trainedWeightsBefore = weights(trained.net.params());
        aligned = Jind.align(trained, target, new AlignSettings(1e-4, 1e-2, 1e-3, 128, 8, 7, 0.05, 0, false),
                false, Progress.NONE);
    }

    static List<float[]> weights(List<Param> params) {
        return params.stream().map(p -> Tensors.toArray(p.value)).toList();
    }

    @Test
    public void alignmentLowersRejectionWithoutLosingAccuracy() {
        Metrics before = Metrics.of(Jind.annotate(trained, target, 0.05, false, Progress.NONE), target.obs("cell_type"));
        Metrics after = Metrics.of(Jind.annotate(aligned.model(), target, 0.05, false, Progress.NONE),
                target.obs("cell_type"));
        assertTrue("rejection " + before.rej() + " -> " + after.rej(), after.rej() < before.rej());
        assertTrue("raw " + before.raw() + " -> " + after.raw(), after.raw() >= before.raw() - 0.02);
        assertEquals(after.rej(), aligned.bestRejection(), 1e-12);
        assertEquals(before.rej(), aligned.unalignedRejection(), 1e-12);
    }

    @Test
    public void trainedNetworksStayBitIdentical() {
        List<float[]> after = weights(trained.net.params());
        for (int i = 0; i < after.size(); i++) {
            assertArrayEquals(trainedWeightsBefore.get(i), after.get(i), 0f);
        }
        // the aligned model carries the same frozen encoder and head, and its generator's encoder copy
        List<float[]> alignedNet = weights(aligned.model().net.params());
        for (int i = 0; i < alignedNet.size(); i++) {
            assertArrayEquals(trainedWeightsBefore.get(i), alignedNet.get(i), 0f);
        }
        assertArrayEquals(trainedWeightsBefore.get(0), Tensors.toArray(aligned.model().generator.encoder.weight.value), 0f);
    }

    @Test
    public void theSameSeedGivesTheSameGenerator() {
        AlignSettings s = new AlignSettings(1e-4, 1e-2, 1e-3, 128, 2, 7, 0.05, 3, false);
        Aligner.Result a = Jind.align(trained, target, s, false, Progress.NONE);
        Aligner.Result b = Jind.align(trained, target, s, false, Progress.NONE);
        assertEquals(a.history(), b.history());
        List<float[]> wa = weights(a.model().generator.allParams());
        List<float[]> wb = weights(b.model().generator.allParams());
        for (int i = 0; i < wa.size(); i++) {
            assertArrayEquals(wa.get(i), wb.get(i), 0f);
        }
        // another seed gives another generator, so the equality above is not trivially true
        Aligner.Result c = Jind.align(trained, target, new AlignSettings(1e-4, 1e-2, 1e-3, 128, 2, 7, 0.05, 4,
                false), false, Progress.NONE);
        assertTrue(!java.util.Arrays.equals(wa.get(1), weights(c.model().generator.allParams()).get(1)));
    }

    @Test
    public void alignedModelRecordsItsBatchAndHistory() {
        JindModel m = aligned.model();
        assertEquals(Stage.ALIGNED, m.stage);
        assertNotNull(m.generator);
        assertEquals(target.cells(), m.alignment.get("targetCells").getAsInt());
        assertEquals(target.cellIdFingerprint(), m.alignment.get("targetFingerprint").getAsString());
        assertTrue(aligned.history().size() >= 1 && aligned.history().size() <= 8);
        // a save/load round trip keeps the generator: the same predictions
        JindModel back = JindModel.fromBytes(m.toBytes(), "aligned");
        assertArrayEquals(Jind.annotate(m, target, 0.05, false, Progress.NONE).probabilities(),
                Jind.annotate(back, target, 0.05, false, Progress.NONE).probabilities(), 0f);
        // annotating another batch with it warns
        StringBuilder warnings = new StringBuilder();
        Progress collect = new Progress() {
            @Override
            public void report(String stage, double fraction, String message) {
            }

            @Override
            public void warn(String message) {
                warnings.append(message);
            }
        };
        Jind.annotate(m, TestData.strongBatchEffect().selectBatch("batch", "batch0"), 0.05, false, collect);
        assertTrue(warnings.toString(), warnings.toString().contains("aligned to another batch"));
    }

    @Test
    public void selfTrainingChangesOnlyTheGeneratorsEncoderAndKeepsSourceThresholds() {
        JindModel alignedModel = aligned.model();
        List<float[]> generatorBefore = weights(alignedModel.generator.alignmentParams());
        SelfTrainer.Result plus = Jind.selfTrain(alignedModel, target, new SelfTrainSettings(1e-4, 128, 3, 0.1, 0.95, 0),
                false, Progress.NONE);
        JindModel p = plus.model();
        assertEquals(Stage.SELFTRAINED, p.stage);
        assertTrue(plus.pseudoLabelled() > 0.9 * target.cells());
        // the encoder copy inside G learned; shift, F2, F3, the source encoder and the head did not
        assertTrue(!java.util.Arrays.equals(trainedWeightsBefore.get(0), Tensors.toArray(p.generator.encoder.weight.value)));
        List<float[]> generatorAfter = weights(p.generator.alignmentParams());
        for (int i = 0; i < generatorAfter.size(); i++) {
            assertArrayEquals(generatorBefore.get(i), generatorAfter.get(i), 0f);
        }
        List<float[]> net = weights(p.net.params());
        for (int i = 0; i < net.size(); i++) {
            assertArrayEquals(trainedWeightsBefore.get(i), net.get(i), 0f);
        }
        assertArrayEquals(trained.validation.probabilities(), p.validation.probabilities(), 0f);
        Annotation a = Jind.annotate(p, target, 0.05, false, Progress.NONE);
        Metrics m = Metrics.of(a, target.obs("cell_type"));
        assertTrue("JIND+ raw " + m.raw(), m.raw() > 0.8);
    }
}
