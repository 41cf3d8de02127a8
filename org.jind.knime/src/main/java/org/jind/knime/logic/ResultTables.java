package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.align.Aligner;
import org.jind.core.annotate.Thresholds;
import org.jind.core.model.JindModel;
import org.jind.core.model.ValidationStats;

/** The statistics tables of Train JIND and Align Batch: fixed columns (known at configure) and their rows. */
public final class ResultTables {
    public static final List<OutputColumn> VALIDATION_COLUMNS = List.of(
            new OutputColumn("Cell type", OutputColumn.Kind.STRING),
            new OutputColumn("Validation cells", OutputColumn.Kind.INT),
            new OutputColumn("Validation accuracy", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Rejection threshold", OutputColumn.Kind.DOUBLE));

    public static final List<OutputColumn> ALIGNMENT_COLUMNS = List.of(
            new OutputColumn("Epoch", OutputColumn.Kind.INT),
            new OutputColumn("G loss", OutputColumn.Kind.DOUBLE),
            new OutputColumn("D loss", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Balanced", OutputColumn.Kind.BOOLEAN),
            new OutputColumn("Target rejection", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Generator restarts", OutputColumn.Kind.INT));

    /** The history of several batches: the batch, then {@link #ALIGNMENT_COLUMNS}. */
    public static final List<OutputColumn> BATCH_ALIGNMENT_COLUMNS = batchFirst();

    private static List<OutputColumn> batchFirst() {
        List<OutputColumn> c = new ArrayList<>();
        c.add(new OutputColumn("Batch", OutputColumn.Kind.STRING));
        c.addAll(ALIGNMENT_COLUMNS);
        return List.copyOf(c);
    }

    private ResultTables() {
    }

    /**
     * One row per cell type from the source validation split kept in the model: how many validation cells have
     * that type, the fraction of them whose arg-max is right, and the type's rejection threshold at the default
     * θ (0.05). A type without validation cells has a missing accuracy.
     */
    public static ResultTable validation(JindModel model) {
        return validation(model.classes, model.validation);
    }

    static ResultTable validation(String[] classes, ValidationStats v) {
        int k = classes.length;
        int[] cells = new int[k];
        int[] right = new int[k];
        for (int i = 0; i < v.cells(); i++) {
            int truth = v.labels()[i];
            cells[truth]++;
            if (argmax(v.probabilities(), i, k) == truth) {
                right[truth]++;
            }
        }
        double[] thresholds = Thresholds.compute(v, Thresholds.DEFAULT_THETA);
        List<ResultTable.Row> rows = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double accuracy = cells[c] == 0 ? Double.NaN : (double) right[c] / cells[c];
            rows.add(new ResultTable.Row(classes[c], new Object[] {classes[c], cells[c], accuracy, thresholds[c]}));
        }
        return new ResultTable(VALIDATION_COLUMNS, rows);
    }

    /**
     * One row per alignment epoch: running generator and discriminator losses, whether the epoch was balanced,
     * the target rejection rate (scored on balanced epochs only, else missing) and generator restarts.
     */
    public static ResultTable alignment(List<Aligner.EpochRecord> history) {
        List<ResultTable.Row> rows = new ArrayList<>();
        for (Aligner.EpochRecord e : history) {
            rows.add(new ResultTable.Row("Epoch " + e.epoch(), new Object[] {e.epoch(), e.lossG(), e.lossD(),
                e.balanced(), e.rejection(), e.reinitialisations()}));
        }
        return new ResultTable(ALIGNMENT_COLUMNS, rows);
    }

    /** Each batch's history, batch after batch, with the batch in the first column (RowIDs "batch / Epoch n"). */
    public static ResultTable alignment(List<String> batches, List<List<Aligner.EpochRecord>> histories) {
        List<ResultTable.Row> rows = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            for (ResultTable.Row r : alignment(histories.get(b)).rows()) {
                Object[] v = new Object[r.values().length + 1];
                v[0] = batches.get(b);
                System.arraycopy(r.values(), 0, v, 1, r.values().length);
                rows.add(new ResultTable.Row(batches.get(b) + " / " + r.id(), v));
            }
        }
        return new ResultTable(BATCH_ALIGNMENT_COLUMNS, rows);
    }

    /** Ties go to the lower index, as in the core. */
    static int argmax(float[] probabilities, int row, int k) {
        int best = 0;
        for (int c = 1; c < k; c++) {
            if (probabilities[row * k + c] > probabilities[row * k + best]) {
                best = c;
            }
        }
        return best;
    }
}
