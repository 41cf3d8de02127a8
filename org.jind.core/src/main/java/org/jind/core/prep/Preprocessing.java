package org.jind.core.prep;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.SparseMatrix;

/**
 * The spec's preprocessing (§1): common genes in name order, count detection with CP10k + log1p, and the
 * top-variance genes in descending-variance order. {@link #fit} decides it on the source; {@link #apply}
 * repeats exactly the same transform on any later batch.
 */
public final class Preprocessing {
    static final double PSEUDO_TOTAL = 1e-5;
    static final double SCALE = 1e4;

    /**
     * What {@link #fit} decided, stored in the model: what later batches must look like and how they are prepared.
     *
     * @param values         the type of the source's values, which every later batch must have
     * @param libraryAliases the library genes under the source's other identifier (entries may be null), or null
     *                       when the source named genes one way only (and for models saved before it was recorded)
     * @param matrix         the AnnData matrix the source was read from, which later batches are read from unless
     *                       another is chosen; null when not known (another format, a table, an older model)
     */
    public record Plan(ValueType values, String[] libraryGenes, String[] selectedGenes, String[] libraryAliases,
            MatrixChoice matrix) {
        public Plan {
            java.util.Objects.requireNonNull(values);
        }

        /** A plan of counts, or of values not counts whose type (normalised or scaled) is not known. */
        public Plan(boolean counts, String[] libraryGenes, String[] selectedGenes) {
            this(counts, libraryGenes, selectedGenes, null);
        }

        public Plan(boolean counts, String[] libraryGenes, String[] selectedGenes, String[] libraryAliases) {
            this(counts ? ValueType.COUNTS : ValueType.NOT_COUNTS, libraryGenes, selectedGenes, libraryAliases, null);
        }

        /** Whether the source was raw counts, which JIND normalises in every batch. */
        public boolean counts() {
            return values == ValueType.COUNTS;
        }

        /** This plan for a source read from the AnnData matrix {@code m}. */
        public Plan withMatrix(MatrixChoice m) {
            return new Plan(values, libraryGenes, selectedGenes, libraryAliases, m);
        }

        /** The selected genes under their other identifier, or null when none is known. */
        public String[] selectedAliases() {
            if (libraryAliases == null) {
                return null;
            }
            Map<String, String> alias = new java.util.HashMap<>();
            for (int j = 0; j < libraryGenes.length; j++) {
                alias.put(libraryGenes[j], libraryAliases[j]);
            }
            String[] out = new String[selectedGenes.length];
            for (int j = 0; j < out.length; j++) {
                out[j] = alias.get(selectedGenes[j]);
            }
            return out;
        }
    }

    /** A fitted plan with the source matrix it produced (cells × selected genes). */
    public record Fitted(Plan plan, SparseMatrix x) {
    }

    private Preprocessing() {
    }

    /**
     * Decides the transform on the source.
     *
     * @param alsoIn   genes of the target batches, or null: only genes present everywhere are kept
     * @param genesKept how many top-variance genes to keep (the spec's 5000)
     */
    public static Fitted fit(Dataset source, List<Set<String>> alsoIn, int genesKept) {
        TreeSet<String> common = new TreeSet<>(Arrays.asList(source.genes()));
        if (alsoIn != null) {
            for (Set<String> g : alsoIn) {
                common.retainAll(inTarget(source, g));
            }
        }
        if (common.isEmpty()) {
            throw new JindException("The source and target share no gene names; check that both use the same"
                    + " gene naming (symbols or ids).");
        }
        String[] library = common.toArray(new String[0]);
        int[] libraryCols = columnsOf(source, library);
        String[] aliases = source.geneAliases();
        String[] libraryAliases = null;
        if (aliases != null) {
            libraryAliases = new String[library.length];
            for (int j = 0; j < library.length; j++) {
                libraryAliases[j] = aliases[libraryCols[j]];
            }
        }
        // Everything below works on the source matrix through the library's columns instead of on a copy of them:
        // at 100,000 cells × 20,000 genes each copy of the matrix is 1.1 GB
        SparseMatrix x = source.matrix();
        int[] libraryIndex = new int[x.cols()]; // the library position of each source column, or -1
        Arrays.fill(libraryIndex, -1);
        for (int j = 0; j < libraryCols.length; j++) {
            libraryIndex[libraryCols[j]] = j;
        }
        boolean counts = isIntegral(x, libraryIndex);
        ValueType values;
        if (counts) {
            requireNonNegative(x, libraryIndex, "the source");
            x = normalise(x, x.rowSums(libraryCols));
            values = ValueType.COUNTS;
        } else {
            values = hasNegative(x, libraryIndex) ? ValueType.SCALED : ValueType.NORMALISED;
        }
        requireVariation(x, libraryIndex, library.length);
        float[] var = variances(x, libraryIndex, library.length);
        int[] order = topByVariance(var, Math.min(genesKept, library.length));
        String[] selected = new String[order.length];
        int[] selectedCols = new int[order.length];
        for (int i = 0; i < order.length; i++) {
            selected[i] = library[order[i]];
            selectedCols[i] = libraryCols[order[i]];
        }
        return new Fitted(new Plan(values, library, selected, libraryAliases, null), x.selectColumns(selectedCols));
    }

