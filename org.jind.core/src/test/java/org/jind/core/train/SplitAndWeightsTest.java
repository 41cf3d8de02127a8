package org.jind.core.train;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.jind.core.nn.Rng;
import org.junit.Test;

public class SplitAndWeightsTest {

    @Test
    public void stratifiedSplitSendsRoundedShareOfEachClassToValidation() {
        int[] y = new int[100];
        Arrays.fill(y, 0, 70, 0);
        Arrays.fill(y, 70, 95, 1);
        Arrays.fill(y, 95, 100, 2);
        StratifiedSplit s = StratifiedSplit.of(y, 3, 0.2, new Rng(1));
        int[] perClass = new int[3];
        for (int i : s.validation) {
            perClass[y[i]]++;
        }
        assertArrayEquals(new int[] {14, 5, 1}, perClass);
        assertEquals(100, s.train.length + s.validation.length);
        Set<Integer> all = new HashSet<>();
        Arrays.stream(s.train).forEach(all::add);
        Arrays.stream(s.validation).forEach(all::add);
        assertEquals(100, all.size());
        // seeded: the same seed gives the same split, another seed another one
        assertArrayEquals(s.validation, StratifiedSplit.of(y, 3, 0.2, new Rng(1)).validation);
        assertEquals(false, Arrays.equals(s.validation, StratifiedSplit.of(y, 3, 0.2, new Rng(2)).validation));
    }

    @Test
    public void classesWithTwoCellsKeepOneForTraining() {
        StratifiedSplit s = StratifiedSplit.of(new int[] {0, 0, 1, 1, 1, 1}, 2, 0.9, new Rng(0));
        int trainOf0 = (int) Arrays.stream(s.train).filter(i -> i < 2).count();
        assertEquals(1, trainOf0);
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
