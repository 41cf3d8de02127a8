package org.jind.core.data;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import org.jind.core.JindException;

/**
 * What a file holds, read without its expression matrix: the cell count, the cell annotation columns and their
 * kinds, and the gene names under every identifier the file offers (the var index, and var columns such as
 * {@code gene_symbols} or {@code gene_ids}). Cheap enough for a KNIME node's configure and dialog. Immutable.
 * <p>
 * The contract with {@link DatasetReader#read}: the dataset read from the same file (and the same AnnData
 * {@link #matrix()}) has these cells, the annotation columns named here, and its genes in the order of
 * {@link #geneNames}; its gene names are those of {@link #indexIdentifier()}. For AnnData it also lists the file's
 * matrices ({@link #matrices()}: X, raw with its gene count, the layers).
 */
public final class DatasetInfo {
    /** How an annotation column's values are best typed: text (also every categorical), whole numbers, numbers. */
    public enum Kind { STRING, INT, DOUBLE }

    /** Distinct values are listed for text columns with at most this many (enough for batches and cell types). */
    public static final int MAX_LEVELS = 1000;

    /**
     * One cell annotation column.
     *
     * @param levels for {@link Kind#STRING} columns with at most {@link #MAX_LEVELS} distinct values, those values
     *               in sorted order; otherwise empty
     */
    public record Column(String name, Kind kind, List<String> levels) {
        public Column {
            levels = List.copyOf(levels);
        }
    }

    private final String source;
    private final String format;
    private final int cells;
    private final List<Column> obs;
    private final Map<String, String[]> identifiers;
    private final Map<String, String[]> obsValues;
    private final Matrices matrices;

    /**
     * The matrices of an AnnData file (X, raw, layers) and the one this description's genes are those of.
     *
     * @param read     the matrix described; null for formats with one matrix (10x, CSV/TSV)
     * @param all      the file's matrices (empty for formats with one matrix)
     * @param rawGenes how many genes raw names ({@code raw/var}), or -1 without raw
     */
    record Matrices(MatrixChoice read, List<MatrixChoice> all, int rawGenes) {
        static final Matrices ONE = new Matrices(null, List.of(), -1);

        Matrices {
            all = List.copyOf(all);
        }
    }

    /**
     * @param identifiers gene names per identifier, the first being the one the reader names genes by; every array
     *                    has one name per gene, in the matrix's column order, unique
     */
    DatasetInfo(String source, String format, int cells, List<Column> obs, Map<String, String[]> identifiers) {
        this(source, format, cells, obs, identifiers, Map.of(), Matrices.ONE);
    }

    /**
     * @param obsValues the annotation columns' values per cell, when the format gives them with the metadata (for
     *                  {@link #levels(String, String, Collection)}); may be empty
     */
    DatasetInfo(String source, String format, int cells, List<Column> obs, Map<String, String[]> identifiers,
            Map<String, String[]> obsValues) {
        this(source, format, cells, obs, identifiers, obsValues, Matrices.ONE);
    }

    DatasetInfo(String source, String format, int cells, List<Column> obs, Map<String, String[]> identifiers,
            Map<String, String[]> obsValues, Matrices matrices) {
        if (identifiers.isEmpty()) {
            throw new IllegalArgumentException("no gene identifier");
        }
        int genes = identifiers.values().iterator().next().length;
        for (String[] names : identifiers.values()) {
            if (names.length != genes) {
                throw new IllegalArgumentException("gene identifiers of different lengths");
            }
        }
        this.source = source;
        this.format = format;
        this.cells = cells;
        this.obs = List.copyOf(obs);
        this.identifiers = Collections.unmodifiableMap(new LinkedHashMap<>(identifiers));
        this.obsValues = Map.copyOf(obsValues);
        this.matrices = matrices;
    }

    /** Reads the metadata of {@code file} (as {@link DatasetReader#info}). */
    public static DatasetInfo of(Path file) {
        return DatasetReader.info(file);
    }

    /**
     * The AnnData matrix whose genes and cells this describes (X unless another was asked for); null for formats
     * with one matrix.
     */
    public MatrixChoice matrix() {
        return matrices.read();
    }

    /** The matrices of an AnnData file: X, raw, the layers, those it has; empty for formats with one matrix. */
    public List<MatrixChoice> matrices() {
        return matrices.all();
    }

