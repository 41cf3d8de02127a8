package org.jind.knime.logic;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jind.core.JindException;
import org.jind.core.data.CellChunks;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetInfo;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.NoSuchMatrixException;
import org.jind.core.data.ReadOptions;
import org.jind.core.data.SparseMatrix;
import org.jind.core.prep.Preprocessing;

/**
 * The Single-Cell Reader's decisions, without KNIME: which cells (batches, a limit), which genes (all, the most
 * variable, or a model's) under which gene identifier, and the output columns — from the file's metadata at
 * configure time ({@link #plan}) and from the data at execute time ({@link #read}). The matrix is read sparse and
 * densified one cell at a time ({@link Table#genes}), only for the chosen genes.
 */
public final class SingleCellRead {
    public static final String FILE = "File or 10x folder";
    public static final String BATCH_COLUMN = "Batch column";
    public static final String BATCHES = "Batches to keep";
    public static final String GENES = "Genes";
    public static final String TOP_GENES = "Number of most variable genes";
    public static final String GENE_IDENTIFIER = "Gene identifier";
    public static final String CELL_LIMIT = "Cell limit (0: all cells)";
    public static final String MATRIX = "Matrix";
    /** The labels of the gene choices (also the values saved in the node settings and set by flow variables). */
    public static final String ALL_GENES = "All genes";
    public static final String MOST_VARIABLE_GENES = "Most variable genes over the kept cells";
    public static final String MODEL_GENES = "The genes of the model at the input port";

    /** What the gene columns are. */
    public enum GeneChoice {
        ALL(ALL_GENES),
        MOST_VARIABLE(MOST_VARIABLE_GENES),
        MODEL(MODEL_GENES);

        private final String label;

        GeneChoice(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        public static String[] labels() {
            return Arrays.stream(values()).map(GeneChoice::label).toArray(String[]::new);
        }

        public static GeneChoice of(String label) {
            for (GeneChoice c : values()) {
                if (c.label.equals(label)) {
                    return c;
                }
            }
            throw new JindException("'" + GENES + "' must be one of: " + String.join("; ", labels()) + "; it is '"
                    + label + "'.");
        }
    }

    /**
     * The dialog's options, checked.
     *
     * @param batchColumn blank: keep every cell
     * @param batches     the batches to keep, comma-separated in the dialog
     * @param identifier  blank: the file's own gene names (the var index; 10x: symbols)
     * @param cellLimit   0: all kept cells
     * @param matrix      for .h5ad files: X, raw or a layer; null: X
     */
    public record Options(String batchColumn, List<String> batches, GeneChoice genes, int topGenes, String identifier,
            int cellLimit, MatrixChoice matrix) {
        public Options(String batchColumn, List<String> batches, GeneChoice genes, int topGenes, String identifier,
                int cellLimit) {
            this(batchColumn, batches, genes, topGenes, identifier, cellLimit, null);
        }

        public Options {
            batchColumn = batchColumn == null ? "" : batchColumn.strip();
            batches = List.copyOf(batches);
            identifier = identifier == null ? "" : identifier.strip();
            if (genes == GeneChoice.MOST_VARIABLE && topGenes < 1) {
                throw new JindException("'" + TOP_GENES + "' must be at least 1; it is " + topGenes + ".");
            }
            if (cellLimit < 0) {
                throw new JindException("'" + CELL_LIMIT + "' must not be negative; it is " + cellLimit + ".");
            }
            if (!batches.isEmpty() && batchColumn.isEmpty()) {
                throw new JindException("'" + BATCHES + "' are given but no '" + BATCH_COLUMN
                        + "'; name the annotation column that holds the batches.");
            }
            if (!batchColumn.isEmpty() && batches.isEmpty()) {
                throw new JindException("'" + BATCH_COLUMN + "' is '" + batchColumn + "' but no '" + BATCHES
                        + "' are given; list them separated by commas, or clear '" + BATCH_COLUMN
                        + "' to keep every cell.");
            }
        }

        /** From the dialog's text: batches separated by commas, blanks ignored. */
        public static Options of(String batchColumn, String batches, String genes, int topGenes, String identifier,
                int cellLimit) {
            return of(batchColumn, batches, genes, topGenes, identifier, cellLimit, "");
        }

        /** @param matrix blank: X; else X, raw or a layer's name */
        public static Options of(String batchColumn, String batches, String genes, int topGenes, String identifier,
                int cellLimit, String matrix) {
            MatrixChoice m = matrix == null || matrix.isBlank() ? null : MatrixChoice.of(matrix, "'" + MATRIX + "'");
            List<String> list = batches == null ? List.of()
                    : Arrays.stream(batches.split(",")).map(String::strip).filter(b -> !b.isEmpty()).distinct()
                            .toList();
            return new Options(batchColumn, list, GeneChoice.of(genes), topGenes, identifier, cellLimit, m);
        }
    }

