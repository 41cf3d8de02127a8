package org.jind.core.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jind.core.JindException;

/**
 * A 10x Genomics MatrixMarket set: {@code matrix.mtx[.gz]} (genes × cells), {@code features.tsv[.gz]} (Cell Ranger 3:
 * id, symbol, feature type) or {@code genes.tsv[.gz]} (Cell Ranger 2: id, symbol) and {@code barcodes.tsv[.gz]}, in
 * a folder — unprefixed as Cell Ranger writes them, or with a common prefix as GEO serves them
 * ({@code GSM…_matrix.mtx.gz}, {@code GSM…_barcodes.tsv.gz}, …). The input is the folder (holding one set) or the
 * set's matrix file. Which features are genes and how they are named: {@link TenxFeatures}, as for the 10x
 * {@code .h5}. The matrix follows the MatrixMarket exchange format (NIST): {@code coordinate} or {@code array},
 * {@code real}, {@code integer} or {@code pattern}, {@code general} only, its size line agreeing with the entries.
 * Cell annotations come from an optional CSV keyed by barcode.
 */
final class MtxReader {
    private static final String MATRIX = "matrix.mtx";

    private MtxReader() {
    }

    /** Whether {@code name} names a set's matrix file: {@code [prefix]matrix.mtx[.gz]}. */
    static boolean isMatrixFile(String name) {
        return prefix(name) != null;
    }

    /** The prefix of a matrix file's name ({@code ""} for {@code matrix.mtx}), or null when it is none. */
    private static String prefix(String name) {
        String n = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return n.endsWith(MATRIX) ? n.substring(0, n.length() - MATRIX.length()) : null;
    }

    /**
     * The three files of one set.
     *
     * @param source how messages name the set: the folder and the prefix, e.g. {@code filtered/} or {@code geo/GSM1_}
     */
    record MtxSet(Path matrix, Path features, Path barcodes, String source) {
        /** How messages name one of the set's files, e.g. {@code filtered/matrix.mtx.gz}. */
        String name(Path file) {
            return source.substring(0, source.lastIndexOf('/') + 1) + file.getFileName();
        }
    }

    /** Whether {@code dir} is a folder holding at least one matrix file (a set, complete or not). */
    static boolean isMtxDirectory(Path dir) throws IOException {
        return Files.isDirectory(dir) && !matrixFiles(dir).isEmpty();
    }

