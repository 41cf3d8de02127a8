package org.jind.core.cli;

import java.nio.file.Path;

import org.jind.core.data.CellChunks;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.NoSuchMatrixException;
import org.jind.core.data.ReadOptions;

/**
 * {@code --matrix} (run: {@code --source-matrix}, {@code --target-matrix}): which matrix of an .h5ad file to read —
 * X, raw or a layer, one option rather than scanpy's two ({@code layer=}, {@code use_raw=}), so that X can be chosen
 * too and nothing needs to be mutually exclusive. Without it a step reads the matrix its model was trained on when the
 * file has it (and says so), else X.
 */
final class MatrixOption {
    static final String HELP = "for .h5ad input: the matrix to read: X, raw (raw/X with raw/var's genes) or a layer's"
            + " name";

    private MatrixOption() {
    }

    /** The option's value as a choice, or null when it was not given. */
    static MatrixChoice parse(String value, String option) {
        return value == null ? null : MatrixChoice.of(value, option);
    }

    /**
     * The matrix to read from {@code file}: {@code chosen}, else {@code recorded} (the matrix a model was trained
     * on, as {@code recordedHow} says) when the file has it, else null (X). Says so when that is not X.
     */
    static MatrixChoice orRecorded(MatrixChoice chosen, Path file, MatrixChoice recorded, String recordedHow,
            String option, ConsoleProgress progress) {
        if (chosen != null || recorded == null || recorded.kind() == MatrixChoice.Kind.X) {
            return chosen;
        }
        java.util.List<MatrixChoice> has = DatasetReader.matrices(file);
        if (has.isEmpty()) { // a format with one matrix: nothing to choose
            return null;
        }
        if (has.contains(recorded)) {
            progress.note("reading " + recorded.describe() + " of " + file.getFileName() + ", the matrix "
                    + recordedHow + " (" + option + " chooses another)");
            return recorded;
        }
        if (has.contains(MatrixChoice.X)) {
            progress.note(file.getFileName() + " has no " + recorded.label() + ", the matrix " + recordedHow
                    + ": reading X (" + option + " chooses another)");
        }
        return null;
    }

    /** What a model trained on {@code file} records: the matrix read (X when none was chosen), null for non-AnnData. */
    static MatrixChoice used(Path file, MatrixChoice chosen) {
        return chosen != null ? chosen : DatasetReader.matrices(file).isEmpty() ? null : MatrixChoice.X;
    }

    /** {@link DatasetReader#open(Path, ReadOptions, String, String, String)} of {@code matrix}, naming {@code option}. */
    static CellChunks open(Path file, ReadOptions options, String labelKey, String batchKey, String batch,
            MatrixChoice matrix, String option) {
        try {
            return DatasetReader.open(file, options.withMatrix(matrix), labelKey, batchKey, batch);
        } catch (NoSuchMatrixException e) {
            throw e.renamed(option);
        }
    }
}