    /**
     * The output columns decided from metadata: the annotations, then the genes — null when they are known only
     * after reading (the most variable genes, or a model not trained yet).
     *
     * @param geneColumns the file's gene positions (matrix columns) of the gene columns, in output order, or null
     */
    public record Plan(String identifier, List<OutputColumn> annotations, String[] geneNames, int[] geneColumns,
            List<String> warnings) {
        /** All columns, or null when the gene columns are not known yet. */
        public List<OutputColumn> columns() {
            if (geneNames == null) {
                return null;
            }
            List<OutputColumn> all = new ArrayList<>(annotations);
            for (String g : geneNames) {
                all.add(new OutputColumn(g, OutputColumn.Kind.DOUBLE));
            }
            return all;
        }
    }

    private SingleCellRead() {
    }

    /**
     * A 10x folder may be given by its {@code matrix.mtx[.gz]}, since file choosers pick files more easily than
     * folders.
     */
    public static Path dataPath(Path chosen) {
        Path name = chosen.getFileName();
        String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
        return (n.equals("matrix.mtx") || n.equals("matrix.mtx.gz")) && chosen.getParent() != null
                ? chosen.getParent() : chosen;
    }

    /**
     * The file's metadata for the chosen matrix (raw names its own genes); a matrix the file lacks is one sentence
     * naming those it has and the dialog's option.
     */
    public static DatasetInfo info(Path file, Options o) {
        try {
            return DatasetReader.info(file, ReadOptions.NONE.withMatrix(o.matrix()));
        } catch (NoSuchMatrixException e) {
            throw e.renamed("'" + MATRIX + "'");
        }
    }

    /**
     * Decides the output from the file's metadata.
     *
     * @param modelGenes the genes of the model at the input port in the model's order; null without a model or
     *                   while its genes are unknown (not trained yet)
     * @param modelConnected whether a model is at the input port
     */
    public static Plan plan(DatasetInfo info, Options o, boolean modelConnected, String[] modelGenes) {
        String identifier = o.identifier().isEmpty() ? info.indexIdentifier() : o.identifier();
        if (!info.identifiers().contains(identifier)) {
            throw new JindException("'" + GENE_IDENTIFIER + "' is '" + identifier + "', which " + info.source()
                    + " does not offer; it offers: " + String.join(", ", info.identifiers())
                    + " (leave it blank for the file's own gene names).");
        }
        if (!o.batchColumn().isEmpty()) {
            DatasetInfo.Column c = info.obsColumn(o.batchColumn()).orElseThrow(() -> new JindException("'"
                    + BATCH_COLUMN + "' is '" + o.batchColumn() + "', which is not an annotation column of "
                    + info.source() + "; it has: " + (info.obs().isEmpty() ? "(none)"
                            : info.obs().stream().map(DatasetInfo.Column::name).collect(Collectors.joining(", ")))
                    + "."));
            if (!c.levels().isEmpty()) {
                List<String> unknown = o.batches().stream().filter(b -> !c.levels().contains(b)).toList();
                if (!unknown.isEmpty()) {
                    throw new JindException("'" + BATCHES + "': " + Dataset.firstFew(unknown, 5) + " not found in '"
                            + c.name() + "'; its values are: " + Dataset.firstFew(c.levels(), 20) + ".");
                }
            }
        }
        String[] names = info.geneNames(identifier);
        List<String> warnings = new ArrayList<>();
        List<OutputColumn> annotations = annotations(info, names, warnings);
        return switch (o.genes()) {
            case ALL -> new Plan(identifier, annotations, names, range(names.length), warnings);
            case MOST_VARIABLE -> new Plan(identifier, annotations, null, null, warnings);
            case MODEL -> {
                if (!modelConnected) {
                    throw new JindException("'" + GENES + "' is '" + GeneChoice.MODEL.label() + "' but no JIND model"
                            + " is connected to the model input port; connect one, or choose another '" + GENES
                            + "'.");
                }
                if (modelGenes == null) {
                    yield new Plan(identifier, annotations, null, null, warnings);
                }
                yield modelGenes(info, identifier, names, modelGenes, annotations, warnings);
            }
        };
    }

