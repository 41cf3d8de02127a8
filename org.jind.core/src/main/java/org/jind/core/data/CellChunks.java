package org.jind.core.data;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * A batch read in chunks of cells, in file order, so memory is bounded by one chunk rather than the file: AnnData
 * X (CSR, CSC, dense) and 10x HDF5 are read in slices, CSV/TSV line by line; 10x MTX directories are read whole
 * (their entries need not come cell by cell). Every chunk has the same genes. Close it when done.
 */
public interface CellChunks extends AutoCloseable {

    String[] genes();

    /** The genes under the source's other identifier, or null (see {@link Dataset#geneAliases()}). */
    String[] geneAliases();

    /** How many cells the chunks hold in all, or -1 when not known before reading (text files). */
    long cells();

    /** The next at most {@code maxCells} cells (with their annotation columns), or null after the last. */
    Dataset next(int maxCells);

    /**
     * Keeps only the cells whose annotation column {@code key} equals {@code value}; a clear error listing the
     * values when there are none (at once where the annotations are known before the matrix, else at the end).
     */
    CellChunks select(String key, String value);

    @Override
    void close();

    /** Chunks of a batch already in memory. */
    static CellChunks of(Dataset d) {
        return new CellChunks() {
            private int next;

            @Override
            public String[] genes() {
                return d.genes();
            }

            @Override
            public String[] geneAliases() {
                return d.geneAliases();
            }

            @Override
            public long cells() {
                return d.cells();
            }

            @Override
            public Dataset next(int maxCells) {
                if (next >= d.cells()) {
                    return null;
                }
                int n = Math.min(maxCells, d.cells() - next);
                int[] rows = java.util.stream.IntStream.range(next, next + n).toArray();
                next += n;
                return n == d.cells() ? d : d.selectRows(rows);
            }

            @Override
            public CellChunks select(String key, String value) {
                return of(d.selectBatch(key, value));
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * Keeps, from each chunk of {@code in}, the cells whose column {@code key} equals {@code value}; for sources
     * whose annotations come with the matrix (text files), so a batch that is nowhere is reported at the end.
     */
    static CellChunks filtered(CellChunks in, String key, String value) {
        return new CellChunks() {
            private final Set<String> seen = new TreeSet<>();
            private boolean any;

            @Override
            public String[] genes() {
                return in.genes();
            }

            @Override
            public String[] geneAliases() {
                return in.geneAliases();
            }

            @Override
            public long cells() {
                return -1;
            }

            @Override
            public Dataset next(int maxCells) {
                Dataset chunk;
                while ((chunk = in.next(maxCells)) != null) {
                    String[] col = chunk.obs(key);
                    java.util.List<Integer> rows = new java.util.ArrayList<>();
                    for (int i = 0; i < col.length; i++) {
                        if (col[i] != null) {
                            seen.add(col[i]);
                        }
                        if (value.equals(col[i])) {
                            rows.add(i);
                        }
                    }
                    if (!rows.isEmpty()) {
                        any = true;
                        return chunk.selectRows(rows.stream().mapToInt(Integer::intValue).toArray());
                    }
                }
                if (!any) {
                    throw Dataset.batchNotFound(key, value, new LinkedHashSet<>(seen));
                }
                return null;
            }

            @Override
            public CellChunks select(String k, String v) {
                return filtered(this, k, v);
            }

            @Override
            public void close() {
                in.close();
            }
        };
    }
}
