package org.jind.core.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.util.Errors;

/**
 * Reads expression data in the formats single-cell users have, recognised by content and name:
 * AnnData {@code .h5ad} (X, raw or a layer: {@link MatrixChoice}), a 10x Cell Ranger HDF5 file, a 10x MatrixMarket directory, or a wide CSV/TSV
 * (optionally gzipped).
 */
public final class DatasetReader {
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private DatasetReader() {
    }

    /**
     * @param file         the file or 10x directory
     * @param labelsCsv    for 10x inputs: a CSV keyed by barcode with annotation columns, or null
     * @param annotations  the names of annotation (non-gene) columns for CSV/TSV input, e.g. the label and batch keys
     */
    public static Dataset read(Path file, Path labelsCsv, Set<String> annotations) {
        return read(file, labelsCsv, annotations, null);
    }

    /**
     * {@link #read(Path, Path, Set)} of the AnnData matrix {@code matrix} (null: X); see
     * {@link #open(Path, Path, Set, MatrixChoice)}.
     */
    public static Dataset read(Path file, Path labelsCsv, Set<String> annotations, MatrixChoice matrix) {
        return guarded(file, () -> switch (format(file, labelsCsv, matrix)) {
            case MTX -> MtxReader.read(file, labelsCsv);
            case H5AD -> H5adReader.read(file, matrix);
            case TENX_H5 -> TenxH5Reader.read(file, labelsCsv);
            case DELIMITED -> DelimitedReader.read(file, annotations);
        });
    }

    /**
     * Opens the input to be read in chunks of cells (see {@link CellChunks}); the same checks and messages as
     * {@link #read(Path, Path, Set)}. 10x directories are read whole.
     */
    public static CellChunks open(Path file, Path labelsCsv, Set<String> annotations) {
        return open(file, labelsCsv, annotations, null);
    }

    /**
     * {@link #open(Path, Path, Set)} of the AnnData matrix {@code matrix}: X, raw (with raw/var's genes) or a layer;
     * null: X. A file without it gets a sentence naming the matrices it has ({@link NoSuchMatrixException}); the
     * other formats hold one matrix, and refuse raw or a layer.
     */
    public static CellChunks open(Path file, Path labelsCsv, Set<String> annotations, MatrixChoice matrix) {
        return guarded(file, () -> switch (format(file, labelsCsv, matrix)) {
            case MTX -> CellChunks.of(MtxReader.read(file, labelsCsv));
            case H5AD -> H5adReader.open(file, matrix);
            case TENX_H5 -> TenxH5Reader.open(file, labelsCsv);
            case DELIMITED -> DelimitedReader.open(file, annotations);
        });
    }

    /** {@link #open(Path, Path, Set)} keeping one batch when {@code batchKey} and {@code batch} are given. */
    public static CellChunks open(Path file, Path labelsCsv, String labelKey, String batchKey, String batch) {
        return open(file, labelsCsv, labelKey, batchKey, batch, null);
    }

    /** {@link #open(Path, Path, String, String, String)} of the AnnData matrix {@code matrix} (null: X). */
    public static CellChunks open(Path file, Path labelsCsv, String labelKey, String batchKey, String batch,
            MatrixChoice matrix) {
        CellChunks c = open(file, labelsCsv, annotationNames(labelKey, batchKey), matrix);
        if (batch == null) {
            return c;
        }
        if (batchKey == null) {
            c.close();
            throw new JindException("A batch was named but not the column holding batches; add --batch-key.");
        }
        try {
            return c.select(batchKey, batch);
        } catch (RuntimeException e) {
            c.close();
            throw e;
        }
    }

    /**
     * The file's metadata without its matrix: cells, annotation columns and gene identifiers. For CSV/TSV, the
     * annotation columns are those holding text among the first rows (see {@link DelimitedReader#info}); the
     * others are genes. The same bad-file checks and messages as {@link #read}.
     */
    public static DatasetInfo info(Path file) {
        return info(file, null);
    }

    /** {@link #info(Path)} with the genes of the AnnData matrix {@code matrix} (null: X; raw has its own genes). */
    public static DatasetInfo info(Path file, MatrixChoice matrix) {
        return guarded(file, () -> switch (format(file, null, matrix)) {
            case MTX -> MtxReader.info(file);
            case H5AD -> H5adReader.info(file, matrix);
            case TENX_H5 -> TenxH5Reader.info(file);
            case DELIMITED -> DelimitedReader.info(file);
        });
    }

