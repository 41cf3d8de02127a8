package org.jind.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;

/**
 * A 10x Genomics MatrixMarket directory: {@code matrix.mtx[.gz]} (genes × cells), {@code features.tsv[.gz]} or
 * {@code genes.tsv[.gz]} (gene id, symbol, …) and {@code barcodes.tsv[.gz]}. Genes are named by their symbol
 * (second column) when there is one; symbols are not unique in 10x references (several gene ids share one), so
 * repeats are suffixed {@code -1}, {@code -2}, … as scanpy's {@code read_10x_mtx} does. Cell annotations come from an
 * optional CSV keyed by barcode.
 */
final class MtxReader {
    private MtxReader() {
    }

    static boolean isMtxDirectory(Path dir) {
        return Files.isDirectory(dir) && find(dir, "matrix.mtx") != null;
    }

    /** The identifiers: the symbol (second column of features.tsv; the reader's gene names) and the gene id. */
    static final String SYMBOLS = "gene_symbols";
    static final String IDS = "gene_ids";

    static Dataset read(Path dir, Path labelsCsv) throws IOException {
        String src = dir.getFileName() + "/";
        Path matrix = require(dir, "matrix.mtx", src);
        String[] genes = makeUnique(readColumn(features(dir, src), true));
        String[] cells = readColumn(require(dir, "barcodes.tsv", src), false);

        int nGenes;
        int nCells;
        try (BufferedReader in = TextFiles.open(matrix)) {
            Header h = header(in, genes.length, cells.length, src);
            nGenes = h.genes();
            nCells = h.cells();
            long nnz = h.entries();
            boolean pattern = h.pattern();
            String line;
            // read as cells × genes triplets, then sort row-wise
            int[] row = new int[(int) nnz];
            int[] col = new int[(int) nnz];
            float[] val = new float[(int) nnz];
            for (int k = 0; k < nnz; k++) {
                line = in.readLine();
                if (line == null) {
                    throw new JindException(src + "matrix.mtx ends after " + k + " of " + nnz + " entries (truncated file).");
                }
                String[] f = line.trim().split("\\s+");
                try {
                    col[k] = Integer.parseInt(f[0]) - 1;
                    row[k] = Integer.parseInt(f[1]) - 1;
                    val[k] = pattern ? 1f : Float.parseFloat(f[2]);
                } catch (RuntimeException e) {
                    throw new JindException(src + "matrix.mtx, entry " + (k + 1) + ": cannot read '" + line + "'.");
                }
                if (col[k] < 0 || col[k] >= nGenes || row[k] < 0 || row[k] >= nCells) {
                    throw new JindException(src + "matrix.mtx, entry " + (k + 1) + " is outside the declared size.");
                }
            }
            return new Dataset(toCsr(nCells, nGenes, row, col, val, src), cells, genes,
                    labelsCsv == null ? Map.of() : readLabels(labelsCsv, cells), src);
        }
    }

    /**
     * The metadata without the matrix's entries: barcodes, genes named by symbol and by id ({@code gene_symbols}
     * first, as the reader names them; only {@code gene_ids} when features.tsv has one column), and the size line
     * checked against them. No annotations: those come from a labels CSV in the command line, a join in KNIME.
     */
    static DatasetInfo info(Path dir) throws IOException {
        String src = dir.getFileName() + "/";
        Path matrix = require(dir, "matrix.mtx", src);
        Path features = features(dir, src);
        String[] ids = readColumn(features, false);
        String[] symbols = makeUnique(readColumn(features, true));
        String[] barcodes = readColumn(require(dir, "barcodes.tsv", src), false);
        int cells = barcodes.length;
        try (BufferedReader in = TextFiles.open(matrix)) {
            header(in, ids.length, cells, src);
        }
        Dataset.requireUniqueCellIds(barcodes, src);
        Map<String, String[]> identifiers = new LinkedHashMap<>();
        if (!Arrays.equals(ids, symbols)) {
            identifiers.put(SYMBOLS, symbols);
        }
        identifiers.put(IDS, makeUnique(ids));
        return new DatasetInfo(src, "10x MatrixMarket directory", cells, List.of(), identifiers);
    }

    private static Path features(Path dir, String src) {
        Path features = find(dir, "features.tsv");
        return features != null ? features : require(dir, "genes.tsv", src);
    }

    /** The MatrixMarket header: banner, comments, size line. */
    private record Header(int genes, int cells, long entries, boolean pattern) {
    }

