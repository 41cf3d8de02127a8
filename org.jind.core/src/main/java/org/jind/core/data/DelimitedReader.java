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
 * column is a gene and must hold numbers as a CSV user's tools write them ({@link CsvValues}). A last column
 * without a name and without values is a trailing delimiter and ignored.
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
            int columns = namedColumns(header, src);
            char delim = TextFiles.guessDelimiter(file, headerLine);
            List<Integer> geneCols = new ArrayList<>();
            Map<String, Integer> annCols = new LinkedHashMap<>();
            for (int c = 1; c < columns; c++) {
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
            // now, not per chunk: a repeated gene would otherwise be matched to a model as missing
            Dataset.requireUniqueGenes(genes, src);
            return new Lines(new TextFiles.Records(in, delim, src, 1), in, src, header.length, columns, genes,
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
        private final int named;
        private final String[] genes;
        private final int[] geneCols;
        private final Map<String, Integer> annCols;
        private final java.util.Set<String> ids = new java.util.HashSet<>();

        Lines(TextFiles.Records records, BufferedReader in, String src, int fields, int named, String[] genes,
                int[] geneCols, Map<String, Integer> annCols) {
            this.records = records;
            this.in = in;
            this.src = src;
            this.fields = fields;
            this.named = named;
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
                    checkFields(f, fields, named, src, lineNo);
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

    /**
     * The columns with a name: all, or all but the last when it has none (a trailing delimiter, as some spreadsheets
     * write); any other column without a name is refused. The first column (the cell id) may be unnamed, as pandas
     * writes its index.
     */
    private static int namedColumns(String[] header, String src) {
        int columns = header[header.length - 1].isBlank() ? header.length - 1 : header.length;
        for (int c = 1; c < columns; c++) {
            if (header[c].isBlank()) {
                throw new JindException(src + ": column " + (c + 1) + " of the header has no name; every column after"
                        + " the cell id needs one (a gene name, or the name of an annotation column).");
            }
        }
        if (columns < 2) {
            throw new JindException(src + ": the header has a single named column; expected the cell id column"
                    + " followed by gene columns, separated by commas or tabs.");
        }
        return columns;
    }

    /**
     * A record has a field per header column; when the last column is unnamed (a trailing delimiter) it may be
     * left out, and must be empty.
     */
    private static void checkFields(String[] f, int fields, int named, String src, long lineNo) {
        if (f.length == fields || named < fields && f.length == named) {
            if (named < fields && f.length == fields && !f[named].isBlank()) {
                throw new JindException(src + ", line " + lineNo + ": the last column has the value '" + f[named]
                        + "' but no name in the header; name it in the header, or remove the value.");
            }
            return;
        }
        throw new JindException(src + ", line " + lineNo + ": " + f.length + " fields where the header has "
                + named + " (truncated or malformed file?).");
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

    /** The one gene identifier of a table: its column names. */
    static final String HEADER = "column names";

    /**
     * The metadata, for a reader that is not told which columns are annotations (the KNIME Single-Cell Reader):
     * every column after the cell id that holds text is an annotation, every column that holds numbers a gene
     * (missing values, such as an empty field or {@code NA}, count as neither). The whole file is looked at, so a
     * gene with text on its ten-thousandth line is not taken for an annotation, nor an annotation for a gene; a
     * column with both numbers and text is refused, naming a line of each, since neither reading would be right.
     */
    static DatasetInfo info(Path file) throws IOException {
        String src = file.getFileName().toString();
        try (BufferedReader in = TextFiles.open(file)) {
            String headerLine = in.readLine();
            String[] header = header(file, headerLine, src);
            int columns = namedColumns(header, src);
            char delim = TextFiles.guessDelimiter(file, headerLine);
            TextFiles.Records records = new TextFiles.Records(in, delim, src, 1);
            long[] numberLine = new long[columns];
            String[] number = new String[columns];
            long[] textLine = new long[columns];
            String[] text = new String[columns];
            // every value of a column while it can still be an annotation (no number seen): its values if it is one
            List<List<String>> values = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                values.add(c == 0 ? null : new ArrayList<>());
            }
            int cells = 0;
            String[] f;
            while ((f = records.next()) != null) {
                cells++;
                long line = records.line();
                checkFields(f, header.length, columns, src, line);
                for (int c = 1; c < columns; c++) {
                    String v = c < f.length ? f[c] : null;
                    CsvValues.Kind kind = v == null ? CsvValues.Kind.MISSING : CsvValues.kind(v);
                    if (kind == CsvValues.Kind.NUMBER || kind == CsvValues.Kind.INFINITE) {
                        if (numberLine[c] == 0) {
                            numberLine[c] = line;
                            number[c] = v;
                        }
                        values.set(c, null);
                    } else {
                        if (kind == CsvValues.Kind.TEXT && textLine[c] == 0) {
                            textLine[c] = line;
                            text[c] = v;
                        }
                        if (values.get(c) != null) {
                            values.get(c).add(v);
                        }
                    }
                    if (numberLine[c] > 0 && textLine[c] > 0) {
                        throw new JindException(src + ": the column '" + header[c] + "' holds both numbers (line "
                                + numberLine[c] + ": '" + number[c] + "') and text (line " + textLine[c] + ": '"
                                + text[c] + "'); a gene column holds only numbers and an annotation column only"
                                + " text: correct the value in the file.");
                    }
                }
            }
            if (cells == 0) {
                throw new JindException(src + " has a header but no cells.");
            }
            List<Integer> annCols = new ArrayList<>();
            List<String> genes = new ArrayList<>();
            for (int c = 1; c < columns; c++) {
                if (textLine[c] > 0) {
                    annCols.add(c);
                } else {
                    genes.add(header[c]);
                }
            }
            if (genes.isEmpty()) {
                throw new JindException(src + " has no gene columns: after the cell id every column holds text.");
            }
            Dataset.requireUniqueGenes(genes.toArray(new String[0]), src);
            List<DatasetInfo.Column> obs = new ArrayList<>();
            Map<String, String[]> obsValues = new LinkedHashMap<>();
            for (int c : annCols) {
                String[] v = values.get(c).toArray(new String[0]);
                obs.add(DatasetInfo.column(header[c], v, false));
                obsValues.put(header[c], v);
            }
            return new DatasetInfo(src, "table (CSV/TSV)", cells, obs, Map.of(HEADER, genes.toArray(new String[0])),
                    obsValues);
        }
    }

    private static float parse(String s, String src, long lineNo, String gene) {
        String t = s.strip();
        if (CsvValues.isDecimal(t)) {
            return Float.parseFloat(t);
        }
        String at = src + ", line " + lineNo + ", column '" + gene + "'";
        switch (CsvValues.kind(t)) {
            case MISSING -> throw new JindException(at + ": the value is missing ('" + s + "'); expression values"
                    + " must be numbers: fill in the missing values (e.g. with 0) or leave out those cells.");
            case INFINITE -> throw new JindException(at + ": '" + s + "' is infinite; expression values must be finite"
                    + " numbers.");
            default -> throw new NotANumberException(at + ": '" + s + "' is not a number");
        }
    }
}
