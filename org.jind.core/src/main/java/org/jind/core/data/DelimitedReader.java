package org.jind.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;

/**
 * Wide CSV/TSV (RFC 4180 quoting; see {@link TextFiles.Records}), optionally gzipped: one row per cell, the first column the cell id, one column per gene.
 * Columns named in {@code annotationColumns} (the label and batch keys) are read as annotations; every other
 * column is a gene and must hold numbers.
 */
final class DelimitedReader {
    private DelimitedReader() {
    }

    static Dataset read(Path file, Set<String> annotationColumns) throws IOException {
        try (CellChunks c = open(file, annotationColumns)) {
            return c.next(Integer.MAX_VALUE);
        }
    }

    /** The file's cells in chunks of lines; the header is read and checked now. */
    static CellChunks open(Path file, Set<String> annotationColumns) throws IOException {
        String src = file.getFileName().toString();
        BufferedReader in = TextFiles.open(file);
        try {
            String headerLine = in.readLine();
            String[] header = header(file, headerLine, src);
            char delim = TextFiles.guessDelimiter(file, headerLine);
            List<Integer> geneCols = new ArrayList<>();
            Map<String, Integer> annCols = new LinkedHashMap<>();
            for (int c = 1; c < header.length; c++) {
                if (annotationColumns.contains(header[c])) {
                    annCols.put(header[c], c);
                } else {
                    geneCols.add(c);
                }
            }
            if (geneCols.isEmpty()) {
                throw new JindException(src + " has no gene columns: after the cell id there are only the annotation"
                        + " columns " + String.join(", ", annCols.keySet()) + ".");
            }
            String[] genes = new String[geneCols.size()];
            for (int j = 0; j < genes.length; j++) {
                genes[j] = header[geneCols.get(j)];
            }
            return new Lines(new TextFiles.Records(in, delim, src, 1), in, src, header.length, genes,
                    geneCols.stream().mapToInt(Integer::intValue).toArray(), annCols);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The data lines, read a chunk at a time. */
    private static final class Lines implements CellChunks {
        private final TextFiles.Records records;
        private final BufferedReader in;
        private final String src;
        private final int fields;
        private final String[] genes;
        private final int[] geneCols;
        private final Map<String, Integer> annCols;
        private final java.util.Set<String> ids = new java.util.HashSet<>();

        Lines(TextFiles.Records records, BufferedReader in, String src, int fields, String[] genes, int[] geneCols,
                Map<String, Integer> annCols) {
            this.records = records;
            this.in = in;
            this.src = src;
            this.fields = fields;
            this.genes = genes;
            this.geneCols = geneCols;
            this.annCols = annCols;
        }

        @Override
        public String[] genes() {
            return genes.clone();
        }

        @Override
        public String[] geneAliases() {
            return null;
        }

        @Override
        public long cells() {
            return -1;
        }

        @Override
        public Dataset next(int maxCells) {
            SparseMatrix.Builder b = new SparseMatrix.Builder(genes.length);
            List<String> chunkIds = new ArrayList<>();
            Map<String, List<String>> ann = new LinkedHashMap<>();
            annCols.keySet().forEach(k -> ann.put(k, new ArrayList<>()));
            try {
                String[] f;
                while (chunkIds.size() < maxCells && (f = records.next()) != null) {
                    long lineNo = records.line();
                    if (f.length != fields) {
                        throw new JindException(src + ", line " + lineNo + ": " + f.length + " fields where the header"
                                + " has " + fields + " (truncated or malformed file?).");
                    }
                    if (!ids.add(f[0])) { // unique over the whole file, not only within a chunk
                        throw new JindException(src + ": duplicate cell ids (first: '" + f[0] + "', again on line "
                                + lineNo + "); every cell needs its own id; make them unique (e.g. prefix them with"
                                + " the sample name).");
                    }
                    chunkIds.add(f[0]);
                    for (Map.Entry<String, Integer> e : annCols.entrySet()) {
                        ann.get(e.getKey()).add(f[e.getValue()]);
                    }
                    for (int j = 0; j < genes.length; j++) {
                        b.add(j, parse(f[geneCols[j]], src, lineNo, genes[j]));
                    }
                    b.endRow();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (chunkIds.isEmpty()) {
                if (ids.isEmpty()) {
                    throw new JindException(src + " has a header but no cells.");
                }
                return null;
            }
            Map<String, String[]> obs = new LinkedHashMap<>();
            ann.forEach((k, v) -> obs.put(k, v.toArray(new String[0])));
            return new Dataset(b.build(), chunkIds.toArray(new String[0]), genes, obs, src);
        }

        @Override
        public CellChunks select(String key, String value) {
            if (!annCols.containsKey(key)) {
                close();
                throw new JindException(src + " has no column '" + key + "' (annotation columns: "
                        + (annCols.isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(annCols.keySet())))
                        + "); name the column holding the batches with --batch-key.");
            }
            return CellChunks.filtered(this, key, value);
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                // reading is over; nothing was written
            }
        }
    }

    private static String[] header(Path file, String headerLine, String src) {
        if (headerLine == null || headerLine.isBlank()) {
            throw new JindException(src + " is empty; expected a header line with the cell id column and gene names.");
        }
        String[] header = TextFiles.Records.fields(headerLine, TextFiles.guessDelimiter(file, headerLine), src);
        if (header.length < 2) {
            throw new JindException(src + ": the header has a single column; expected the cell id column followed by"
                    + " gene columns, separated by commas or tabs.");
        }
        return header;
    }

    /** Rows looked at to tell annotation columns (text) from genes (numbers). */
    static final int SAMPLE_ROWS = 1000;
    /** The one gene identifier of a table: its column names. */
    static final String HEADER = "column names";

    /**
     * The metadata: every column after the cell id holding a value that is not a number within the first
     * {@value #SAMPLE_ROWS} rows is an annotation (text); the other columns are genes. Counting the cells and listing
     * the annotation values reads the whole file (without parsing numbers), so large data are better kept as .h5ad.
     */
    static DatasetInfo info(Path file) throws IOException {
        String src = file.getFileName().toString();
        try (BufferedReader in = TextFiles.open(file)) {
            String headerLine = in.readLine();
            String[] header = header(file, headerLine, src);
            char delim = TextFiles.guessDelimiter(file, headerLine);
            boolean[] text = new boolean[header.length];
            List<String[]> sample = new ArrayList<>();
            TextFiles.Records records = new TextFiles.Records(in, delim, src, 1);
            String[] f;
            while (sample.size() < SAMPLE_ROWS && (f = records.next()) != null) {
                sample.add(f);
                for (int c = 1; c < Math.min(f.length, header.length); c++) {
                    text[c] |= !f[c].isBlank() && !isNumber(f[c]);
                }
            }
            List<Integer> annCols = new ArrayList<>();
            List<String> genes = new ArrayList<>();
            for (int c = 1; c < header.length; c++) {
                if (text[c]) {
                    annCols.add(c);
                } else {
                    genes.add(header[c]);
                }
            }
            List<List<String>> values = new ArrayList<>();
            annCols.forEach(c -> values.add(new ArrayList<>()));
            int cells = 0;
            for (String[] row : sample) {
                cells++;
                collect(row, annCols, values);
            }
            if (annCols.isEmpty()) {
                while (records.skip()) {
                    cells++;
                }
            }
            while ((f = records.next()) != null) {
                cells++;
                collect(f, annCols, values);
            }
            if (cells == 0) {
                throw new JindException(src + " has a header but no cells.");
            }
            if (genes.isEmpty()) {
                throw new JindException(src + " has no gene columns: after the cell id every column holds text.");
            }
            Dataset.requireUniqueGenes(genes.toArray(new String[0]), src);
            List<DatasetInfo.Column> obs = new ArrayList<>();
            Map<String, String[]> obsValues = new LinkedHashMap<>();
            for (int a = 0; a < annCols.size(); a++) {
                String[] v = values.get(a).toArray(new String[0]);
                obs.add(DatasetInfo.column(header[annCols.get(a)], v, false));
                obsValues.put(header[annCols.get(a)], v);
            }
            return new DatasetInfo(src, "table (CSV/TSV)", cells, obs, Map.of(HEADER, genes.toArray(new String[0])),
                    obsValues);
        }
    }

    private static void collect(String[] f, List<Integer> cols, List<List<String>> values) {
        for (int a = 0; a < cols.size(); a++) {
            int c = cols.get(a);
            values.get(a).add(c < f.length ? f[c] : null);
        }
    }

    private static boolean isNumber(String s) {
        try {
            Float.parseFloat(s.trim());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static float parse(String s, String src, long lineNo, String gene) {
        try {
            return Float.parseFloat(s.trim());
        } catch (NumberFormatException e) {
            throw new JindException(src + ", line " + lineNo + ", column '" + gene + "': '" + s
                    + "' is not a number. Every column except the first (cell id) must be a gene; name text columns"
                    + " with --label-key or --batch-key.");
        }
    }
}
