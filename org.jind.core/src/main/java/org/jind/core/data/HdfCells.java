package org.jind.core.data;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.util.Errors;

import io.jhdf.HdfFile;

/**
 * Chunks of cells of an HDF5 matrix (AnnData X or a 10x matrix): the cell ids, annotations and genes are read
 * first (they are small), the matrix a range of rows at a time through {@link Rows}.
 */
final class HdfCells implements CellChunks {

    /** Rows {@code [from, from + count)} of the file's matrix with all its columns, sorted, without zeros. */
    interface Rows {
        SparseMatrix read(int from, int count);

        /**
         * How many values the file stores for the rows {@code from..} that {@code keep} keeps (null: all), or -1
         * when the layout does not tell before reading.
         */
        default long stored(int from, boolean[] keep) {
            return -1;
        }
    }

    private final HdfFile h5;
    private final String src;
    private final Rows rows;
    private final String[] cellIds;
    private final Map<String, String[]> obs;
    private final String[] genes;
    private final String[] aliases;
    private final int[] keepCols;
    private final boolean[] keepRow;
    private int next;

    /**
     * @param keepCols the file columns kept as genes, in order, or null for all
     * @param keepRow  the file rows kept, or null for all
     */
    HdfCells(HdfFile h5, String src, Rows rows, String[] cellIds, Map<String, String[]> obs, String[] genes,
            String[] aliases, int[] keepCols, boolean[] keepRow) {
        this.h5 = h5;
        this.src = src;
        this.rows = rows;
        this.cellIds = cellIds;
        this.obs = obs;
        this.genes = genes;
        this.aliases = aliases;
        this.keepCols = keepCols;
        this.keepRow = keepRow;
    }

    @Override
    public String[] genes() {
        return genes.clone();
    }

    @Override
    public String[] geneAliases() {
        return aliases == null ? null : aliases.clone();
    }

    @Override
    public long cells() {
        if (keepRow == null) {
            return cellIds.length;
        }
        long n = 0;
        for (boolean k : keepRow) {
            n += k ? 1 : 0;
        }
        return n;
    }

    /** Known for CSR files read with all their genes (a selection of genes stores fewer). */
    @Override
    public long storedValues() {
        return keepCols == null ? rows.stored(next, keepRow) : -1;
    }

    @Override
    public Dataset next(int maxCells) {
        while (next < cellIds.length) {
            int from = next;
            int count = Math.min(maxCells, cellIds.length - from);
            next += count;
            int[] sel = selected(from, count);
            if (sel.length == 0) {
                continue;
            }
            SparseMatrix m;
            try {
                m = rows.read(from, count);
            } catch (JindException e) {
                throw e;
            } catch (ArithmeticException e) {
                throw Hdf5Arrays.unreadable(src, "HDF5", e);
            } catch (RuntimeException e) {
                throw new JindException(src + ": cannot read cells " + from + " to " + (from + count) + " ("
                        + Errors.describe(e) + ").", e);
            }
            if (sel.length < count) {
                m = m.selectRows(sel);
            }
            if (keepCols != null) {
                m = m.selectColumns(keepCols);
            }
            String[] ids = new String[sel.length];
            for (int i = 0; i < sel.length; i++) {
                ids[i] = cellIds[from + sel[i]];
            }
            Map<String, String[]> o = new LinkedHashMap<>();
            for (Map.Entry<String, String[]> e : obs.entrySet()) {
                String[] v = new String[sel.length];
                for (int i = 0; i < sel.length; i++) {
                    v[i] = e.getValue()[from + sel[i]];
                }
                o.put(e.getKey(), v);
            }
            return new Dataset(m, ids, genes, aliases, o, src);
        }
        return null;
    }

    private int[] selected(int from, int count) {
        if (keepRow == null) {
            return java.util.stream.IntStream.range(0, count).toArray();
        }
        return java.util.stream.IntStream.range(0, count).filter(i -> keepRow[from + i]).toArray();
    }

