package org.jind.core.annotate;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.Tensors;
import org.jind.core.testutil.TestData;
import org.jind.core.train.Batches;
import org.jind.core.util.Plural;
import org.junit.Test;

/** The latent code of annotated cells: what the cells were classified from, computed in the same pass. */
public class LatentCodesTest {

    @Test
    public void annotatingWithCodesGivesTheAnnotationAndTheEncodersCodes() {
        Dataset source = TestData.twoBatches().selectBatch("batch", "batch0");
        Dataset target = TestData.twoBatches().selectBatch("batch", "batch1");
        JindModel model = Jind.train(source, "cell_type", null, new TrainSettings(100, 2, 64, 1e-3, 0.2, 0),
                Progress.NONE);
        SparseMatrix x = Jind.prepare(model, target, false, Progress.NONE).matrixFor(model.plan);
        double[] thresholds = Thresholds.compute(model.validation, 0.05);
        Predictor.Coded coded = Predictor.annotateWithCodes(model, x, thresholds);

        Annotation plain = Predictor.annotate(model, x, 0.05);
        assertArrayEquals(plain.probabilities(), coded.annotation().probabilities(), 0f);
        assertArrayEquals(plain.predicted(), coded.annotation().predicted());

        // no generator: the encoder's inference-mode output, cell by cell
        float[] expected = Tensors.toArray(model.net.encode(new Batches(x).range(0, x.rows())));
        assertEquals(target.cells() * ClassifierNet.LATENT, coded.codes().length);
        assertArrayEquals(expected, coded.codes(), 1e-5f);
        assertEquals(expected[ClassifierNet.LATENT + 7], coded.code(1, 7), 1e-5f);
        assertNotEquals(coded.code(0, 0), coded.code(1, 0), 0f);
    }

    @Test
    public void aBatchSeenInPartsHasTheFingerprintOfTheWholeBatch() {
        Dataset target = TestData.twoBatches().selectBatch("batch", "batch1");
        String[] ids = new String[target.cells()];
        for (int i = 0; i < ids.length; i++) {
            ids[ids.length - 1 - i] = target.cellId(i); // order does not matter
        }
        assertEquals(target.cellIdFingerprint(), Dataset.fingerprint(ids));
        assertNotEquals(target.cellIdFingerprint(), Dataset.fingerprint(java.util.Arrays.copyOf(ids, 10)));
    }

    @Test
    public void countsHaveTheNounInTheRightNumber() {
        assertEquals("1 cell", Plural.of(1, "cell"));
        assertEquals("0 cells", Plural.of(0, "cell"));
        assertEquals("2 cells", Plural.of(2, "cell"));
        assertEquals("1 cell type", Plural.of(1, "cell type"));
        assertEquals("3 of them", Plural.of(3, "of it", "of them"));
    }
}