    /**
     * The values each annotation column can hold in the output, aligned with {@link Plan#annotations()}: for text
     * columns their values among the kept batches' cells (KNIME's column domain, from which Train JIND knows the
     * cell types before it runs); empty for numbers, for more than {@link DatasetInfo#MAX_LEVELS} values, and with
     * a cell limit (the first cells need not hold every value).
     */
    public static List<List<String>> annotationValues(DatasetInfo info, Options o) {
        List<List<String>> out = new ArrayList<>();
        for (DatasetInfo.Column c : info.obs()) {
            boolean known = c.kind() == DatasetInfo.Kind.STRING && o.cellLimit() == 0;
            out.add(!known ? List.of()
                    : info.levels(c.name(), o.batchColumn().isEmpty() ? null : o.batchColumn(), o.batches()));
        }
        return out;
    }

    /** The model's genes the file has, in the model's order; a clear error when the naming does not match. */
    private static Plan modelGenes(DatasetInfo info, String identifier, String[] names, String[] modelGenes,
            List<OutputColumn> annotations, List<String> warnings) {
        Map<String, Integer> position = positions(names);
        List<String> found = new ArrayList<>();
        List<Integer> cols = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (String g : modelGenes) {
            Integer j = position.get(g);
            if (j == null) {
                absent.add(g);
            } else {
                found.add(g);
                cols.add(j);
            }
        }
        if (found.isEmpty()) {
            String better = null;
            int best = 0;
            for (String other : info.identifiers()) {
                Set<String> set = new java.util.HashSet<>(Arrays.asList(info.geneNames(other)));
                int n = (int) Arrays.stream(modelGenes).filter(set::contains).count();
                if (n > best) {
                    best = n;
                    better = other;
                }
            }
            throw new JindException("None of the model's " + modelGenes.length + " genes (e.g. "
                    + Dataset.firstFew(Arrays.asList(modelGenes), 3) + ") is a gene of " + info.source() + " under '"
                    + identifier + "' (e.g. " + Dataset.firstFew(Arrays.asList(names), 3) + ")"
                    + (better == null ? "; the model was trained on other genes."
                            : "; '" + better + "' names " + best + " of them: choose it as '" + GENE_IDENTIFIER + "'."));
        }
        if (!absent.isEmpty()) {
            warnings.add(absent.size() + " of the model's " + modelGenes.length + " genes are not in " + info.source()
                    + " (e.g. " + Dataset.firstFew(absent, 5) + "); they get no column.");
        }
        return new Plan(identifier, annotations, found.toArray(new String[0]),
                cols.stream().mapToInt(Integer::intValue).toArray(), warnings);
    }

    /** Annotation columns; one named like a gene is renamed, since a KNIME table's column names are unique. */
    private static List<OutputColumn> annotations(DatasetInfo info, String[] genes, List<String> warnings) {
        Set<String> geneSet = new java.util.HashSet<>(Arrays.asList(genes));
        List<OutputColumn> out = new ArrayList<>();
        for (DatasetInfo.Column c : info.obs()) {
            String name = c.name();
            if (geneSet.contains(name)) {
                name = name + " (annotation)";
                warnings.add("The annotation column '" + c.name() + "' is named like a gene; it is called '" + name
                        + "'.");
            }
            out.add(new OutputColumn(name, switch (c.kind()) {
                case STRING -> OutputColumn.Kind.STRING;
                case INT -> OutputColumn.Kind.INT;
                case DOUBLE -> OutputColumn.Kind.DOUBLE;
            }));
        }
        return out;
    }

    /** Receives the output one cell at a time. */
    @FunctionalInterface
    public interface Rows {
        /**
         * @param annotations String, Integer or Double per annotation column; null when missing
         * @param genes       one value per gene column (zeros included); reused for the next cell
         */
        void row(String cellId, Object[] annotations, double[] genes);
    }

    /** Cells read per chunk: memory holds one chunk's sparse rows, not the file's matrix. */
    static final int CHUNK_CELLS = 1024;

