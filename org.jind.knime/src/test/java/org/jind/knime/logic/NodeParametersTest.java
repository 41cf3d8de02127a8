package org.jind.knime.logic;

import static org.jind.knime.logic.ColumnChoiceTest.assertMessage;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import org.jind.core.JindException;
import org.jind.core.align.AlignSettings;
import org.jind.core.annotate.Thresholds;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.model.TrainSettings;
import org.junit.Test;

/** Dialog values become the core's settings; bad values get sentences naming the dialog option. */
public class NodeParametersTest {

    @Test
    public void defaultsPassAndReachTheCoreUnchanged() {
        TrainSettings d = TrainSettings.defaults();
        TrainSettings t = NodeParameters.train(d.genesKept(), d.epochs(), d.batchSize(), d.learningRate(),
                d.validationFraction(), 42);
        assertEquals(new TrainSettings(5000, 15, 128, 1e-3, 0.2, 42), t);
        AlignSettings a = AlignSettings.defaults();
        AlignSettings al = NodeParameters.align(a.learningRate(), a.weightDecayG(), a.weightDecayD(), a.batchSize(),
                a.maxEpochs(), a.patience(), a.theta(), 3, true);
        assertEquals(new AlignSettings(1e-4, 1e-2, 1e-3, 128, 15, 7, 0.05, 3, true), al);
        SelfTrainSettings st = SelfTrainSettings.defaults();
        assertEquals(new SelfTrainSettings(1e-4, 128, 10, 0.1, 0.95, 5),
                NodeParameters.selfTrain(st.learningRate(), st.batchSize(), st.epochs(), st.validationFraction(),
                        st.keepFraction(), 5));
        assertEquals(0.05, NodeParameters.defaultTheta(), 0);
    }

    @Test
    public void trainingValuesAreChecked() {
        assertMessage(() -> NodeParameters.train(0, 15, 128, 1e-3, 0.2, 0), "'Genes kept' must be at least 1");
        assertMessage(() -> NodeParameters.train(10, 0, 128, 1e-3, 0.2, 0), "'Epochs' must be at least 1");
        assertMessage(() -> NodeParameters.train(10, 1, 0, 1e-3, 0.2, 0), "'Batch size' must be at least 1");
        assertMessage(() -> NodeParameters.train(10, 1, 1, 0, 0.2, 0), "'Learning rate' must be a positive number");
        assertMessage(() -> NodeParameters.train(10, 1, 1, Double.NaN, 0.2, 0), "'Learning rate'");
        assertMessage(() -> NodeParameters.train(10, 1, 1, 1e-3, 1, 0),
                "'Validation fraction' must be between 0 and 1");
        assertMessage(() -> NodeParameters.train(10, 1, 1, 1e-3, 0, 0), "'Validation fraction'");
    }

    @Test
    public void alignmentValuesAreChecked() {
        assertMessage(() -> NodeParameters.align(-1, 0, 0, 1, 1, 1, 0.05, 0, false), "'Learning rate'");
        assertMessage(() -> NodeParameters.align(1e-4, -1, 0, 1, 1, 1, 0.05, 0, false), "'Generator weight decay'");
        assertMessage(() -> NodeParameters.align(1e-4, 0, -1, 1, 1, 1, 0.05, 0, false),
                "'Discriminator weight decay'");
        assertMessage(() -> NodeParameters.align(1e-4, 0, 0, 1, 0, 1, 0.05, 0, false), "'Maximum epochs'");
        assertMessage(() -> NodeParameters.align(1e-4, 0, 0, 1, 1, 0, 0.05, 0, false), "'Patience (epochs)'");
        assertMessage(() -> NodeParameters.align(1e-4, 0, 0, 1, 1, 1, 1, 0, false), "'Outlier fraction θ'");
    }

    @Test
    public void selfTrainingAndThetaAreChecked() {
        assertMessage(() -> NodeParameters.selfTrain(1e-4, 128, 10, 0.1, 0, 0),
                "'Kept fraction of confident cells'");
        assertMessage(() -> NodeParameters.selfTrain(1e-4, 128, 10, 0.1, 1.5, 0), "at most 1");
        assertMessage(() -> NodeParameters.selfTrain(1e-4, 128, 0, 0.1, 0.9, 0), "'Epochs'");
        assertEquals(1.0, NodeParameters.selfTrain(1e-4, 128, 10, 0.1, 1, 0).keepFraction(), 0);
        assertEquals(0.0, NodeParameters.theta(0), 0);
        assertMessage(() -> NodeParameters.theta(-0.1), "'Outlier fraction θ' must be at least 0 and below 1");
        assertMessage(() -> NodeParameters.theta(Double.NaN), "'Outlier fraction θ'");
    }

    @Test
    public void thetaHasOneRangeEverywhere() {
        // the dialog's number model ends just below 1, which the node's check and the core accept ...
        double max = NodeParameters.thetaMax();
        assertTrue(max < 1);
        assertEquals(1.0, Math.nextUp(max), 0);
        assertEquals(max, NodeParameters.theta(max), 0);
        assertEquals(TinyJind.trained().classes.length, Thresholds.compute(TinyJind.trained().validation, max)
                .length);
        // ... and 1 is refused by the node (dialog, flow variable, configure) with the dialog's sentence and by
        // the core as well
        String dialog = NodeParameters.THETA_RANGE;
        assertEquals("'" + NodeParameters.THETA + "' must be at least 0 and below 1.", dialog);
        for (double wrong : new double[] {1.0, 1.5, -1e-9, Double.POSITIVE_INFINITY}) {
            JindException e = assertThrows(JindException.class, () -> NodeParameters.theta(wrong));
            assertEquals(dialog.substring(0, dialog.length() - 1) + "; it is " + wrong + ".", e.getMessage());
            assertThrows(JindException.class, () -> Thresholds.compute(TinyJind.trained().validation, wrong));
        }
    }
}
