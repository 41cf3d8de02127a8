package org.jind.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

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

    /**
     * At most how many values the remaining cells store (exact unless the file stores zeros), or -1 when that is not
     * known before reading them.
     */
    default long storedValues() {
        return -1;
    }

    /** The next at most {@code maxCells} cells (with their annotation columns), or null after the last. */
    Dataset next(int maxCells);

    /**
     * Keeps only the cells whose annotation column {@code key} equals {@code value}; a clear error listing the
     * values when there are none (at once where the annotations are known before the matrix, else at the end).
     */
    CellChunks select(String key, String value);

    @Override
    void close();

    /**
     * The remaining cells as one batch, or null when there are none, read {@code chunkCells} at a time: only the
     * cells kept are ever held (not the whole file), and they are joined once into arrays of their final size.
     * {@code source} names the input in error messages.
     */
    default Dataset readAll(int chunkCells, String source) {
        long stored = storedValues();
        // known (CSR files): the chunks go straight into arrays of the final size, so only one chunk is held besides
        SparseMatrix.Builder known = stored >= 0 && stored <= SparseMatrix.MAX_VALUES
                ? new SparseMatrix.Builder(genes().length, (int) stored) : null;
        List<Dataset> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> obs = new LinkedHashMap<>();
        Dataset first = null;
        for (Dataset d = next(chunkCells); d != null; d = next(chunkCells)) {
            if (first == null) {
                first = d;
                first.obsColumns().forEach(key -> obs.put(key, new ArrayList<>()));
            }
            ids.addAll(List.of(d.cellIds()));
            for (Map.Entry<String, List<String>> e : obs.entrySet()) {
                e.getValue().addAll(Arrays.asList(d.obs(e.getKey())));
            }
            if (known != null) {
                known.appendRows(d.matrix());
            } else {
                parts.add(d);
            }
        }
        if (first == null) {
            return null;
        }
        SparseMatrix x;
        if (known != null) {
            x = known.build();
        } else {
            List<SparseMatrix> matrices = new ArrayList<>();
            parts.forEach(d -> matrices.add(d.matrix()));
            parts.clear(); // the matrices are now held by matrices alone, which concatRows empties as it copies
            x = SparseMatrix.concatRows(matrices);
        }
        Map<String, String[]> columns = new LinkedHashMap<>();
        obs.forEach((key, values) -> columns.put(key, values.toArray(new String[0])));
        return new Dataset(x, ids.toArray(new String[0]), first.genes(), first.geneAliases(), columns, source);
    }

    /**
     * These chunks, each also handed to {@code seen} as it is read: for what a consumer of the chunks does not keep
     * (e.g. an annotation column of a batch read prepared). Closing it closes {@code in}.
     */
    static CellChunks peeking(CellChunks in, Consumer<Dataset> seen) {
        return new DerivedChunks(in) {
            @Override
            public long cells() {
                return in.cells();
            }

            @Override
            public Dataset next(int maxCells) {
                Dataset chunk = in.next(maxCells);
                if (chunk != null) {
                    seen.accept(chunk);
                }
                return chunk;
            }

            @Override
            public CellChunks select(String key, String value) {
                return peeking(in.select(key, value), seen);
            }
        };
    }

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
        return new DerivedChunks(in) {
            private final Set<String> seen = new TreeSet<>();
            private boolean any;

            @Override
            public long cells() {
                return -1;
            }

            @Override
            public Dataset next(int maxCells) {
                Dataset chunk;
                while ((chunk = in.next(maxCells)) != null) {
                    String[] col = chunk.obs(key);
                    List<Integer> rows = new ArrayList<>();
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
        };
    }
}
