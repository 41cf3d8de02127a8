package org.jind.core.data;

import java.util.Arrays;
import java.util.List;

/**
 * Cells × genes expression matrix in compressed sparse row form (single-cell data are mostly zeros).
 * Immutable once built: every transformation returns a new matrix, so inputs are never modified.
 */
public final class SparseMatrix {
    /** The most values one matrix stores (Java arrays are indexed by int). */
    public static final int MAX_VALUES = Integer.MAX_VALUE - 8;
    private final int rows;
    private final int cols;
    private final int[] indptr;
    private final int[] indices;
    private final float[] values;

    /** Takes ownership of the arrays; column indices within a row must be strictly increasing. */
    public SparseMatrix(int rows, int cols, int[] indptr, int[] indices, float[] values) {
        if (indptr.length != rows + 1 || indices.length != values.length || indptr[rows] != values.length) {
            throw new IllegalArgumentException("inconsistent CSR arrays");
        }
        this.rows = rows;
        this.cols = cols;
        this.indptr = indptr;
        this.indices = indices;
        this.values = values;
    }

    public static SparseMatrix fromDense(float[][] dense) {
        int cols = dense.length == 0 ? 0 : dense[0].length;
        Builder b = new Builder(cols);
        for (float[] row : dense) {
            for (int j = 0; j < cols; j++) {
                b.add(j, row[j]);
            }
            b.endRow();
        }
        return b.build();
    }

    /**
     * The rows of {@code parts} (all as wide) one after the other, in arrays of their final size. Empties
     * {@code parts} while copying, so that each part can be collected once copied: the parts and the result are
     * held together only while the result is filled (twice the result at most), where arrays grown by doubling
     * would briefly need three times it.
     */
    public static SparseMatrix concatRows(List<SparseMatrix> parts) {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("no parts");
        }
        long nnz = parts.stream().mapToLong(m -> m.values.length).sum();
        if (nnz > MAX_VALUES) {
            throw new IllegalStateException("more than 2^31 stored values");
        }
        Builder b = new Builder(parts.get(0).cols, (int) nnz);
        for (int p = 0; p < parts.size(); p++) {
            b.appendRows(parts.set(p, null)); // checks the widths
        }
        parts.clear();
        return b.build();
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    public long nonZeros() {
        return values.length;
    }

    public int rowStart(int r) {
        return indptr[r];
    }

    public int rowEnd(int r) {
        return indptr[r + 1];
    }

    public int colIndex(int k) {
        return indices[k];
    }

    public float value(int k) {
        return values[k];
    }

    public float get(int r, int c) {
        int k = Arrays.binarySearch(indices, indptr[r], indptr[r + 1], c);
        return k >= 0 ? values[k] : 0f;
    }

