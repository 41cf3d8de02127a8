package org.jind.core.data;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;

/**
 * Expression data as read from a file: cells × genes counts or normalised values, cell ids, gene names
 * and per-cell annotations ("obs" columns such as the cell type or the batch). Immutable.
 */
public final class Dataset {
    private final SparseMatrix x;
    private final String[] cellIds;
    private final String[] genes;
    private final Map<String, String[]> obs;
    private final String[] geneAliases;

    /**
     * Checks what every reader must guarantee: finite values, unique cell ids and gene names, matching sizes.
     * {@code source} names the input in error messages.
     */
    public Dataset(SparseMatrix x, String[] cellIds, String[] genes, Map<String, String[]> obs, String source) {
        this(x, cellIds, genes, null, obs, source);
    }

    /**
     * @param geneAliases the same genes under the source's other identifier (a 10x file's gene ids when the genes
     *                    are named by symbol, an h5ad var column of symbols or ids), entries may be null; or null
     *                    when the source names genes one way only. Need not be unique (several ids share a symbol).
     */
    public Dataset(SparseMatrix x, String[] cellIds, String[] genes, String[] geneAliases, Map<String, String[]> obs,
            String source) {
        if (geneAliases != null && geneAliases.length != genes.length) {
            throw new IllegalArgumentException("one alias per gene");
        }
        if (x.rows() != cellIds.length || x.cols() != genes.length) {
            throw new JindException(source + ": the matrix is " + x.rows() + " × " + x.cols() + " but there are "
                    + cellIds.length + " cell ids and " + genes.length + " gene names.");
        }
        for (Map.Entry<String, String[]> e : obs.entrySet()) {
            if (e.getValue().length != cellIds.length) {
                throw new JindException(source + ": the annotation column '" + e.getKey() + "' has "
                        + e.getValue().length + " entries for " + cellIds.length + " cells.");
            }
        }
        requireUniqueCellIds(cellIds, source);
        requireUniqueGenes(genes, source);
        for (int r = 0; r < x.rows(); r++) {
            for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                if (!Float.isFinite(x.value(k))) {
                    throw new JindException(source + ": cell '" + cellIds[r] + "', gene '" + genes[x.colIndex(k)]
                            + "' has the value " + x.value(k) + "; expression values must be finite numbers.");
                }
            }
        }
        this.x = x;
        this.cellIds = cellIds;
        this.genes = genes;
        this.geneAliases = geneAliases;
        this.obs = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(obs));
    }

    /** Also for metadata read without the matrix ({@link DatasetInfo}): the same sentence as a full read. */
    static void requireUniqueCellIds(String[] cellIds, String source) {
        requireUnique(cellIds, "cell ids", source,
                "every cell needs its own id; make them unique (e.g. prefix them with the sample name)");
    }

    static void requireUniqueGenes(String[] genes, String source) {
        requireUnique(genes, "gene names", source,
                "JIND matches genes by name; make them unique (e.g. use gene ids, or suffix repeats with -1, -2)");
    }

    private static void requireUnique(String[] names, String what, String source, String fix) {
        Set<String> seen = new HashSet<>();
        Set<String> dups = new LinkedHashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                dups.add(n);
            }
        }
        if (!dups.isEmpty()) {
            throw new JindException(source + ": " + dups.size() + " duplicate " + what + " (first: "
                    + firstFew(dups, 3) + "); " + fix + ".");
        }
    }

    public SparseMatrix matrix() {
        return x;
    }

    public int cells() {
        return cellIds.length;
    }

    public String[] cellIds() {
        return cellIds.clone();
    }

    public String cellId(int i) {
        return cellIds[i];
    }

    public String[] genes() {
        return genes.clone();
    }

    /** The genes under the source's other identifier (entries may be null), or null; see the constructor. */
    public String[] geneAliases() {
        return geneAliases == null ? null : geneAliases.clone();
    }

    public Set<String> obsColumns() {
        return obs.keySet();
    }

    public boolean hasObs(String key) {
        return obs.containsKey(key);
    }

    /** The annotation column, or a clear error listing the available columns. */
    public String[] obs(String key) {
        String[] col = obs.get(key);
        if (col == null) {
            throw new JindException("There is no annotation column '" + key + "'; available columns: "
                    + (obs.isEmpty() ? "(none)" : String.join(", ", new java.util.TreeSet<>(obs.keySet())))
                    + ". Name the right one with --label-key / --batch-key.");
        }
        return col.clone();
    }

    /** The cells whose column {@code key} equals {@code value}, or a clear error listing the values. */
    public Dataset selectBatch(String key, String value) {
        return selectRows(rowsOf(obs(key), key, value));
    }

    /** The rows of {@code column} (named {@code key}) equal to {@code value}, or a clear error listing the values. */
    static int[] rowsOf(String[] column, String key, String value) {
        List<Integer> rows = new ArrayList<>();
        Set<String> values = new java.util.TreeSet<>();
        for (int i = 0; i < column.length; i++) {
            if (column[i] != null) {
                values.add(column[i]);
            }
            if (value.equals(column[i])) {
                rows.add(i);
            }
        }
        if (rows.isEmpty()) {
            throw batchNotFound(key, value, values);
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    static JindException batchNotFound(String key, String value, Set<String> values) {
        return new JindException("Batch '" + value + "' not found in column '" + key + "'; available: "
                + String.join(", ", values) + ".");
    }

    public Dataset selectRows(int[] rows) {
        String[] ids = new String[rows.length];
        for (int i = 0; i < rows.length; i++) {
            ids[i] = cellIds[rows[i]];
        }
        Map<String, String[]> o = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : obs.entrySet()) {
            String[] v = new String[rows.length];
            for (int i = 0; i < rows.length; i++) {
                v[i] = e.getValue()[rows[i]];
            }
            o.put(e.getKey(), v);
        }
        return new Dataset(x.selectRows(rows), ids, genes, geneAliases, o, "selection");
    }

    /** Map from gene name to column index. */
    public Map<String, Integer> geneIndex() {
        Map<String, Integer> m = new HashMap<>(genes.length * 2);
        for (int j = 0; j < genes.length; j++) {
            m.put(genes[j], j);
        }
        return m;
    }

    /**
     * A fingerprint of the set of cell ids, used to recognise the batch a model was aligned to. Independent of
     * the row order, so sorting or filtering columns of the same cells does not change it.
     */
    public String cellIdFingerprint() {
        return fingerprint(cellIds);
    }

    /** {@link #cellIdFingerprint()} of the given ids (e.g. collected while streaming a batch). */
    public static String fingerprint(String[] ids) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            String[] sorted = ids.clone();
            java.util.Arrays.sort(sorted);
            for (String id : sorted) {
                md.update(id.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                md.update((byte) 0);
            }
            byte[] d = md.digest();
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format("%02x", d[i]));
            }
            return sb.toString();
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String firstFew(Iterable<String> items, int n) {
        StringBuilder sb = new StringBuilder();
        int i = 0;
        for (String s : items) {
            if (i == n) {
                sb.append(", …");
                break;
            }
            sb.append(i == 0 ? "" : ", ").append('\'').append(s).append('\'');
            i++;
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return cells() + " cells × " + genes.length + " genes" + (obs.isEmpty() ? "" : ", annotations " + obs.keySet());
    }
}