    /**
     * The source genes a target has: by name, or by the source genes' other identifier when that finds more (a
     * target named by Ensembl ids, a source by symbols with the ids recorded), as {@link GeneMatch} matches later.
     */
    private static Set<String> inTarget(Dataset source, Set<String> target) {
        String[] names = source.genes();
        String[] aliases = source.geneAliases();
        Set<String> byName = new java.util.HashSet<>();
        Set<String> byAlias = new java.util.HashSet<>();
        for (int j = 0; j < names.length; j++) {
            if (target.contains(names[j])) {
                byName.add(names[j]);
            }
            if (aliases != null && aliases[j] != null && target.contains(aliases[j])) {
                byAlias.add(names[j]);
            }
        }
        return byAlias.size() > byName.size() ? byAlias : byName;
    }

    /**
     * Applies the plan to a batch: cells × selected genes, in the plan's order. Genes are matched and values
     * checked as {@link BatchPreparer} describes.
     *
     * @param fillMissing zero-fill selected genes the batch lacks (else a clear error)
     * @param warnings    receives warnings for the user
     */
    public static SparseMatrix apply(Plan plan, Dataset batch, boolean fillMissing, List<String> warnings) {
        return new BatchPreparer(plan, batch.genes(), batch.geneAliases(), fillMissing, warnings)
                .apply(batch.matrix());
    }