    /** Writes the given rows densely into {@code out} (row-major, rows.length × cols), zeroing it first. */
    public void denseRows(int[] rowIds, int from, int count, float[] out) {
        Arrays.fill(out, 0, count * cols, 0f);
        for (int i = 0; i < count; i++) {
            int r = rowIds[from + i];
            int base = i * cols;
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                out[base + indices[k]] = values[k];
            }
        }
    }

    /** Dense copy of the rows {@code [from, from + count)}. */
    public void denseRange(int from, int count, float[] out) {
        Arrays.fill(out, 0, count * cols, 0f);
        for (int i = 0; i < count; i++) {
            int r = from + i;
            int base = i * cols;
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                out[base + indices[k]] = values[k];
            }
        }
    }

    public double[] rowSums() {
        double[] s = new double[rows];
        for (int r = 0; r < rows; r++) {
            double acc = 0;
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                acc += values[k];
            }
            s[r] = acc;
        }
        return s;
    }

    /**
     * Each row's sum over the given columns only (each at most once), without building the selected matrix. For
     * integer values (counts) this equals {@code selectColumns(columns).rowSums()} exactly.
     */
    public double[] rowSums(int[] columns) {
        boolean[] in = new boolean[cols];
        for (int c : columns) {
            if (c >= 0) {
                in[c] = true;
            }
        }
        double[] s = new double[rows];
        for (int r = 0; r < rows; r++) {
            double acc = 0;
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                if (in[indices[k]]) {
                    acc += values[k];
                }
            }
            s[r] = acc;
        }
        return s;
    }

    /** The consecutive rows {@code [from, from + count)}. */
    public SparseMatrix rowRange(int from, int count) {
        int start = indptr[from];
        int end = indptr[from + count];
        int[] p = new int[count + 1];
        for (int i = 0; i <= count; i++) {
            p[i] = indptr[from + i] - start;
        }
        return new SparseMatrix(count, cols, p, Arrays.copyOfRange(indices, start, end),
                Arrays.copyOfRange(values, start, end));
    }

    /** The rows in the given order. */
    public SparseMatrix selectRows(int[] rowIds) {
        int[] p = new int[rowIds.length + 1];
        for (int i = 0; i < rowIds.length; i++) {
            p[i + 1] = p[i] + (indptr[rowIds[i] + 1] - indptr[rowIds[i]]);
        }
        int[] idx = new int[p[rowIds.length]];
        float[] val = new float[idx.length];
        for (int i = 0; i < rowIds.length; i++) {
            int r = rowIds[i];
            int len = indptr[r + 1] - indptr[r];
            System.arraycopy(indices, indptr[r], idx, p[i], len);
            System.arraycopy(values, indptr[r], val, p[i], len);
        }
        return new SparseMatrix(rowIds.length, cols, p, idx, val);
    }

    /**
     * Re-indexes the columns: new column {@code j} is old column {@code sourceCol[j]}, or all zeros where
     * {@code sourceCol[j] < 0}.
     */
    public SparseMatrix selectColumns(int[] sourceCol) {
        int[] newIndexOfOld = new int[cols];
        Arrays.fill(newIndexOfOld, -1);
        for (int j = 0; j < sourceCol.length; j++) {
            if (sourceCol[j] >= 0) {
                newIndexOfOld[sourceCol[j]] = j;
            }
        }
        // Each row's new columns come out of order; a bit set over the new columns puts them back in order in
        // time proportional to the row's values plus columns / 64, where sorting each row cost most of the time
        // of preparing a batch for annotation.
        int[] p = new int[rows + 1];
        // Sized by the share of columns kept, grown by half when short and trimmed at the end: a counting pass
        // first would look every value up twice, and doubling would hold up to three copies at once.
        long expected = (long) (1.1 * values.length * ((double) sourceCol.length / Math.max(1, cols))) + 16;
        int[] idx = new int[(int) Math.min(MAX_VALUES, expected)];
        float[] val = new float[idx.length];
        long[] present = new long[(sourceCol.length + 63) / 64];
        float[] scatter = new float[sourceCol.length];
        int nnz = 0;
        for (int r = 0; r < rows; r++) {
            int lo = Integer.MAX_VALUE;
            int hi = -1;
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                int j = newIndexOfOld[indices[k]];
                if (j >= 0 && values[k] != 0f) {
                    present[j >>> 6] |= 1L << j;
                    scatter[j] = values[k];
                    lo = Math.min(lo, j >>> 6);
                    hi = Math.max(hi, j >>> 6);
                }
            }
            for (int word = lo; word <= hi; word++) {
                long bits = present[word];
                present[word] = 0;
                while (bits != 0) {
                    int j = (word << 6) + Long.numberOfTrailingZeros(bits);
                    bits &= bits - 1;
                    if (nnz == idx.length) {
                        int cap = (int) Math.min(MAX_VALUES, nnz + (nnz >> 1) + 16L);
                        idx = Arrays.copyOf(idx, cap);
                        val = Arrays.copyOf(val, cap);
                    }
                    idx[nnz] = j;
                    val[nnz++] = scatter[j];
                }
            }
            p[r + 1] = nnz;
        }
        if (nnz < idx.length) {
            idx = Arrays.copyOf(idx, nnz);
            val = Arrays.copyOf(val, nnz);
        }
        return new SparseMatrix(rows, sourceCol.length, p, idx, val);
    }

    /**
     * Applies {@code f} to every stored value (sharing the structure), row by row in order; f(0) must be 0 as zeros
     * are not stored.
     */
    public SparseMatrix mapValues(ValueMap f) {
        float[] v = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                v[k] = f.apply(r, values[k]);
            }
        }
        return new SparseMatrix(rows, cols, indptr, indices, v);
    }

    /** A value transformation that may depend on the row (e.g. per-cell normalisation). */
    @FunctionalInterface
    public interface ValueMap {
        float apply(int row, float value);
    }

    /** Transposed copy (CSC of this matrix read as CSR). */
    public SparseMatrix transpose() {
        int[] counts = new int[cols + 1];
        for (int k = 0; k < indices.length; k++) {
            counts[indices[k] + 1]++;
        }
        for (int c = 0; c < cols; c++) {
            counts[c + 1] += counts[c];
        }
        int[] next = Arrays.copyOf(counts, cols);
        int[] idx = new int[indices.length];
        float[] val = new float[values.length];
        for (int r = 0; r < rows; r++) {
            for (int k = indptr[r]; k < indptr[r + 1]; k++) {
                int pos = next[indices[k]]++;
                idx[pos] = r;
                val[pos] = values[k];
            }
        }
        return new SparseMatrix(cols, rows, counts, idx, val);
    }

    /** Row-by-row builder; zeros are dropped. */
    public static final class Builder {
        private final int cols;
        private int rows;
        private int[] indptr = new int[1025];
        private int[] indices = new int[4096];
        private float[] values = new float[4096];
        private int nnz;
        private int lastCol = -1;
        private boolean built;

        public Builder(int cols) {
            this.cols = cols;
        }

        /**
         * A builder for about {@code values} stored values: when that many are added, {@link #build()} hands its
         * arrays over instead of copying them.
         */
        public Builder(int cols, int values) {
            this.cols = cols;
            this.indices = new int[values];
            this.values = new float[values];
        }

        /** Adds a value to the current row; columns must come in increasing order. */
        public void add(int col, float value) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (col <= lastCol || col >= cols) {
                throw new IllegalArgumentException("column " + col + " out of order or range");
            }
            lastCol = col;
            if (value == 0f) {
                return;
            }
            if (nnz == indices.length) {
                int cap = Math.max(16, (int) Math.min(MAX_VALUES, indices.length * 2L));
                indices = Arrays.copyOf(indices, cap);
                values = Arrays.copyOf(values, cap);
            }
            indices[nnz] = col;
            values[nnz] = value;
            nnz++;
        }

        /** Appends all rows of {@code m} (same columns) after the rows so far. */
        public void appendRows(SparseMatrix m) {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (m.cols != cols || lastCol != -1) {
                throw new IllegalArgumentException("appending rows of another width, or within a row");
            }
            long need = (long) nnz + m.values.length;
            if (need > MAX_VALUES) {
                throw new IllegalStateException("more than 2^31 stored values");
            }
            if (need > indices.length) {
                int cap = (int) Math.min(MAX_VALUES, Math.max(need, indices.length * 2L));
                indices = Arrays.copyOf(indices, cap);
                values = Arrays.copyOf(values, cap);
            }
            System.arraycopy(m.indices, 0, indices, nnz, m.values.length);
            System.arraycopy(m.values, 0, values, nnz, m.values.length);
            if (rows + m.rows + 1 > indptr.length) {
                indptr = Arrays.copyOf(indptr, Math.max(indptr.length * 2, rows + m.rows + 1));
            }
            for (int r = 0; r < m.rows; r++) {
                indptr[rows + 1 + r] = nnz + m.indptr[r + 1];
            }
            rows += m.rows;
            nnz += m.values.length;
        }

        public void endRow() {
            if (built) {
                throw new IllegalStateException("already built");
            }
            if (rows + 1 == indptr.length) {
                indptr = Arrays.copyOf(indptr, indptr.length * 2);
            }
            indptr[++rows] = nnz;
            lastCol = -1;
        }

        /** The matrix; the builder is finished (its arrays may now belong to the matrix). */
        public SparseMatrix build() {
            if (built) {
                throw new IllegalStateException("already built");
            }
            built = true;
            boolean full = nnz == indices.length; // then the matrix takes the arrays as they are
            return new SparseMatrix(rows, cols, Arrays.copyOf(indptr, rows + 1),
                    full ? indices : Arrays.copyOf(indices, nnz), full ? values : Arrays.copyOf(values, nnz));
        }
    }
}
