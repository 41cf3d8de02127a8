package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;

/**
 * Turns table rows (plain Java values) into the core's {@link Dataset}: row ids become cell ids, the gene
 * columns the matrix (stored sparse, zeros dropped), and string columns such as the label become
 * annotation ("obs") columns. Missing gene values are handled by the {@link MissingValuePolicy}.
 */
public final class DatasetBuilder {
    private final String[] genes;
    private final String[] obsKeys;
    private final MissingValuePolicy policy;
    private final String source;
    private final SparseMatrix.Builder matrix;
    private final List<String> cellIds = new ArrayList<>();
    private final List<List<String>> obs = new ArrayList<>();
    private final float[] scratch;
    private long missingAsZero;

    /**
     * @param genes   the gene column names, in the order values are given to {@link #addRow}
     * @param obsKeys names of the string columns kept as annotations (e.g. the label column); may be empty
     * @param source  names the input in error messages
     */
    public DatasetBuilder(String[] genes, String[] obsKeys, MissingValuePolicy policy, String source) {
        this.genes = genes.clone();
        this.obsKeys = obsKeys.clone();
        this.policy = policy;
        this.source = source;
        this.matrix = new SparseMatrix.Builder(genes.length);
        this.scratch = new float[genes.length];
        for (int k = 0; k < obsKeys.length; k++) {
            obs.add(new ArrayList<>());
        }
    }

    /**
     * Adds one cell.
     *
     * @param values gene values in gene order; NaN stands for a missing cell
     * @param obsValues values of the annotation columns in {@code obsKeys} order; null for a missing cell
     */
    public void addRow(String cellId, double[] values, String[] obsValues) {
        if (values.length != genes.length || obsValues.length != obsKeys.length) {
            throw new IllegalArgumentException("row has " + values.length + " values for " + genes.length + " genes");
        }
        // check the whole row before adding any of it, so a refused row leaves the builder unchanged
        float[] row = scratch;
        long missing = 0;
        for (int j = 0; j < values.length; j++) {
            double v = values[j];
            if (Double.isNaN(v)) {
                if (policy == MissingValuePolicy.FAIL) {
                    throw new JindException("Row '" + cellId + "' has a missing value in the gene column '" + genes[j]
                            + "'; fill or filter missing values first (e.g. with the Missing Value node), or set '"
                            + NodeParameters.MISSING_VALUES + "' to '" + MissingValuePolicy.ZERO.label() + "'.");
                }
                missing++;
                v = 0;
            }
            row[j] = (float) v;
            if (Float.isInfinite(row[j])) {
                throw new JindException("Row '" + cellId + "', gene column '" + genes[j] + "' holds " + v
                        + ", which is not a usable expression value; gene values must be finite numbers.");
            }
        }
        for (int j = 0; j < row.length; j++) {
            matrix.add(j, row[j]);
        }
        missingAsZero += missing;
        matrix.endRow();
        cellIds.add(cellId);
        for (int k = 0; k < obsKeys.length; k++) {
            obs.get(k).add(obsValues[k]);
        }
    }

    /** How many missing gene values were replaced by 0 so far (for a warning). */
    public long missingTreatedAsZero() {
        return missingAsZero;
    }

    public Dataset build() {
        Map<String, String[]> annotations = new LinkedHashMap<>();
        for (int k = 0; k < obsKeys.length; k++) {
            annotations.put(obsKeys[k], obs.get(k).toArray(new String[0]));
        }
        return new Dataset(matrix.build(), cellIds.toArray(new String[0]), genes.clone(), annotations, source);
    }

    /** The warning to show when missing values were treated as 0, or null. */
    public String missingValueWarning() {
        return missingValueWarning(missingAsZero);
    }

    /** The warning for {@code missingAsZero} missing values treated as 0 (e.g. summed over parts), or null. */
    public static String missingValueWarning(long missingAsZero) {
        if (missingAsZero == 0) {
            return null;
        }
        return missingAsZero + (missingAsZero == 1 ? " missing value in a gene column was"
                : " missing values in gene columns were") + " treated as 0.";
    }
}
