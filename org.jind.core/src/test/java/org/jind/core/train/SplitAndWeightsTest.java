package org.jind.core.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.jind.core.random.NumpyRandomState;
import org.junit.Test;

public class SplitAndWeightsTest {

    @Test
    public void stratifiedSplitKeepsLargestRemaindersForTraining() {
        int[] y = new int[100];
        Arrays.fill(y, 0, 70, 0);
        Arrays.fill(y, 70, 95, 1);
        Arrays.fill(y, 95, 100, 2);
        StratifiedSplit s = StratifiedSplit.of(y, 3, 0.2, 1);
        int[] perClass = new int[3];
        for (int i : s.validation) {
            perClass[y[i]]++;
        }
        // 20 to validation, 80 to training: exact training shares 56, 20, 4 -> no remainders
        assertArrayEquals(new int[] {14, 5, 1}, perClass);
        assertEquals(100, s.train.length + s.validation.length);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(s.train).forEach(all::add);
        Arrays.stream(s.validation).forEach(all::add);
        assertEquals(100, all.size());
        // seeded: the same seed gives the same split, another seed another one
        assertArrayEquals(s.validation, StratifiedSplit.of(y, 3, 0.2, 1).validation);
        assertEquals(false, Arrays.equals(s.validation, StratifiedSplit.of(y, 3, 0.2, 2).validation));
    }

    @Test
    public void allocatesLikeTheReferenceOnThePbmcSourceClassSizes() {
        // the class sizes of the PBMC 3pv2 batch; scikit-learn sends 12 3 0 21 2 5 30 23 cells to validation:
        // the class of 2 keeps both for training (largest floating-point remainders first)
        int[] sizes = {62, 16, 2, 102, 11, 22, 150, 115};
        int[] y = new int[480];
        int at = 0;
        for (int c = 0; c < sizes.length; c++) {
            Arrays.fill(y, at, at + sizes[c], c);
            at += sizes[c];
        }
        StratifiedSplit s = StratifiedSplit.of(y, sizes.length, 0.2, 3);
        assertEquals(96, s.validation.length); // ceil(0.2 · 480)
        int[] perClass = new int[sizes.length];
        for (int i : s.validation) {
            perClass[y[i]]++;
        }
        assertArrayEquals(new int[] {12, 3, 0, 21, 2, 5, 30, 23}, perClass);
    }

    @Test
    public void drawsTheSameSplitAsScikitLearn() {
        // train_test_split(np.arange(18), test_size=0.2, stratify=y, shuffle=True, random_state=1)
        int[] y = {0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3};
        StratifiedSplit s = StratifiedSplit.of(y, 4, 0.2, 1);
        assertArrayEquals(new int[] {10, 0, 12, 8, 6, 9, 2, 11, 14, 15, 16, 3, 4, 1}, s.train);
        assertArrayEquals(new int[] {13, 5, 17, 7}, s.validation);
        // a class of one cell: no stratification (random_state=4)
        StratifiedSplit plain = StratifiedSplit.of(new int[] {0, 0, 0, 0, 0, 1, 2, 2, 2, 2}, 3, 0.2, 4);
        assertArrayEquals(new int[] {4, 9, 2, 6, 0, 1, 5, 7}, plain.train);
        assertArrayEquals(new int[] {3, 8}, plain.validation);
    }

    @Test
    public void approximateModeGivesFloorsThenLargestRemaindersWithRandomTies() {
        // 10 draws over counts 5, 3, 2 (total 10): exact 5, 3, 2
        assertArrayEquals(new int[] {5, 3, 2},
                StratifiedSplit.approximateMode(new int[] {5, 3, 2}, 10, new NumpyRandomState(0)));
        // 4 draws: exact 2, 1.2, 0.8 -> floors 2, 1, 0 and the largest remainder (0.8) gets the last one
        assertArrayEquals(new int[] {2, 1, 1},
                StratifiedSplit.approximateMode(new int[] {5, 3, 2}, 4, new NumpyRandomState(0)));
        // four equal remainders of 0.5 and two cells to give: scikit-learn's _approximate_mode with
        // RandomState(0) and RandomState(7)
        assertArrayEquals(new int[] {1, 1, 2, 1},
                StratifiedSplit.approximateMode(new int[] {3, 3, 3, 1}, 5, new NumpyRandomState(0)));
        assertArrayEquals(new int[] {1, 2, 2, 0},
                StratifiedSplit.approximateMode(new int[] {3, 3, 3, 1}, 5, new NumpyRandomState(7)));
    }

    @Test
    public void classWeightsFollowTheSpec() {
        int[] y = {0, 0, 0, 1}; // f = .75, .25 ; K = 2
        double[] w = ClassWeights.of(y, 2);
        assertEquals(2 / (0.01 + 0.75) / 2, w[0], 1e-12);
        assertEquals(2 / (0.01 + 0.25) / 2, w[1], 1e-12);
        // an absent class gets the largest weight 2 / 0.01 / K
        assertEquals(2 / 0.01 / 3, ClassWeights.of(y, 3)[2], 1e-9);
    }
}
