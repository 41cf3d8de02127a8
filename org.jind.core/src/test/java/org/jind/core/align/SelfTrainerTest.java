package org.jind.core.align;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import org.jind.core.train.ClassWeights;
import org.junit.Test;

public class SelfTrainerTest {

    @Test
    public void keepsFloorOfNinetyFivePercentPlusOneMostConfidentCellsPerPredictedType() {
        // 3 cells predicted as class 0 (floor(0.95·3)+1 = 3: all), 1 cell as class 1 (all)
        float[] probs = {0.9f, 0.1f, 0.6f, 0.4f, 0.7f, 0.3f, 0.2f, 0.8f};
        int[] pseudo = org.jind.core.annotate.Probabilities.argmax(probs, 2);
        assertArrayEquals(new int[] {0, 0, 0, 1}, pseudo);
        assertArrayEquals(new int[] {0, 1, 2, 3}, SelfTrainer.confident(probs, pseudo, 2, 0.95));
        // with half kept: floor(0.5·3)+1 = 2 of class 0 (the two most confident: cells 0 and 2) and the 1 of class 1
        assertArrayEquals(new int[] {0, 2, 3}, SelfTrainer.confident(probs, pseudo, 2, 0.5));
    }

    @Test
    public void twentyCellsKeepTwentyAndFortyKeepThirtyNine() {
        float[] p20 = new float[40];
        for (int i = 0; i < 20; i++) {
            p20[2 * i] = 0.5f + i / 100f;
            p20[2 * i + 1] = 1 - p20[2 * i];
        }
        assertEquals(20, SelfTrainer.confident(p20, org.jind.core.annotate.Probabilities.argmax(p20, 2), 2, 0.95).length);
        float[] p40 = new float[80];
        for (int i = 0; i < 40; i++) {
            p40[2 * i] = 0.51f + i / 100f;
            p40[2 * i + 1] = 1 - p40[2 * i];
        }
        int[] kept = SelfTrainer.confident(p40, org.jind.core.annotate.Probabilities.argmax(p40, 2), 2, 0.95);
        // floor(0.95·40)+1 = 39: only the least confident cell (cell 0) is dropped
        assertEquals(39, kept.length);
        assertEquals(1, kept[0]);
    }

    @Test
    public void pseudoLabelClassWeightsCountSourceClassesAbsentOnesIncluded() {
        // pseudo-labels over 3 source classes, class 2 never predicted
        double[] w = ClassWeights.of(new int[] {0, 0, 1, 1, 1, 1, 0, 0}, 3);
        assertArrayEquals(new double[] {2 / (0.01 + 0.5) / 3, 2 / (0.01 + 0.5) / 3, 2 / 0.01 / 3}, w, 1e-9);
    }
}
