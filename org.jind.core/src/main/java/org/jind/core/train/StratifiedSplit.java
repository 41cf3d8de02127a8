package org.jind.core.train;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jind.core.nn.Rng;

/**
 * Seeded train/validation split. Stratified when every class has at least 2 cells: each class sends
 * {@code round(f · n_c)} of its cells to validation, at least 1 and at most {@code n_c − 1}; otherwise a plain
 * shuffled split of {@code round(f · n)} cells.
 */
public final class StratifiedSplit {
    public final int[] train;
    public final int[] validation;

    private StratifiedSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    public static StratifiedSplit of(int[] labels, int classes, double validationFraction, Rng rng) {
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        boolean stratify = Arrays.stream(counts).allMatch(c -> c >= 2 || c == 0);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        if (stratify) {
            for (int c = 0; c < classes; c++) {
                int[] members = members(labels, c);
                rng.shuffle(members);
                int nVal = (int) Math.min(members.length - 1, Math.max(1, Math.round(validationFraction * members.length)));
                for (int i = 0; i < members.length; i++) {
                    (i < nVal ? val : train).add(members[i]);
                }
            }
        } else {
            int[] all = new int[labels.length];
            Arrays.setAll(all, i -> i);
            rng.shuffle(all);
            int nVal = (int) Math.min(all.length - 1, Math.max(1, Math.round(validationFraction * all.length)));
            for (int i = 0; i < all.length; i++) {
                (i < nVal ? val : train).add(all[i]);
            }
        }
        int[] t = train.stream().mapToInt(Integer::intValue).toArray();
        int[] v = val.stream().mapToInt(Integer::intValue).toArray();
        rng.shuffle(t);
        Arrays.sort(v);
        return new StratifiedSplit(t, v);
    }

    private static int[] members(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }
}