    /**
     * A reading whose columns are decided: {@link #columns()} for the table, then {@link #write} streams the cells.
     * For the most variable genes the kept cells are read once (sparse) to choose them, as Train JIND chooses its
     * genes, and written from memory; otherwise the file is read in chunks of cells while writing.
     */
    public static final class Reading {
        private final Path file;
        private final DatasetInfo info;
        private final Options options;
        private final String[] geneNames;
        private final int[] geneColumns;
        private final List<OutputColumn> columns;
        private final Dataset kept; // the kept cells when they had to be read to choose genes, else null

        private Reading(Path file, DatasetInfo info, Options options, Plan plan, String[] geneNames,
                int[] geneColumns, Dataset kept) {
            this.file = file;
            this.info = info;
            this.options = options;
            this.geneNames = geneNames;
            this.geneColumns = geneColumns;
            this.columns = new Plan(plan.identifier(), plan.annotations(), geneNames, geneColumns, List.of())
                    .columns();
            this.kept = kept;
        }

        public List<OutputColumn> columns() {
            return columns;
        }

        public String[] geneNames() {
            return geneNames.clone();
        }

        /**
         * Streams the kept cells, in the file's order, to {@code out}; returns how many. Stops with the core's
         * {@link org.jind.core.Progress.CancelledException} when the user cancels.
         */
        public int write(Rows out, ProgressSink progress) {
            int[] outputOf = new int[info.genes()];
            Arrays.fill(outputOf, -1);
            for (int k = 0; k < geneColumns.length; k++) {
                outputOf[geneColumns[k]] = k;
            }
            Emitter e = new Emitter(info.obs(), outputOf, geneColumns.length, out);
            if (kept != null) {
                e.emit(kept, null, Integer.MAX_VALUE);
                return e.written;
            }
            int limit = options.cellLimit() > 0 ? options.cellLimit() : Integer.MAX_VALUE;
            long seen = 0;
            try (CellChunks chunks = chunks(file, info)) {
                Dataset chunk;
                while (e.written < limit && (chunk = chunks.next(CHUNK_CELLS)) != null) {
                    cancelled(progress);
                    e.emit(chunk, keptRows(chunk, options, Integer.MAX_VALUE), limit);
                    seen += chunk.cells();
                    progress.progress((double) seen / Math.max(1, info.cells()), "Read " + seen + " of "
                            + info.cells() + " cells, " + e.written + " kept");
                }
            }
            if (e.written == 0) {
                throw noCells(options);
            }
            return e.written;
        }
    }

    /** Writes a chunk's kept rows with the chosen genes densified, one cell at a time. */
    private static final class Emitter {
        private final List<DatasetInfo.Column> obs;
        private final int[] outputOf;
        private final double[] genes;
        private final Rows out;
        int written;

        Emitter(List<DatasetInfo.Column> obs, int[] outputOf, int geneCount, Rows out) {
            this.obs = obs;
            this.outputOf = outputOf;
            this.genes = new double[geneCount];
            this.out = out;
        }

        void emit(Dataset chunk, int[] rows, int limit) {
            String[][] values = obs.stream().map(c -> chunk.obs(c.name())).toArray(String[][]::new);
            SparseMatrix x = chunk.matrix();
            int n = rows == null ? chunk.cells() : rows.length;
            for (int r = 0; r < n && written < limit; r++) {
                int i = rows == null ? r : rows[r];
                Object[] annotations = new Object[values.length];
                for (int c = 0; c < values.length; c++) {
                    annotations[c] = typed(values[c][i], obs.get(c).kind());
                }
                Arrays.fill(genes, 0);
                for (int k = x.rowStart(i); k < x.rowEnd(i); k++) {
                    int o = outputOf[x.colIndex(k)];
                    if (o >= 0) {
                        genes[o] = x.value(k);
                    }
                }
                out.row(chunk.cellId(i), annotations, genes);
                written++;
            }
        }
    }

    private static Object typed(String v, DatasetInfo.Kind kind) {
        return v == null ? null : switch (kind) {
            case STRING -> v;
            case INT -> Integer.valueOf(v);
            case DOUBLE -> Double.valueOf(v);
        };
    }

