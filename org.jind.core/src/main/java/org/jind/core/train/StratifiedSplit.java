package org.jind.core.train;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.jind.core.random.NumpyRandomState;

/**
 * The seeded train/validation split of the reference: scikit-learn's {@code train_test_split(…, stratify=y,
 * random_state=seed)} draw for draw, with NumPy's {@code RandomState(seed)}. {@code ceil(f · n)} cells go to
 * validation. When every class has at least 2 cells, each class gets {@code floor} of its proportional share of the
 * training cells plus one for the largest remainders (equal remainders chosen at random), the same for validation
 * from what is left, then a random permutation of each class picks its cells; otherwise one permutation of all
 * cells. So a class of 2 cells usually keeps both for training, which matters: a rare class with a single training
 * cell makes the class-weighted loss unstable. The training rows come in scikit-learn's shuffled order, which is
 * the order minibatches index into.
 */
public final class StratifiedSplit {
    public final int[] train;
    public final int[] validation;

    private StratifiedSplit(int[] train, int[] validation) {
        this.train = train;
        this.validation = validation;
    }

    public static StratifiedSplit of(int[] labels, int classes, double validationFraction, long seed) {
        NumpyRandomState rng = new NumpyRandomState(seed);
        int n = labels.length;
        int nVal = (int) Math.min(n - 1, Math.max(1, Math.ceil(validationFraction * n)));
        int nTrain = n - nVal;
        int[] counts = new int[classes];
        for (int y : labels) {
            counts[y]++;
        }
        if (!Arrays.stream(counts).allMatch(c -> c >= 2 || c == 0)) {
            int[] perm = rng.permutation(n);
            return new StratifiedSplit(Arrays.copyOfRange(perm, nVal, n), Arrays.copyOf(perm, nVal));
        }
        int[] trainCounts = approximateMode(counts, nTrain, rng);
        int[] left = new int[classes];
        Arrays.setAll(left, c -> counts[c] - trainCounts[c]);
        int[] valCounts = approximateMode(left, nVal, rng);
        int[] train = new int[nTrain];
        int[] val = new int[nVal];
        int t = 0;
        int v = 0;
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            int[] members = IntStream.range(0, n).filter(i -> labels[i] == cls).toArray();
            int[] perm = rng.permutation(members.length);
            for (int i = 0; i < trainCounts[c]; i++) {
                train[t++] = members[perm[i]];
            }
            for (int i = trainCounts[c]; i < trainCounts[c] + valCounts[c]; i++) {
                val[v++] = members[perm[i]];
            }
        }
        rng.shuffle(train);
        rng.shuffle(val);
        return new StratifiedSplit(train, val);
    }

    /**
     * scikit-learn's {@code _approximate_mode}: splits {@code draws} over the classes in proportion to
     * {@code counts}, the floors first, then one more for the largest remainders; among equal remainders a random
     * choice (a permutation's first ones).
     */
    static int[] approximateMode(int[] counts, int draws, NumpyRandomState rng) {
        long total = Arrays.stream(counts).asLongStream().sum();
        int[] out = new int[counts.length];
        double[] remainder = new double[counts.length];
        int needed = draws;
        for (int c = 0; c < counts.length; c++) {
            double exact = (double) counts[c] / total * draws; // scikit-learn's order of operations
            out[c] = (int) Math.floor(exact);
            remainder[c] = exact - out[c];
            needed -= out[c];
        }
        double[] values = Arrays.stream(remainder).distinct().sorted().toArray();
        for (int k = values.length - 1; k >= 0 && needed > 0; k--) {
            double value = values[k];
            int[] tied = IntStream.range(0, counts.length).filter(c -> counts[c] > 0 && remainder[c] == value)
                    .toArray();
            int take = Math.min(tied.length, needed);
            int[] chosen = rng.permutation(tied.length);
            for (int i = 0; i < take; i++) {
                out[tied[chosen[i]]]++;
            }
            needed -= take;
        }
        return out;
    }
}