    /** Reads the header and checks it against the directory's gene and barcode counts. */
    private static Header header(BufferedReader in, int genes, int cells, String src) throws IOException {
        String banner = in.readLine();
        if (banner == null || !banner.startsWith("%%MatrixMarket matrix coordinate")) {
            throw new JindException(src + "matrix.mtx is not a MatrixMarket coordinate file (first line: '"
                    + (banner == null ? "" : banner) + "').");
        }
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.startsWith("%"));
        if (line == null) {
            throw new JindException(src + "matrix.mtx has no size line (truncated file?).");
        }
        long[] size = sizeLine(line, src);
        if (size[0] != genes || size[1] != cells) {
            throw new JindException(src + "matrix.mtx is " + size[0] + " genes × " + size[1] + " cells but the"
                    + " directory lists " + genes + " genes and " + cells + " barcodes.");
        }
        return new Header((int) size[0], (int) size[1], size[2], banner.contains("pattern"));
    }

    /** The "genes cells entries" line, checked: three whole numbers, none negative, the entries fitting an array. */
    private static long[] sizeLine(String line, String src) {
        String[] f = line.trim().split("\\s+");
        long[] size = new long[3];
        boolean ok = f.length == 3;
        for (int i = 0; ok && i < 3; i++) {
            try {
                size[i] = Long.parseLong(f[i]);
            } catch (NumberFormatException e) {
                ok = false;
            }
            ok = ok && size[i] >= 0 && size[i] <= Integer.MAX_VALUE - 8;
        }
        if (!ok) {
            throw new JindException(src + "matrix.mtx has a malformed size line '" + line.trim()
                    + "'; expected three whole numbers: genes, cells and entries.");
        }
        return size;
    }

    /** Triplets to CSR: a counting sort by cell, then by gene within each cell. */
    private static SparseMatrix toCsr(int rows, int cols, int[] row, int[] col, float[] val, String src) {
        int[] start = new int[rows + 1];
        for (int r : row) {
            start[r + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] next = Arrays.copyOf(start, rows);
        long[] packed = new long[row.length]; // gene in the high bits, entry index in the low bits
        for (int k = 0; k < row.length; k++) {
            packed[next[row[k]]++] = ((long) col[k] << 32) | k;
        }
        SparseMatrix.Builder b = new SparseMatrix.Builder(cols);
        for (int r = 0; r < rows; r++) {
            Arrays.sort(packed, start[r], start[r + 1]);
            for (int p = start[r]; p < start[r + 1]; p++) {
                int c = (int) (packed[p] >>> 32);
                if (p > start[r] && (int) (packed[p - 1] >>> 32) == c) {
                    throw new JindException(src + "matrix.mtx lists gene " + (c + 1) + " of cell " + (r + 1) + " twice.");
                }
                b.add(c, val[(int) packed[p]]);
            }
            b.endRow();
        }
        return b.build();
    }

    /** Annotations for the barcodes from a CSV whose first column is the barcode. */
    static Map<String, String[]> readLabels(Path csv, String[] cells) throws IOException {
        String src = csv.getFileName().toString();
        Map<String, String[]> rowsByBarcode = new java.util.HashMap<>();
        String[] header;
        try (BufferedReader in = TextFiles.open(csv)) {
            String h = in.readLine();
            if (h == null) {
                throw new JindException(src + " is empty; expected a header like 'barcode,cell_type'.");
            }
            char delim = TextFiles.guessDelimiter(csv, h);
            header = TextFiles.Records.fields(h, delim, src);
            TextFiles.Records records = new TextFiles.Records(in, delim, src, 1);
            String[] f;
            while ((f = records.next()) != null) {
                rowsByBarcode.put(f[0], f);
            }
        }
        Map<String, String[]> obs = new LinkedHashMap<>();
        for (int c = 1; c < header.length; c++) {
            String[] v = new String[cells.length];
            for (int i = 0; i < cells.length; i++) {
                String[] r = rowsByBarcode.get(cells[i]);
                v[i] = r != null && c < r.length && !r[c].isEmpty() ? r[c] : null;
            }
            obs.put(header[c], v);
        }
        long matched = Arrays.stream(cells).filter(rowsByBarcode::containsKey).count();
        if (matched == 0) {
            throw new JindException(src + " names none of the barcodes in barcodes.tsv (first barcode: '"
                    + (cells.length > 0 ? cells[0] : "") + "'); its first column must be the barcode.");
        }
        return obs;
    }

    /**
     * Keeps the first occurrence of a name and renames later ones {@code name-1}, {@code name-2}, … skipping names
     * already taken (anndata's {@code var_names_make_unique}).
     */
    static String[] makeUnique(String[] names) {
        java.util.Set<String> original = new java.util.HashSet<>(Arrays.asList(names));
        if (original.size() == names.length) {
            return names;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        Map<String, Integer> suffix = new java.util.HashMap<>();
        String[] out = names.clone();
        for (int i = 0; i < names.length; i++) {
            if (used.add(names[i])) {
                continue;
            }
            int k = suffix.getOrDefault(names[i], 0);
            String candidate;
            do {
                k++;
                candidate = names[i] + "-" + k;
            } while (original.contains(candidate) || used.contains(candidate));
            suffix.put(names[i], k);
            used.add(candidate);
            out[i] = candidate;
        }
        return out;
    }

    private static String[] readColumn(Path file, boolean preferSecond) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = TextFiles.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.isEmpty()) {
                    continue;
                }
                String[] f = line.split("\t");
                out.add(preferSecond && f.length > 1 ? f[1] : f[0]);
            }
        }
        return out.toArray(new String[0]);
    }

    private static Path require(Path dir, String base, String src) {
        Path p = find(dir, base);
        if (p == null) {
            throw new JindException(src + " has no " + base + " or " + base + ".gz; a 10x directory needs matrix.mtx,"
                    + " features.tsv (or genes.tsv) and barcodes.tsv.");
        }
        return p;
    }

    private static Path find(Path dir, String base) {
        for (String name : new String[] {base, base + ".gz"}) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        return null;
    }
}