    /**
     * The matrices an AnnData file holds (X, raw, its layers; see {@link MatrixChoice}); empty for the formats with
     * one matrix. Reads only the file's structure.
     */
    public static List<MatrixChoice> matrices(Path file) {
        return guarded(file, () -> {
            if (format(file) != Format.H5AD) {
                return List.of();
            }
            try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
                return H5adReader.matrices(h5);
            }
        });
    }

    private enum Format { H5AD, TENX_H5, MTX, DELIMITED }

    /**
     * Recognises the format by content and name (HDF5 files by their groups: AnnData has X, 10x a matrix), or says
     * clearly why the file cannot be read; {@code --labels} only for 10x inputs, refused before reading.
     */
    private static Format format(Path file, Path labelsCsv, MatrixChoice matrix) throws IOException {
        Format f = format(file);
        if (labelsCsv != null && f != Format.MTX && f != Format.TENX_H5) {
            throw new JindException("--labels is for 10x inputs; " + file.getFileName()
                    + " carries its own annotation columns.");
        }
        if (matrix != null && matrix.kind() != MatrixChoice.Kind.X && f != Format.H5AD) {
            throw new JindException(file.getFileName() + " holds one matrix; " + matrix.describe()
                    + " is a matrix of AnnData (.h5ad) files only.");
        }
        return f;
    }

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
            try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
                if (H5adReader.isAnnData(h5)) {
                    return Format.H5AD;
                }
                if (TenxH5Reader.matrixGroup(h5) != null) {
                    return Format.TENX_H5;
                }
            } catch (RuntimeException e) {
                throw Hdf5Arrays.unreadable(file.getFileName().toString(), "HDF5", e);
            }
            throw new JindException(file.getFileName() + " is an HDF5 file but neither AnnData (no 'X', no 'obs' and"
                    + " 'var') nor a 10x Cell Ranger matrix (no 'matrix' group or genome group with indptr).");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".h5ad") || name.endsWith(".h5")) {
            throw new JindException(file + " is not an HDF5 file (damaged or truncated?).");
        }
        if (!looksLikeDelimitedText(name)) {
            throw new JindException("Unknown input format: " + file.getFileName() + ". Use an AnnData .h5ad file,"
                    + " a 10x .h5 file, a 10x directory (matrix.mtx, features.tsv, barcodes.tsv) or a .csv/.tsv file"
                    + " (optionally .gz).");
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

    /**
     * Reads and, when {@code batchKey} and {@code batch} are given, keeps one batch. A batch is read chunk by chunk,
     * keeping only its cells: memory holds that batch, not the whole file.
     */
    public static Dataset read(Path file, Path labelsCsv, String labelKey, String batchKey, String batch) {
        return read(file, labelsCsv, labelKey, batchKey, batch, null);
    }

    /** {@link #read(Path, Path, String, String, String)} of the AnnData matrix {@code matrix} (null: X). */
    public static Dataset read(Path file, Path labelsCsv, String labelKey, String batchKey, String batch,
            MatrixChoice matrix) {
        Dataset d;
        if (batch == null) {
            d = read(file, labelsCsv, annotationNames(labelKey, batchKey), matrix);
        } else {
            try (CellChunks chunks = open(file, labelsCsv, labelKey, batchKey, batch, matrix)) {
                d = guarded(file, () -> chunks.readAll(BATCH_CHUNK_CELLS, file.getFileName().toString()));
            }
        }
        if (d == null || d.cells() == 0) {
            throw new JindException(file.getFileName() + ": the selection holds no cells.");
        }
        return d;
    }

    /** Cells per chunk when one batch is read out of a file. */
    private static final int BATCH_CHUNK_CELLS = 10_000;

    private static Set<String> annotationNames(String labelKey, String batchKey) {
        Set<String> ann = new LinkedHashSet<>();
        if (labelKey != null) {
            ann.add(labelKey);
        }
        if (batchKey != null) {
            ann.add(batchKey);
        }
        return ann;
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