    /** Whether every stored value in the columns with {@code libraryIndex ≥ 0} is whole. */
    private static boolean isIntegral(SparseMatrix x, int[] libraryIndex) {
        for (int k = 0; k < x.nonZeros(); k++) {
            float v = x.value(k);
            if (v != Math.rint(v) && libraryIndex[x.colIndex(k)] >= 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Refuses cells that are all the same, every gene having one value in every cell (all zero, or one cell copied):
     * nothing tells the cells apart, so no gene can be selected by variance nor a type learnt. Checked exactly (the
     * smallest and largest value of each gene), since a float variance of equal values need not be 0. Genes that
     * are zero everywhere are normal; only when no gene varies at all is it refused.
     */
    private static void requireVariation(SparseMatrix x, int[] libraryIndex, int m) {
        float[] min = new float[m];
        float[] max = new float[m];
        int[] stored = new int[m];
        Arrays.fill(min, Float.POSITIVE_INFINITY);
        Arrays.fill(max, Float.NEGATIVE_INFINITY);
        for (int k = 0; k < x.nonZeros(); k++) {
            int j = libraryIndex[x.colIndex(k)];
            if (j >= 0) {
                min[j] = Math.min(min[j], x.value(k));
                max[j] = Math.max(max[j], x.value(k));
                stored[j]++;
            }
        }
        boolean allZero = true;
        for (int j = 0; j < m; j++) {
            if (stored[j] < x.rows()) { // some cells hold an implicit zero
                min[j] = Math.min(min[j], 0f);
                max[j] = Math.max(max[j], 0f);
            }
            if (min[j] != max[j]) {
                return;
            }
            allZero &= max[j] == 0;
        }
        throw new JindException("The " + x.rows() + " cells are all the same: each of the " + m + " genes has one"
                + " value in every cell (" + (allZero ? "all zero" : "the cells are copies of one") + "),"
                + " so nothing tells cell types apart; check that the right cells and matrix were read.");
    }

    /**
     * Whether a value in the columns with {@code libraryIndex ≥ 0} is negative: then they were centred (scaled);
     * neither counts nor log-normalised values are ever negative.
     */
    private static boolean hasNegative(SparseMatrix x, int[] libraryIndex) {
        for (int k = 0; k < x.nonZeros(); k++) {
            if (x.value(k) < 0 && libraryIndex[x.colIndex(k)] >= 0) {
                return true;
            }
        }
        return false;
    }

    static void requireNonNegative(SparseMatrix x, String what) {
        requireNonNegative(x, null, what);
    }

    private static void requireNonNegative(SparseMatrix x, int[] libraryIndex, String what) {
        for (int k = 0; k < x.nonZeros(); k++) {
            if (x.value(k) < 0 && (libraryIndex == null || libraryIndex[x.colIndex(k)] >= 0)) {
                throw new JindException("Negative values in " + what + ", which look like counts (all whole numbers);"
                        + " counts cannot be negative. Give raw counts or already log-normalised values.");
            }
        }
    }

    /** Counts per 10,000 of each cell's total, log1p-transformed: {@code log(1 + v / (total + 1e-5) · 10⁴)}. */
    static SparseMatrix normalise(SparseMatrix x, double[] rowSums) {
        return x.mapValues(new CountNormaliser(rowSums));
    }

    /**
     * The transform of {@link #normalise}, remembering its result for small counts within a cell: most counts are
     * 1–5, and {@code Math.log1p} (about 30 ns) took as long as everything else in preparing a batch. The values
     * are the same bit for bit; it relies on {@link SparseMatrix#mapValues} visiting the cells in order.
     */
    private static final class CountNormaliser implements SparseMatrix.ValueMap {
        private static final int REMEMBERED = 64;
        private final double[] rowSums;
        private final float[] known = new float[REMEMBERED];
        private int row = -1;

        CountNormaliser(double[] rowSums) {
            this.rowSums = rowSums;
        }

        @Override
        public float apply(int r, float v) {
            if (r != row) {
                java.util.Arrays.fill(known, Float.NaN);
                row = r;
            }
            int count = (int) v;
            if (count != v || count < 0 || count >= REMEMBERED) {
                return transform(r, v);
            }
            float t = known[count];
            if (Float.isNaN(t)) {
                t = transform(r, v);
                known[count] = t;
            }
            return t;
        }

        private float transform(int r, float v) {
            return (float) Math.log1p(v / (rowSums[r] + PSEUDO_TOTAL) * SCALE);
        }
    }

    /**
     * Population variance (divide by N) of every column, computed as the reference's {@code np.var(x, axis=0)} does
     * on a float32 cells × genes array: single-precision sums accumulated cell by cell, first for the mean, then for
     * the squared deviations. Variances equal in double precision can differ in float32 (and the other way round);
     * computing them the reference's way gives the reference's gene order.
     */
    static float[] variances(SparseMatrix x) {
        int[] identity = new int[x.cols()];
        Arrays.setAll(identity, j -> j);
        return variances(x, identity, x.cols());
    }

    /** {@link #variances(SparseMatrix)} of the m columns that {@code index} maps to 0..m−1 (the rest: −1). */
    private static float[] variances(SparseMatrix x, int[] index, int m) {
        int n = x.rows();
        float[] sum = new float[m];
        for (int k = 0; k < x.nonZeros(); k++) {
            int j = index[x.colIndex(k)];
            if (j >= 0) {
                sum[j] += x.value(k); // adding the zeros would change no float sum
            }
        }
        float[] mean = new float[m];
        for (int j = 0; j < m; j++) {
            mean[j] = sum[j] / n;
        }
        float[] ss = new float[m];
        float[] row = new float[m];
        for (int r = 0; r < n; r++) {
            for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                int j = index[x.colIndex(k)];
                if (j >= 0) {
                    row[j] = x.value(k);
                }
            }
            for (int j = 0; j < m; j++) {
                float d = row[j] - mean[j];
                ss[j] += d * d;
            }
            for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                int j = index[x.colIndex(k)];
                if (j >= 0) {
                    row[j] = 0f;
                }
            }
        }
        float[] var = new float[m];
        for (int j = 0; j < m; j++) {
            var[j] = ss[j] / n;
        }
        return var;
    }

    /**
     * Indices of the {@code k} largest values, largest first, ordered as the reference's
     * {@code np.argsort(-var)} orders them (equal variances in NumPy's quicksort order).
     */
    static int[] topByVariance(float[] var, int k) {
        float[] negated = new float[var.length];
        for (int i = 0; i < var.length; i++) {
            negated[i] = -var[i];
        }
        return Arrays.copyOf(NumpyArgsort.argsort(negated), k);
    }

    /** For each name, its column in the dataset or -1. */
    static int[] columnsOf(Dataset d, String[] names) {
        Map<String, Integer> index = d.geneIndex();
        int[] cols = new int[names.length];
        for (int j = 0; j < names.length; j++) {
            cols[j] = index.getOrDefault(names[j], -1);
        }
        return cols;
    }
}
