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
 * AnnData {@code .h5ad} (X, raw or a layer: {@link MatrixChoice}), a 10x Cell Ranger HDF5 file, a 10x MatrixMarket
 * set (its folder, Cell Ranger's or GEO's with a common prefix, or its matrix file), or a wide CSV/TSV (optionally
 * gzipped).
 */
public final class DatasetReader {
    private static final byte[] HDF5_MAGIC = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

    private DatasetReader() {
    }

    /**
     * @param file         the file, 10x directory or 10x matrix file
     * @param options      the reading choices (a 10x input's labels CSV, a genome), or null for none
     * @param annotations  the names of annotation (non-gene) columns for CSV/TSV input, e.g. the label and batch keys
     */
    public static Dataset read(Path file, ReadOptions options, Set<String> annotations) {
        ReadOptions o = options == null ? ReadOptions.NONE : options;
        return guarded(file, () -> switch (format(file, o)) {
            case MTX -> MtxReader.read(file, o.labels());
            case H5AD -> H5adReader.read(file, o.matrix());
            case TENX_H5 -> TenxH5Reader.read(file, o);
            case DELIMITED -> DelimitedReader.read(file, annotations);
        });
    }

    /**
     * Opens the input to be read in chunks of cells (see {@link CellChunks}); the same checks and messages as
     * {@link #read(Path, ReadOptions, Set)}. 10x directories are read whole.
     */
    public static CellChunks open(Path file, ReadOptions options, Set<String> annotations) {
        ReadOptions o = options == null ? ReadOptions.NONE : options;
        return guarded(file, () -> switch (format(file, o)) {
            case MTX -> CellChunks.of(MtxReader.read(file, o.labels()));
            case H5AD -> H5adReader.open(file, o.matrix());
            case TENX_H5 -> TenxH5Reader.open(file, o);
            case DELIMITED -> DelimitedReader.open(file, annotations);
        });
    }

    /** {@link #open(Path, ReadOptions, Set)} keeping one batch when {@code batchKey} and {@code batch} are given. */
    public static CellChunks open(Path file, ReadOptions options, String labelKey, String batchKey, String batch) {
        CellChunks c = open(file, options, annotationNames(labelKey, batchKey));
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
        return info(file, ReadOptions.NONE);
    }

    /** {@link #info(Path)} with the reading choices that decide the genes (a Cell Ranger 2 file's genome). */
    public static DatasetInfo info(Path file, ReadOptions options) {
        ReadOptions o = options == null ? ReadOptions.NONE : options;
        return guarded(file, () -> switch (format(file, new ReadOptions(null, o.genome(), o.matrix()))) {
            case MTX -> MtxReader.info(file);
            case H5AD -> H5adReader.info(file, o.matrix());
            case TENX_H5 -> TenxH5Reader.info(file, o);
            case DELIMITED -> DelimitedReader.info(file);
        });
    }

    private enum Format { H5AD, TENX_H5, MTX, DELIMITED }

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

    /**
     * Recognises the format by content and name (HDF5 files by their groups: AnnData has X, 10x a matrix), or says
     * clearly why the file cannot be read; a labels CSV only for 10x inputs, a genome only for 10x .h5 files, raw
     * or a layer only for AnnData, refused before reading.
     */
    private static Format format(Path file, ReadOptions options) throws IOException {
        Format f = format(file);
        if (options.labels() != null && f != Format.MTX && f != Format.TENX_H5) {
            throw new JindException("A labels CSV keyed by barcode is for 10x inputs; " + file.getFileName()
                    + " carries its own annotation columns.");
        }
        if (options.genome() != null && f != Format.TENX_H5) {
            throw new JindException("The genome '" + options.genome() + "' was chosen, but " + file.getFileName()
                    + " is not a 10x .h5 file; genomes are chosen in Cell Ranger 2 .h5 files only.");
        }
        MatrixChoice matrix = options.matrix();
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
                        + " matrix.mtx, features.tsv (or genes.tsv) and barcodes.tsv (GEO's with a common prefix,"
                        + " e.g. GSM1_matrix.mtx.gz).");
            }
            return Format.MTX;
        }
        if (!Files.isReadable(file)) {
            throw new JindException("Cannot read " + file + " (permission denied).");
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (MtxReader.isMatrixFile(file.getFileName().toString())) { // a set's matrix stands for the set
            return Format.MTX;
        }
        if (name.endsWith(".mtx") || name.endsWith(".mtx.gz")) {
            throw new JindException(file.getFileName() + " is a MatrixMarket file that is not named as 10x and GEO"
                    + " name theirs; its genes and barcodes are found by name: PREFIXmatrix.mtx[.gz] beside"
                    + " PREFIXfeatures.tsv[.gz] (or PREFIXgenes.tsv[.gz]) and PREFIXbarcodes.tsv[.gz].");
        }
        if (startsWithHdf5Magic(file)) {
            try (io.jhdf.HdfFile h5 = new io.jhdf.HdfFile(file)) {
                if (H5adReader.isAnnData(h5)) {
                    return Format.H5AD;
                }
                if (TenxH5Reader.isTenx(h5)) {
                    return Format.TENX_H5;
                }
            } catch (RuntimeException e) {
                throw Hdf5Arrays.unreadable(file.getFileName().toString(), "HDF5", e);
            }
            throw new JindException(file.getFileName() + " is an HDF5 file but neither AnnData (no 'X', no 'obs' and"
                    + " 'var') nor a 10x Cell Ranger matrix (no 'matrix' group or genome group with indptr).");
        }
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
    public static Dataset read(Path file, ReadOptions options, String labelKey, String batchKey, String batch) {
        Dataset d;
        if (batch == null) {
            d = read(file, options, annotationNames(labelKey, batchKey));
        } else {
            try (CellChunks chunks = open(file, options, labelKey, batchKey, batch)) {
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
