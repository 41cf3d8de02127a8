package org.jind.core.plot;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.testutil.TestData;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;

/** The figures a real (small) trained and aligned model and its target batch give, written as files. */
public class ModelFiguresTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Dataset target;
    private static JindModel trained;
    private static Aligner.Result aligned;

    @BeforeClass
    public static void trainAndAlign() {
        System.setProperty("java.awt.headless", "true");
        Dataset all = TestData.strongBatchEffect();
        Dataset source = all.selectBatch("batch", "batch0");
        target = all.selectBatch("batch", "batch1");
        trained = Jind.train(source, "cell_type", List.of(Set.of(target.genes())),
                new TrainSettings(5000, 6, 128, 1e-3, 0.2, 0), Progress.NONE);
        aligned = Jind.align(trained, Jind.prepare(trained, target, false, Progress.NONE),
                new AlignSettings(1e-4, 1e-2, 1e-3, 128, 4, 7, 0.05, 0, false), Progress.NONE);
    }

    @Test
    public void aModelAloneGivesItsCurvesConfidenceAndSourceMap() throws Exception {
        JindModel m = JindModel.fromBytes(aligned.model().toBytes(), "aligned"); // as read from a file
        List<Figure> figs = ModelFigures.ofModel(m, 0.05, true, 0);
        assertEquals(List.of("training", "alignment", "confidence-validation", "latent-source"),
                figs.stream().map(Figure::name).toList());
        CombinedDomainXYPlot training = (CombinedDomainXYPlot) figs.get(0).chart().getPlot();
        assertEquals(m.history.size(), training.getSubplots().get(0).getDataset().getItemCount(0));
        CombinedDomainXYPlot alignment = (CombinedDomainXYPlot) figs.get(1).chart().getPlot();
        assertEquals(aligned.history().size(), alignment.getSubplots().get(0).getDataset().getItemCount(0));
        List<Aligner.EpochRecord> stored = ModelFigures.alignmentHistory(m.alignment);
        for (int e = 0; e < stored.size(); e++) { // the model file keeps what the aligner recorded
            Aligner.EpochRecord a = aligned.history().get(e);
            Aligner.EpochRecord b = stored.get(e);
            assertEquals(a.epoch(), b.epoch());
            assertEquals(a.lossG(), b.lossG(), 0);
            assertEquals(a.balanced(), b.balanced());
            assertEquals(a.rejection(), b.rejection(), 0);
        }
        // and the rejections before epoch 1, drawn at epoch 0 (the fresh generator) and as a line (unaligned)
        Curves.AlignmentData data = ModelFigures.alignmentData(m.alignment);
        assertEquals(aligned.freshRejection(), data.freshRejection(), 0);
        assertEquals(aligned.unalignedRejection(), data.unalignedRejection(), 0);
        assertEquals(aligned.bestEpoch(), data.bestEpoch());
        assertEquals(aligned.freshRejection(), alignment.getSubplots().get(1).getDataset().getYValue(1, 0), 0);
        assertTrue(aligned.freshRejection() > 0 && aligned.freshRejection() < 1);
        assertTrue(aligned.bestRejection() <= aligned.freshRejection()); // a later epoch is kept only when better
        Path dir = tmp.getRoot().toPath().resolve("plots");
        List<String> files = ModelFigures.write(figs, dir);
        assertEquals(8, files.size());
        for (String f : files) {
            assertTrue(f, Files.size(dir.resolve(f)) > 1000);
        }
        for (Figure f : figs) {
            FiguresTest.keep("model-", f);
        }
    }

    /** A model file from before the fresh generator's rejection was recorded tells it when it kept that one. */
    @Test
    public void alignmentDataOfAnEarlierModelFile() {
        JsonObject a = aligned.model().alignment.deepCopy();
        a.remove("freshRejection");
        a.addProperty("bestEpoch", 0);
        a.addProperty("targetRejection", 0.125);
        assertEquals(0.125, ModelFigures.alignmentData(a).freshRejection(), 0);
        a.addProperty("bestEpoch", 2);
        assertTrue(Double.isNaN(ModelFigures.alignmentData(a).freshRejection()));
        a.addProperty("bestEpoch", 0);
        a.addProperty("chosen", "unaligned"); // then the target rejection is the unaligned model's
        assertEquals(-1, ModelFigures.alignmentData(a).bestEpoch());
        assertTrue(Double.isNaN(ModelFigures.alignmentData(a).freshRejection()));
    }

    @Test
    public void aModelAndItsBatchGiveConfusionConfidenceAndBothLatentMaps() throws Exception {
        var x = Jind.prepare(aligned.model(), target, false, Progress.NONE).matrixFor(aligned.model().plan);
        List<Figure> figs = ModelFigures.ofBatch(aligned.model(), x, target.obs("cell_type"), 0.05, 0);
        assertEquals(List.of("confusion", "confidence", "latent-before", "latent-after"),
                figs.stream().map(Figure::name).toList());
        for (Figure f : figs) {
            FiguresTest.keep("model-", f);
        }
    }
}