    /** Checked at once: the annotations are in memory. */
    @Override
    public CellChunks select(String key, String value) {
        String[] col = obs.get(key);
        if (col == null) {
            throw new JindException("There is no annotation column '" + key + "'; available columns: "
                    + (obs.isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(obs.keySet())))
                    + ". Name the right one with --batch-key.");
        }
        boolean[] keep = new boolean[cellIds.length];
        for (int r : Dataset.rowsOf(col, key, value)) {
            keep[r] = keepRow == null || keepRow[r];
        }
        return new HdfCells(h5, src, rows, cellIds, obs, genes, aliases, keepCols, keep);
    }

    Set<String> obsColumns() {
        return obs.keySet();
    }

    @Override
    public void close() {
        h5.close();
    }

    // ---- the matrix layouts ----

    /**
     * Compressed sparse rows over the cells (AnnData CSR X; a 10x matrix, genes × cells compressed by cell):
     * {@code indptr} is read whole (one number per cell), indices and values a row range at a time.
     */
    static Rows csr(io.jhdf.api.Dataset indptrDs, io.jhdf.api.Dataset indicesDs, io.jhdf.api.Dataset dataDs,
            int cols, String src) {
        long[] indptr = Hdf5Arrays.allLongs(indptrDs, "indptr", src);
        return new Rows() {
            @Override
            public SparseMatrix read(int from, int count) {
                long start = indptr[from];
                long end = indptr[from + count];
                if (end - start > Hdf5Arrays.MAX_ARRAY) {
                    throw Hdf5Arrays.tooLarge(src, "a chunk of " + count + " cells", end - start);
                }
                int n = (int) (end - start);
                int[] p = new int[count + 1];
                for (int i = 0; i <= count; i++) {
                    p[i] = (int) (indptr[from + i] - start);
                }
                int[] idx = Hdf5Arrays.ints(indicesDs, start, n);
                float[] val = Hdf5Arrays.floats(dataDs, start, n);
                for (int k = 0; k < n; k++) {
                    if (idx[k] < 0 || idx[k] >= cols) {
                        throw new JindException(src + ": a stored gene index " + idx[k] + " is outside the " + cols
                                + " genes (damaged file?).");
                    }
                }
                return canonical(new SparseMatrix(count, cols, p, idx, val));
            }

            @Override
            public long stored(int from, boolean[] keep) {
                long n = 0;
                for (int r = from; r < indptr.length - 1; r++) {
                    n += keep == null || keep[r] ? indptr[r + 1] - indptr[r] : 0;
                }
                return n;
            }
        };
    }

    /** A dense cells × genes dataset, read a block of rows at a time. */
    static Rows dense(io.jhdf.api.Dataset ds) {
        int cols = ds.getDimensions()[1];
        return (from, count) -> {
            SparseMatrix.Builder b = new SparseMatrix.Builder(cols);
            denseInto(ds, from, count, b);
            return b.build();
        };
    }

    /** Appends dense rows to {@code b}, reading blocks of at most {@link Hdf5Arrays#SLICE} values. */
    static void denseInto(io.jhdf.api.Dataset ds, int from, int count, SparseMatrix.Builder b) {
        int cols = ds.getDimensions()[1];
        int block = Math.max(1, Hdf5Arrays.SLICE / Math.max(1, cols));
        for (int r0 = from; r0 < from + count; r0 += block) {
            int n = Math.min(block, from + count - r0);
            Object rows = ds.getData(new long[] {r0, 0}, new int[] {n, cols});
            for (int r = 0; r < n; r++) {
                float[] row = H5adReader.toFloats(java.lang.reflect.Array.get(rows, r));
                for (int j = 0; j < cols; j++) {
                    b.add(j, row[j]);
                }
                b.endRow();
            }
        }
    }

    /**
     * Compressed sparse columns (AnnData CSC X): a row range needs entries from every column, so each chunk scans
     * all stored values slice by slice and keeps those in its rows; memory stays bounded, but the file is read
     * once per chunk (README: convert large CSC files to CSR).
     */
    static Rows csc(io.jhdf.api.Dataset indptrDs, io.jhdf.api.Dataset indicesDs, io.jhdf.api.Dataset dataDs,
            int cols, String src) {
        long[] indptr = Hdf5Arrays.allLongs(indptrDs, "indptr", src);
        long nnz = indptr[cols];
        return (from, count) -> {
            int[] counts = new int[count + 1];
            int[] rowOf = new int[1024];
            int[] colOf = new int[1024];
            float[] valOf = new float[1024];
            int n = 0;
            int col = 0;
            for (long s = 0; s < nnz; s += Hdf5Arrays.SLICE) {
                int len = (int) Math.min(Hdf5Arrays.SLICE, nnz - s);
                int[] idx = Hdf5Arrays.ints(indicesDs, s, len);
                float[] val = null;
                for (int k = 0; k < len; k++) {
                    long pos = s + k;
                    while (indptr[col + 1] <= pos) {
                        col++;
                    }
                    int r = idx[k] - from;
                    if (r >= 0 && r < count && idx[k] >= 0) {
                        if (val == null) { // values only for slices that hold some of these rows
                            val = Hdf5Arrays.floats(dataDs, s, len);
                        }
                        if (n == rowOf.length) {
                            int cap = (int) Math.min(Hdf5Arrays.MAX_ARRAY, 2L * n);
                            rowOf = Arrays.copyOf(rowOf, cap);
                            colOf = Arrays.copyOf(colOf, cap);
                            valOf = Arrays.copyOf(valOf, cap);
                        }
                        rowOf[n] = r;
                        colOf[n] = col;
                        valOf[n] = val[k];
                        n++;
                        counts[r + 1]++;
                    }
                }
            }
            for (int r = 0; r < count; r++) {
                counts[r + 1] += counts[r];
            }
            int[] at = Arrays.copyOf(counts, count);
            int[] idx = new int[n];
            float[] val = new float[n];
            for (int k = 0; k < n; k++) { // entries come column by column, so each row's columns ascend
                int pos = at[rowOf[k]]++;
                idx[pos] = colOf[k];
                val[pos] = valOf[k];
            }
            return canonical(new SparseMatrix(count, cols, counts, idx, val));
        };
    }

    /** Sorted column indices, no stored zeros (scipy allows unsorted indices and explicit zeros). */
    static SparseMatrix canonical(SparseMatrix m) {
        return H5adReader.withoutZeros(H5adReader.sorted(m));
    }
}
