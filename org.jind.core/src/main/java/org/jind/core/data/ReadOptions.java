package org.jind.core.data;

import java.nio.file.Path;

/**
 * What to read from an input beyond its path, for the formats that need a choice; null means "not given".
 *
 * @param labels for 10x inputs: a CSV keyed by barcode with annotation columns
 * @param genome for a 10x Cell Ranger 2 {@code .h5}: the genome group to read (needed when it holds several)
 * @param matrix for AnnData: X, raw (with raw/var's genes) or a layer (null: X)
 */
public record ReadOptions(Path labels, String genome, MatrixChoice matrix) {
    /** Nothing chosen: what the file holds, read the one way it can be. */
    public static final ReadOptions NONE = new ReadOptions(null, null, null);

    /** A labels CSV and a genome, the matrix not chosen. */
    public ReadOptions(Path labels, String genome) {
        this(labels, genome, null);
    }

    /** Only a labels CSV (or none). */
    public static ReadOptions labels(Path csv) {
        return new ReadOptions(csv, null, null);
    }

    /** These options reading the AnnData matrix {@code m} (null: X). */
    public ReadOptions withMatrix(MatrixChoice m) {
        return new ReadOptions(labels, genome, m);
    }
}
