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
 * Wide CSV/TSV (RFC 4180 quoting, read by Commons CSV), optionally gzipped: one row per cell, the first column the cell id, one column per gene.
 * Columns named in {@code annotationColumns} (the label and batch keys) are read as annotations; every other
 * column is a gene and must hold numbers.
 */
final class DelimitedReader {
    private DelimitedReader() {
    }

    static Dataset read(Path file, Set<String> annotationColumns) throws IOException {
        String src = file.getFileName().toString();
        String headerLine;
        try (BufferedReader in = TextFiles.open(file)) {
            headerLine = in.readLine();
        }
        if (headerLine == null || headerLine.isBlank()) {
            throw new JindException(src + " is empty; expected a header line with the cell id column and gene names.");
        }
        char delim = TextFiles.guessDelimiter(file, headerLine);
        try (BufferedReader in = TextFiles.open(file)) {
            TextFiles.Records records = new TextFiles.Records(in, delim, src);
            String[] header = records.next();
            if (header.length < 2) {
                throw new JindException(src + ": the header has a single column; expected the cell id column followed by"
                        + " gene columns, separated by commas or tabs.");
            }
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
            int[] geneCol = new int[genes.length];
            for (int j = 0; j < genes.length; j++) {
                geneCol[j] = geneCols.get(j);
                genes[j] = header[geneCol[j]];
            }
            SparseMatrix.Builder b = new SparseMatrix.Builder(genes.length);
            List<String> ids = new ArrayList<>();
            Map<String, List<String>> ann = new LinkedHashMap<>();
            annCols.keySet().forEach(k -> ann.put(k, new ArrayList<>()));
            String[] r;
            while ((r = records.next()) != null) {
                long lineNo = records.line();
                if (r.length != header.length) {
                    throw new JindException(src + ", line " + lineNo + ": " + r.length + " fields where the header has "
                            + header.length + " (truncated or malformed file?).");
                }
                ids.add(r[0]);
                for (Map.Entry<String, Integer> e : annCols.entrySet()) {
                    ann.get(e.getKey()).add(r[e.getValue()]);
                }
                for (int j = 0; j < genes.length; j++) {
                    b.add(j, parse(r[geneCol[j]], src, lineNo, genes[j]));
                }
                b.endRow();
            }
            if (ids.isEmpty()) {
                throw new JindException(src + " has a header but no cells.");
            }
            Map<String, String[]> obs = new LinkedHashMap<>();
            ann.forEach((k, v) -> obs.put(k, v.toArray(new String[0])));
            return new Dataset(b.build(), ids.toArray(new String[0]), genes, obs, src);
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