    /** The names of the AnnData file's layers. */
    public List<String> layers() {
        return matrices.all().stream().filter(m -> m.kind() == MatrixChoice.Kind.LAYER).map(MatrixChoice::layer)
                .toList();
    }

    /** How many genes raw has (its own {@code raw/var}, often more than X's), or -1 when the file has no raw. */
    public int rawGenes() {
        return matrices.all().contains(MatrixChoice.RAW) ? matrices.rawGenes() : -1;
    }

    /** The file name, as messages name it. */
    public String source() {
        return source;
    }

    /** A short description of the format, e.g. "AnnData .h5ad". */
    public String format() {
        return format;
    }

    public int cells() {
        return cells;
    }

    public int genes() {
        return identifiers.values().iterator().next().length;
    }

    /** The cell annotation columns, in the file's order. */
    public List<Column> obs() {
        return obs;
    }

    public Optional<Column> obsColumn(String name) {
        return obs.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    /** The names of the gene identifiers, the reader's own ({@link #indexIdentifier()}) first. */
    public List<String> identifiers() {
        return List.copyOf(identifiers.keySet());
    }

    /** The identifier {@link DatasetReader#read} names genes by. */
    public String indexIdentifier() {
        return identifiers.keySet().iterator().next();
    }

    /** The gene names under {@code identifier}, one per gene in the matrix's column order, unique. */
    public String[] geneNames(String identifier) {
        String[] names = identifiers.get(identifier);
        if (names == null) {
            throw new JindException(source + " has no gene identifier '" + identifier + "'; it has "
                    + String.join(", ", identifiers.keySet()) + ".");
        }
        return names.clone();
    }

    /**
     * The distinct values of the text column {@code column} among the cells whose {@code batchColumn} holds one of
     * {@code batches} (every cell when {@code batchColumn} is null), sorted; empty when there are more than
     * {@link #MAX_LEVELS}. Where the format gives no values with its metadata, the column's {@link Column#levels()}
     * over all cells (a superset).
     */
    public List<String> levels(String column, String batchColumn, Collection<String> batches) {
        Column c = obsColumn(column).orElseThrow(() -> new JindException(source + " has no annotation column '"
                + column + "'."));
        String[] values = obsValues.get(column);
        String[] batch = batchColumn == null ? null : obsValues.get(batchColumn);
        if (c.kind() != Kind.STRING || values == null || batchColumn != null && batch == null) {
            return c.levels();
        }
        if (batch == null) {
            return levels(values);
        }
        java.util.Set<String> keep = new java.util.HashSet<>(batches);
        List<String> kept = new java.util.ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            if (keep.contains(batch[i])) {
                kept.add(values[i]);
            }
        }
        return levels(kept.toArray(new String[0]));
    }

    /** The distinct non-missing values, sorted, when there are at most {@link #MAX_LEVELS}; else empty. */
    static List<String> levels(String[] values) {
        TreeSet<String> distinct = new TreeSet<>();
        for (String v : values) {
            if (v != null && distinct.add(v) && distinct.size() > MAX_LEVELS) {
                return List.of();
            }
        }
        return List.copyOf(distinct);
    }

    /**
     * The kind of an annotation column: text unless it was stored as numbers; numbers are whole when every value
     * reads as a 32-bit integer (missing values aside).
     */
    static Kind kind(String[] values, boolean storedAsNumbers) {
        if (!storedAsNumbers) {
            return Kind.STRING;
        }
        for (String v : values) {
            if (v != null && !isInt(v)) {
                return Kind.DOUBLE;
            }
        }
        return Kind.INT;
    }

    private static boolean isInt(String v) {
        try {
            Integer.parseInt(v);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    static Column column(String name, String[] values, boolean storedAsNumbers) {
        Kind k = kind(values, storedAsNumbers);
        return new Column(name, k, k == Kind.STRING ? levels(values) : List.of());
    }

    @Override
    public String toString() {
        return source + " (" + format + "): " + cells + " cells × " + genes() + " genes, annotations "
                + Arrays.toString(obs.stream().map(Column::name).toArray()) + ", gene identifiers " + identifiers.keySet()
                + (matrices.read() == null ? "" : ", matrix " + matrices.read() + " of " + matrices.all());
    }
}
