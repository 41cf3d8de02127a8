package org.jind.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jind.core.nn.Rng;

/**
 * Seeded train/validation split with the reference's allocation (scikit-learn's stratified shuffle split):
 * {@code ceil(f · n)} cells go to validation; when every class has at least 2 cells, the training share of each
 * class is {@code floor((1 − f') · n_c)} plus one for the classes with the largest remainders (ties broken at
 * random) until the training total is reached, and the rest of each class is validation. So a class of 2 cells
 * usually keeps both for training, which matters: a rare class with a single training cell makes the
 * class-weighted loss unstable. Otherwise a plain shuffled split.
 */
public final class StratifiedSplit {
    public final int[] train;
    public final int[] validation;

    private StratifiedSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    public static StratifiedSplit of(int[] labels, int classes, double validationFraction, Rng rng) {
        int n = labels.length;
        int nVal = (int) Math.min(n - 1, Math.max(1, Math.ceil(validationFraction * n)));
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        boolean stratify = Arrays.stream(counts).allMatch(c -> c >= 2 || c == 0);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        if (stratify) {
            int[] trainCounts = largestRemainder(counts, n - nVal, rng);
            for (int c = 0; c < classes; c++) {
                int[] members = members(labels, c);
                rng.shuffle(members);
                for (int i = 0; i < members.length; i++) {
                    (i < trainCounts[c] ? train : val).add(members[i]);
                }
            }
        } else {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            rng.shuffle(all);
            for (int i = 0; i < n; i++) {
                (i < nVal ? val : train).add(all[i]);
            }
        }
        int[] t = train.stream().mapToInt(Integer::intValue).toArray();
        int[] v = val.stream().mapToInt(Integer::intValue).toArray();
        rng.shuffle(t);
        Arrays.sort(v);
        return new StratifiedSplit(t, v);
    }

    /**
     * Splits {@code draws} over the classes in proportion to {@code counts}: the floors first, then one more for
     * the largest remainders, equal remainders in random order.
     */
    static int[] largestRemainder(int[] counts, int draws, Rng rng) {
        long total = Arrays.stream(counts).asLongStream().sum();
        int[] out = new int[counts.length];
        double[] remainder = new double[counts.length];
        int given = 0;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) counts[c] / total * draws; // the reference's order of operations: equal
            // remainders are rare in floating point, so it decides the same way the reference does
            out[c] = (int) Math.floor(exact);
            remainder[c] = exact - out[c];
            given += out[c];
        }
        int[] order = new int[counts.length];
        Arrays.setAll(order, i -> i);
        rng.shuffle(order); // random order among equal remainders
        Integer[] byRemainder = Arrays.stream(order).boxed().toArray(Integer[]::new);
        Arrays.sort(byRemainder, (a, b) -> Double.compare(remainder[b], remainder[a])); // stable
        for (int i = 0; given < draws && i < byRemainder.length; i++) {
            out[byRemainder[i]]++;
            given++;
        }
        return out;
    }

    private static int[] members(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }
}
