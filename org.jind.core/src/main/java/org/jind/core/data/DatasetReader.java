package org.jind.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.util.Errors;

/**
 * Reads expression data in the formats single-cell users have, recognised by content and name:
 * AnnData {@code .h5ad}, a 10x MatrixMarket directory, or a wide CSV/TSV (optionally gzipped).
 */
public final class DatasetReader {
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private DatasetReader() {
    }

    /**
     * @param file         the file or 10x directory
     * @param labelsCsv    for 10x directories: a CSV keyed by barcode with annotation columns, or null
     * @param annotations  the names of annotation (non-gene) columns for CSV/TSV input, e.g. the label and batch keys
     */
    public static Dataset read(Path file, Path labelsCsv, Set<String> annotations) {
        return guarded(file, () -> {
            Format format = format(file);
            if (labelsCsv != null && format != Format.MTX) { // before reading: a large file should not be read only to be refused
                throw new JindException("--labels is for 10x directories; " + file.getFileName()
                        + " carries its own annotation columns.");
            }
            return switch (format) {
                case MTX -> MtxReader.read(file, labelsCsv);
                case H5AD -> H5adReader.read(file);
                case DELIMITED -> DelimitedReader.read(file, annotations);
            };
        });
    }

    /**
     * The file's metadata without its matrix: cells, annotation columns and gene identifiers. For CSV/TSV, the
     * annotation columns are those holding text among the first rows (see {@link DelimitedReader#info}); the
     * others are genes. The same bad-file checks and messages as {@link #read}.
     */
    public static DatasetInfo info(Path file) {
        return guarded(file, () -> switch (format(file)) {
            case MTX -> MtxReader.info(file);
            case H5AD -> H5adReader.info(file);
            case DELIMITED -> DelimitedReader.info(file);
        });
    }

    private enum Format { H5AD, MTX, DELIMITED }

    /** Recognises the format by content and name, or says clearly why the file cannot be read. */
    private static Format format(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new JindException("Input not found: " + file + ".");
        }
        if (Files.isDirectory(file)) {
            if (!MtxReader.isMtxDirectory(file)) {
                throw new JindException(file + " is a directory without matrix.mtx[.gz]; a 10x directory needs"
                        + " matrix.mtx, features.tsv (or genes.tsv) and barcodes.tsv.");
            }
            return Format.MTX;
        }
        if (!Files.isReadable(file)) {
            throw new JindException("Cannot read " + file + " (permission denied).");
        }
        if (startsWithHdf5Magic(file)) {
            return Format.H5AD;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5ad") || name.endsWith(".h5")) {
            throw new JindException(file + " is not an HDF5 file (damaged or truncated?).");
        }
        if (!looksLikeDelimitedText(name)) {
            throw new JindException("Unknown input format: " + file.getFileName() + ". Use an AnnData .h5ad file,"
                    + " a 10x directory (matrix.mtx, features.tsv, barcodes.tsv) or a .csv/.tsv file (optionally .gz).");
        }
        return Format.DELIMITED;
    }

    private interface Reading<T> {
        T run() throws IOException;
    }

    /** I/O failures as one sentence naming the file. */
    private static <T> T guarded(Path file, Reading<T> reading) {
        try {
            return reading.run();
        } catch (IOException e) {
            throw new JindException("Cannot read " + file + ": " + Errors.describe(e) + ".", e);
        } catch (java.io.UncheckedIOException e) {
            throw new JindException("Cannot read " + file + ": " + Errors.describe(e.getCause()) + ".", e);
        }
    }

    /** Reads and, when {@code batchKey} and {@code batch} are given, keeps one batch. */
    public static Dataset read(Path file, Path labelsCsv, String labelKey, String batchKey, String batch) {
        Set<String> ann = new LinkedHashSet<>();
        if (labelKey != null) {
            ann.add(labelKey);
        }
        if (batchKey != null) {
            ann.add(batchKey);
        }
        Dataset d = read(file, labelsCsv, ann);
        if (batch != null) {
            if (batchKey == null) {
                throw new JindException("A batch was named but not the column holding batches; add --batch-key.");
            }
            d = d.selectBatch(batchKey, batch);
        }
        if (d.cells() == 0) {
            throw new JindException(file.getFileName() + ": the selection holds no cells.");
        }
        return d;
    }

    private static boolean looksLikeDelimitedText(String name) {
        String n = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return n.endsWith(".csv") || n.endsWith(".tsv") || n.endsWith(".txt");
    }

    private static boolean startsWithHdf5Magic(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(HDF5_MAGIC.length);
            return java.util.Arrays.equals(head, HDF5_MAGIC);
        }
    }
}