    /**
     * The set {@code path} stands for: a folder holding exactly one set, or a set's matrix file. Refuses with one
     * sentence a folder holding several sets (naming them and how to choose), a set with a file twice (plain and
     * gzipped, or both features.tsv and genes.tsv) and a set missing a file.
     */
    static MtxSet locate(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            Path dir = path.toAbsolutePath().getParent();
            return complete(dir, path.getParent() == null ? "" : path.getParent().toString(),
                    prefix(path.getFileName().toString()));
        }
        List<String> matrices = matrixFiles(path);
        java.util.Set<String> prefixes = new java.util.TreeSet<>();
        matrices.forEach(m -> prefixes.add(prefix(m)));
        if (prefixes.size() > 1) {
            String first = matrices.get(0);
            throw new JindException(path + " holds " + prefixes.size() + " MatrixMarket sets (" + String.join(", ",
                    matrices) + "); give the path of the matrix file of the one to read, e.g. "
                    + path.resolve(first) + ".");
        }
        return complete(path, path.toString(), prefixes.iterator().next());
    }

    /** The names of the folder's matrix files, sorted. */
    private static List<String> matrixFiles(Path dir) throws IOException {
        try (java.util.stream.Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(MtxReader::isMatrixFile).sorted().toList();
        }
    }

    /** The set with {@code prefix} in {@code dir} (typed by the user as {@code shown}). */
    private static MtxSet complete(Path dir, String shown, String prefix) {
        String folder = dir.getFileName() == null ? "" : dir.getFileName() + "/";
        String src = folder + prefix;
        Path matrix = one(dir, shown, prefix + MATRIX);
        Path features = one(dir, shown, prefix + "features.tsv");
        Path genes = one(dir, shown, prefix + "genes.tsv");
        Path barcodes = one(dir, shown, prefix + "barcodes.tsv");
        if (features != null && genes != null) {
            throw new JindException(src + " has both " + features.getFileName() + " (Cell Ranger 3) and "
                    + genes.getFileName() + " (Cell Ranger 2); keep the one that belongs to "
                    + matrix.getFileName() + ".");
        }
        if (features == null && genes == null || barcodes == null) {
            String missing = barcodes == null ? prefix + "barcodes.tsv" : prefix + "features.tsv (or " + prefix
                    + "genes.tsv)";
            throw new JindException(src + " has no " + missing + " (plain or .gz); a 10x MatrixMarket set needs "
                    + prefix + "matrix.mtx, " + prefix + "features.tsv (or " + prefix + "genes.tsv) and " + prefix
                    + "barcodes.tsv.");
        }
        return new MtxSet(matrix, features != null ? features : genes, barcodes, src);
    }

    /** {@code base} or {@code base.gz} in {@code dir}, or null; both at once is refused (which one is meant?). */
    private static Path one(Path dir, String shown, String base) {
        Path plain = dir.resolve(base);
        Path gz = dir.resolve(base + ".gz");
        boolean p = Files.isRegularFile(plain);
        boolean g = Files.isRegularFile(gz);
        if (p && g) {
            String in = shown.isEmpty() ? "" : " in " + shown;
            throw new JindException("Both " + base + " and " + base + ".gz are" + in + "; remove the one that is"
                    + " not meant (or move it to another folder).");
        }
        return p ? plain : g ? gz : null;
    }

    static Dataset read(Path path, Path labelsCsv) throws IOException {
        MtxSet set = locate(path);
        String src = set.source();
        TenxFeatures features = features(set);
        String[] cells = readColumn(set.barcodes(), 0);
        SparseMatrix x;
        try (BufferedReader in = TextFiles.open(set.matrix())) {
            Header h = header(in, features.features(), cells.length, set.name(set.matrix()));
            x = h.array() ? readArray(in, h, features, set.name(set.matrix()))
                    : readCoordinate(in, h, features, cells, set.name(set.matrix()));
        }
        return new Dataset(x, cells, features.genes(), features.aliases(),
                labelsCsv == null ? Map.of() : readLabels(labelsCsv, cells), src);
    }

    /**
     * The metadata without the matrix's entries: barcodes, the genes' identifiers ({@link TenxFeatures}) and the
     * header checked against them. No annotations: those come from a labels CSV in the command line, a join in KNIME.
     */
    static DatasetInfo info(Path path) throws IOException {
        MtxSet set = locate(path);
        TenxFeatures features = features(set);
        String[] barcodes = readColumn(set.barcodes(), 0);
        try (BufferedReader in = TextFiles.open(set.matrix())) {
            header(in, features.features(), barcodes.length, set.name(set.matrix()));
        }
        Dataset.requireUniqueCellIds(barcodes, set.source());
        return new DatasetInfo(set.source(), "10x MatrixMarket directory", barcodes.length, List.of(),
                features.identifiers());
    }

    /** features.tsv (id, symbol, feature type) or genes.tsv (id, symbol); one column: ids only. */
    private static TenxFeatures features(MtxSet set) throws IOException {
        List<String[]> rows = new ArrayList<>();
        int columns = Integer.MAX_VALUE;
        try (BufferedReader in = TextFiles.open(set.features())) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    String[] f = line.split("\t", -1);
                    rows.add(f);
                    columns = Math.min(columns, f.length);
                }
            }
        }
        String[] ids = column(rows, 0);
        String[] names = columns >= 2 ? column(rows, 1) : null;
        String[] types = columns >= 3 ? column(rows, 2) : null;
        return TenxFeatures.of(ids, names, types, set.name(set.features()));
    }

    private static String[] column(List<String[]> rows, int c) {
        return rows.stream().map(r -> r[c]).toArray(String[]::new);
    }

    /** The MatrixMarket header: banner, comments, size line. */
    private record Header(boolean array, boolean pattern, int genes, int cells, long entries) {
    }

    /**
     * Reads the banner ({@code %%MatrixMarket matrix format field symmetry}; its words are case-insensitive), the
     * comments and the size line, and checks them against the set's gene and barcode counts. Accepted: what count
     * matrices are — {@code coordinate} {@code real|integer|pattern} {@code general} (10x, GEO, R's writeMM, scipy's
     * mmwrite of a sparse matrix) and {@code array} {@code real|integer} {@code general} (scipy's mmwrite of a dense
     * one). Symmetric, skew-symmetric and hermitian matrices list only one triangle, and complex values are no
     * counts: refused, as is anything else the specification does not define.
     */
    private static Header header(BufferedReader in, int genes, int cells, String file) throws IOException {
        String banner = in.readLine();
        String[] w = banner == null ? new String[0] : banner.trim().split("\\s+");
        if (w.length == 0 || !w[0].equals("%%MatrixMarket")) {
            throw new JindException(file + " is not a MatrixMarket file (first line: '"
                    + (banner == null ? "" : banner) + "'; expected '%%MatrixMarket matrix coordinate integer"
                    + " general').");
        }
        if (w.length != 5) {
            throw new JindException(file + " has the banner '" + banner.trim() + "'; a MatrixMarket banner has four"
                    + " words after %%MatrixMarket: object, format, field and symmetry (e.g. 'matrix coordinate"
                    + " integer general').");
        }
        String object = w[1].toLowerCase(Locale.ROOT);
        String format = w[2].toLowerCase(Locale.ROOT);
        String field = w[3].toLowerCase(Locale.ROOT);
        String symmetry = w[4].toLowerCase(Locale.ROOT);
        if (!object.equals("matrix")) {
            throw new JindException(file + " holds a MatrixMarket '" + w[1] + "', not a matrix.");
        }
        if (!format.equals("coordinate") && !format.equals("array")) {
            throw new JindException(file + " has the MatrixMarket format '" + w[2] + "'; expected 'coordinate'"
                    + " (sparse) or 'array' (dense).");
        }
        boolean array = format.equals("array");
        if (field.equals("complex")) {
            throw new JindException(file + " holds complex numbers; expression values are real numbers or counts"
                    + " ('real', 'integer' or 'pattern').");
        }
        if (!field.equals("real") && !field.equals("integer") && !(field.equals("pattern") && !array)) {
            throw new JindException(file + " has the MatrixMarket field '" + w[3] + "'" + (array ? " with 'array'"
                    : "") + "; expected 'real' or 'integer'" + (array ? "" : " (or 'pattern')") + ".");
        }
        if (!symmetry.equals("general")) {
            boolean known = symmetry.equals("symmetric") || symmetry.equals("skew-symmetric")
                    || symmetry.equals("hermitian");
            throw new JindException(file + " declares its matrix '" + w[4] + "'" + (known ? ", so it lists only one"
                    + " triangle of a square matrix; a genes × cells matrix lists every entry: write it as 'general'"
                    : "; expected 'general'") + ".");
        }
        String line;
        do {
            line = in.readLine();
        } while (line != null && (line.startsWith("%") || line.isBlank()));
        if (line == null) {
            throw new JindException(file + " has no size line (truncated file?).");
        }
        long[] size = sizeLine(line, array ? 2 : 3, file);
        if (size[0] != genes || size[1] != cells) {
            throw new JindException(file + " is " + size[0] + " genes × " + size[1] + " cells but the set lists "
                    + genes + " features and " + cells + " barcodes.");
        }
        long entries = array ? size[0] * size[1] : size[2];
        if (entries > Integer.MAX_VALUE - 8) {
            throw new JindException(file + " declares " + entries + " entries, more than can be read into memory"
                    + " at once.");
        }
        return new Header(array, field.equals("pattern"), (int) size[0], (int) size[1], entries);
    }

    /** The size line: "genes cells entries" (coordinate) or "genes cells" (array), whole numbers, none negative. */
    private static long[] sizeLine(String line, int count, String file) {
        String[] f = line.trim().split("\\s+");
        long[] size = new long[count];
        boolean ok = f.length == count;
        for (int i = 0; ok && i < count; i++) {
            try {
                size[i] = Long.parseLong(f[i]);
            } catch (NumberFormatException e) {
                ok = false;
            }
            ok = ok && size[i] >= 0 && size[i] <= Integer.MAX_VALUE - 8;
        }
        if (!ok) {
            throw new JindException(file + " has a malformed size line '" + line.trim() + "'; expected " + count
                    + " whole numbers: genes, cells" + (count == 3 ? " and entries." : "."));
        }
        return size;
    }

    /** The next data line, skipping blank ones; null at the end of the file. */
    private static String nextLine(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
        } while (line != null && line.isBlank());
        return line;
    }

    /** After the declared entries only blank lines may follow: more entries than the size line says are refused. */
    private static void requireEnd(BufferedReader in, long entries, String file) throws IOException {
        String more = nextLine(in);
        if (more != null) {
            throw new JindException(file + " has more entries than the " + entries + " its size line declares"
                    + " (the first extra one: '" + more.trim() + "'); the size line must count every entry.");
        }
    }

    /** Coordinate entries "gene cell [value]" (1-based), in any order; features not kept as genes are skipped. */
    private static SparseMatrix readCoordinate(BufferedReader in, Header h, TenxFeatures features, String[] cells,
            String file)
            throws IOException {
        int[] geneOf = geneColumns(features);
        int nnz = (int) h.entries();
        int[] row = new int[nnz];
        int[] col = new int[nnz];
        float[] val = new float[nnz];
        int kept = 0;
        for (int k = 0; k < nnz; k++) {
            String line = nextLine(in);
            if (line == null) {
                throw new JindException(file + " ends after " + k + " of " + nnz + " entries (truncated file).");
            }
            String[] f = line.trim().split("\\s+");
            int gene;
            int cell;
            float v;
            try {
                gene = Integer.parseInt(f[0]) - 1;
                cell = Integer.parseInt(f[1]) - 1;
                v = h.pattern() ? 1f : Float.parseFloat(f[2]);
            } catch (RuntimeException e) {
                throw new JindException(file + ", entry " + (k + 1) + ": cannot read '" + line + "'.");
            }
            if (f.length != (h.pattern() ? 2 : 3)) {
                throw new JindException(file + ", entry " + (k + 1) + ": '" + line.trim() + "' has " + f.length
                        + " fields; expected " + (h.pattern() ? "2 (gene, cell)" : "3 (gene, cell, value)") + ".");
            }
            if (gene < 0 || gene >= h.genes() || cell < 0 || cell >= h.cells()) {
                throw new JindException(file + ", entry " + (k + 1) + " ('" + line.trim() + "') is outside the"
                        + " declared size of " + h.genes() + " × " + h.cells() + ".");
            }
            if (geneOf[gene] >= 0) {
                row[kept] = cell;
                col[kept] = geneOf[gene];
                val[kept++] = v;
            }
        }
        requireEnd(in, nnz, file);
        return toCsr(row, col, val, kept, cells, features.genes(), file);
    }

    /** Array entries: one value a line, column-major, so cell by cell with its genes in order. */
    private static SparseMatrix readArray(BufferedReader in, Header h, TenxFeatures features, String file)
            throws IOException {
        int[] geneOf = geneColumns(features);
        SparseMatrix.Builder b = new SparseMatrix.Builder(features.genes().length);
        long k = 0;
        for (int cell = 0; cell < h.cells(); cell++) {
            for (int gene = 0; gene < h.genes(); gene++, k++) {
                String line = nextLine(in);
                if (line == null) {
                    throw new JindException(file + " ends after " + k + " of " + h.entries() + " entries (truncated"
                            + " file).");
                }
                float v;
                try {
                    v = Float.parseFloat(line.trim());
                } catch (NumberFormatException e) {
                    throw new JindException(file + ", entry " + (k + 1) + ": cannot read '" + line + "'; an 'array'"
                            + " file has one value a line.");
                }
                if (geneOf[gene] >= 0) {
                    b.add(geneOf[gene], v);
                }
            }
            b.endRow();
        }
        requireEnd(in, h.entries(), file);
        return b.build();
    }

    /** For each feature of the file its gene column, or -1 when it is not a gene. */
    private static int[] geneColumns(TenxFeatures features) {
        int[] of = new int[features.features()];
        int[] keep = features.keep();
        if (keep == null) {
            for (int j = 0; j < of.length; j++) {
                of[j] = j;
            }
        } else {
            Arrays.fill(of, -1);
            for (int g = 0; g < keep.length; g++) {
                of[keep[g]] = g;
            }
        }
        return of;
    }

    /** The first {@code n} triplets to CSR: a counting sort by cell, then by gene within each cell. */
    private static SparseMatrix toCsr(int[] row, int[] col, float[] val, int n, String[] cells, String[] genes,
            String file) {
        int rows = cells.length;
        int[] start = new int[rows + 1];
        for (int k = 0; k < n; k++) {
            start[row[k] + 1]++;
        }
        for (int r = 0; r < rows; r++) {
            start[r + 1] += start[r];
        }
        int[] next = Arrays.copyOf(start, rows);
        long[] packed = new long[n]; // gene in the high bits, entry index in the low bits
        for (int k = 0; k < n; k++) {
            packed[next[row[k]]++] = ((long) col[k] << 32) | k;
        }
        SparseMatrix.Builder b = new SparseMatrix.Builder(genes.length, n);
        for (int r = 0; r < rows; r++) {
            Arrays.sort(packed, start[r], start[r + 1]);
            for (int p = start[r]; p < start[r + 1]; p++) {
                int c = (int) (packed[p] >>> 32);
                if (p > start[r] && (int) (packed[p - 1] >>> 32) == c) {
                    throw new JindException(file + " lists the gene '" + genes[c] + "' of the cell '" + cells[r]
                            + "' twice; each entry must appear once.");
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

    /** One column of a tab-separated file (barcodes.tsv: the barcode), blank lines skipped. */
    private static String[] readColumn(Path file, int c) throws IOException {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = TextFiles.open(file)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.isEmpty()) {
                    out.add(line.split("\\t", -1)[c]);
                }
            }
        }
        return out.toArray(new String[0]);
    }
}