    /**
     * Decides the gene columns: those of {@code plan}, or for the most variable genes those Train JIND would pick
     * over the kept cells (the core's selection, genes named by the chosen identifier), which reads them first.
     */
    public static Reading open(Path file, DatasetInfo info, Options o, Plan plan, ProgressSink progress) {
        if (plan.geneNames() != null) {
            return new Reading(file, info, o, plan, plan.geneNames(), plan.geneColumns(), null);
        }
        progress.progress(0, "Reading the kept cells of " + info.source() + " to find the most variable genes");
        Dataset kept = keptCells(file, info, o, progress);
        String[] names = info.geneNames(plan.identifier());
        Dataset renamed = new Dataset(kept.matrix(), kept.cellIds(), names, Map.of(), info.source());
        String[] top = Preprocessing.fit(renamed, null, o.topGenes()).plan().selectedGenes();
        Map<String, Integer> position = positions(names);
        return new Reading(file, info, o, plan, top, Arrays.stream(top).mapToInt(position::get).toArray(), kept);
    }

    /** The kept cells (batches, limit) of the whole file, gathered chunk by chunk into one sparse dataset. */
    private static Dataset keptCells(Path file, DatasetInfo info, Options o, ProgressSink progress) {
        int limit = o.cellLimit() > 0 ? o.cellLimit() : Integer.MAX_VALUE;
        SparseMatrix.Builder b = new SparseMatrix.Builder(info.genes());
        List<String> ids = new ArrayList<>();
        Map<String, List<String>> obs = new java.util.LinkedHashMap<>();
        info.obs().forEach(c -> obs.put(c.name(), new ArrayList<>()));
        long seen = 0;
        try (CellChunks chunks = chunks(file, info)) {
            Dataset chunk;
            while (ids.size() < limit && (chunk = chunks.next(CHUNK_CELLS)) != null) {
                cancelled(progress);
                SparseMatrix x = chunk.matrix();
                for (int i : keptRows(chunk, o, limit - ids.size())) {
                    for (int k = x.rowStart(i); k < x.rowEnd(i); k++) {
                        b.add(x.colIndex(k), x.value(k));
                    }
                    b.endRow();
                    ids.add(chunk.cellId(i));
                    for (Map.Entry<String, List<String>> e : obs.entrySet()) {
                        e.getValue().add(chunk.obs(e.getKey())[i]);
                    }
                }
                seen += chunk.cells();
                progress.progress(0.5 * seen / Math.max(1, info.cells()), "Read " + seen + " of " + info.cells()
                        + " cells");
            }
        }
        if (ids.isEmpty()) {
            throw noCells(o);
        }
        Map<String, String[]> columns = new java.util.LinkedHashMap<>();
        obs.forEach((k, v) -> columns.put(k, v.toArray(new String[0])));
        return new Dataset(b.build(), ids.toArray(new String[0]), info.geneNames(info.indexIdentifier()), columns,
                info.source());
    }

    private static CellChunks chunks(Path file, DatasetInfo info) {
        Set<String> annotationColumns = new LinkedHashSet<>();
        info.obs().forEach(c -> annotationColumns.add(c.name()));
        return DatasetReader.open(file, ReadOptions.NONE.withMatrix(info.matrix()), annotationColumns);
    }

    private static void cancelled(ProgressSink progress) {
        if (progress.isCancelled()) {
            throw new org.jind.core.Progress.CancelledException();
        }
    }

    private static JindException noCells(Options o) {
        return new JindException("'" + BATCHES + "': no cell is in " + Dataset.firstFew(o.batches(), 5) + " of '"
                + o.batchColumn() + "'.");
    }

    /** The chunk's rows in the kept batches, at most {@code max}. */
    private static int[] keptRows(Dataset chunk, Options o, int max) {
        Set<String> batches = new java.util.HashSet<>(o.batches());
        String[] batch = o.batchColumn().isEmpty() ? null : chunk.obs(o.batchColumn());
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < chunk.cells() && rows.size() < max; i++) {
            if (batch == null || batches.contains(batch[i])) {
                rows.add(i);
            }
        }
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }

    private static Map<String, Integer> positions(String[] names) {
        Map<String, Integer> m = new HashMap<>(names.length * 2);
        for (int j = 0; j < names.length; j++) {
            m.put(names[j], j);
        }
        return m;
    }

    private static int[] range(int n) {
        int[] r = new int[n];
        for (int i = 0; i < n; i++) {
            r[i] = i;
        }
        return r;
    }
}
