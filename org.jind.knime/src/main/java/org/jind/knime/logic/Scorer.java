package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jind.core.JindException;
import org.jind.core.annotate.Annotation;

/**
 * Rejection-aware scores from an annotated table's three string columns (true label, prediction after
 * rejection, raw prediction), without the model. The figures are those of the core's
 * {@code org.jind.core.eval.Metrics} (which needs an Annotation with probabilities): raw accuracy, rejected
 * fraction, effective accuracy over the kept cells, mean/median/support-weighted F1 of the prediction over
 * the true labels, and the confusion matrix normalised by true label with an Unassigned column. Labels the
 * model never predicts count as wrong, as in the core.
 */
public final class Scorer {
    public static final List<OutputColumn> METRICS_COLUMNS = List.of(
            new OutputColumn("Cells", OutputColumn.Kind.INT),
            new OutputColumn("Raw accuracy", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Rejected fraction", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Effective accuracy", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Mean F1", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Median F1", OutputColumn.Kind.DOUBLE),
            new OutputColumn("Weighted F1", OutputColumn.Kind.DOUBLE));

    /** Name of the confusion table's last column: the number of cells with that true label. */
    public static final String CELLS_COLUMN = "Cells";

    private Scorer() {
    }

    /**
     * The scores. {@code predictedColumns} are the labels seen as raw or kept predictions (sorted) followed by
     * "Unassigned"; {@code confusion[r][c]} is the fraction of the cells of true label {@code trueLabels[r]}
     * predicted as column c; {@code effective} is NaN when every cell is rejected.
     */
    public record Scores(int cells, double raw, double rejected, double effective, double meanF1, double medianF1,
            double weightedF1, String[] trueLabels, String[] predictedColumns, double[][] confusion, int[] rowCells) {
    }

    public static Scores score(String[] truth, String[] predicted, String[] raw) {
        int n = truth.length;
        if (predicted.length != n || raw.length != n) {
            throw new IllegalArgumentException("columns differ in length");
        }
        if (n == 0) {
            throw new JindException("The table has no rows to score.");
        }
        requireAll(truth, "no true label; scoring needs a label for every cell");
        requireAll(predicted, "no prediction; score the output of Annotate & Reject, which predicts every cell");
        requireAll(raw, "no raw prediction; score the output of Annotate & Reject, which predicts every cell");
        int rawRight = 0;
        int rejected = 0;
        int keptRight = 0;
        for (int i = 0; i < n; i++) {
            rawRight += raw[i].equals(truth[i]) ? 1 : 0;
            if (isRejected(predicted[i])) {
                rejected++;
            } else if (predicted[i].equals(truth[i])) {
                keptRight++;
            }
        }
        String[] trueLabels = new TreeSet<>(Arrays.asList(truth)).toArray(new String[0]);
        double[] f1 = new double[trueLabels.length];
        int[] support = new int[trueLabels.length];
        double weighted = 0;
        for (int l = 0; l < trueLabels.length; l++) {
            int tp = 0;
            int predictedAs = 0;
            for (int i = 0; i < n; i++) {
                boolean isTrue = truth[i].equals(trueLabels[l]);
                boolean isPred = predicted[i].equals(trueLabels[l]);
                support[l] += isTrue ? 1 : 0;
                predictedAs += isPred ? 1 : 0;
                tp += isTrue && isPred ? 1 : 0;
            }
            double p = predictedAs == 0 ? 0 : (double) tp / predictedAs;
            double r = (double) tp / support[l];
            f1[l] = p + r == 0 ? 0 : 2 * p * r / (p + r);
            weighted += f1[l] * support[l];
        }
        String[] columns = predictedColumns(predicted, raw);
        double[][] confusion = confusion(truth, predicted, trueLabels, columns, support);
        return new Scores(n, (double) rawRight / n, (double) rejected / n,
                n == rejected ? Double.NaN : (double) keptRight / (n - rejected), Arrays.stream(f1).average().orElse(
                        Double.NaN), median(f1), weighted / n, trueLabels, columns, confusion, support);
    }

    /** The metrics table: one row, "Overall". */
    public static ResultTable metricsTable(Scores s) {
        return new ResultTable(METRICS_COLUMNS, List.of(new ResultTable.Row("Overall", new Object[] {s.cells(), s.raw(),
            s.rejected(), s.effective(), s.meanF1(), s.medianF1(), s.weightedF1()})));
    }

    /** The confusion table: a row per true label (its row id), a fraction column per predicted label, the count. */
    public static ResultTable confusionTable(Scores s) {
        List<String> wanted = new ArrayList<>(Arrays.asList(s.predictedColumns()));
        wanted.add(CELLS_COLUMN);
        List<String> names = OutputColumnNames.unique(List.of(), wanted);
        List<OutputColumn> columns = new ArrayList<>();
        for (int c = 0; c < names.size(); c++) {
            columns.add(new OutputColumn(names.get(c), c < names.size() - 1 ? OutputColumn.Kind.DOUBLE
                    : OutputColumn.Kind.INT));
        }
        List<ResultTable.Row> rows = new ArrayList<>();
        for (int r = 0; r < s.trueLabels().length; r++) {
            Object[] v = new Object[columns.size()];
            for (int c = 0; c < s.predictedColumns().length; c++) {
                v[c] = s.confusion()[r][c];
            }
            v[v.length - 1] = s.rowCells()[r];
            rows.add(new ResultTable.Row(s.trueLabels()[r], v));
        }
        return new ResultTable(columns, rows);
    }

    static boolean isRejected(String prediction) {
        return Annotation.UNASSIGNED_LABEL.equals(prediction);
    }

    private static String[] predictedColumns(String[] predicted, String[] raw) {
        TreeSet<String> labels = new TreeSet<>(Arrays.asList(raw));
        for (String p : predicted) {
            if (!isRejected(p)) {
                labels.add(p);
            }
        }
        labels.remove(Annotation.UNASSIGNED_LABEL);
        List<String> columns = new ArrayList<>(labels);
        columns.add(Annotation.UNASSIGNED_LABEL);
        return columns.toArray(new String[0]);
    }

    private static double[][] confusion(String[] truth, String[] predicted, String[] trueLabels, String[] columns,
            int[] support) {
        Map<String, Integer> row = index(trueLabels);
        Map<String, Integer> col = index(columns);
        double[][] m = new double[trueLabels.length][columns.length];
        for (int i = 0; i < truth.length; i++) {
            m[row.get(truth[i])][col.get(predicted[i])]++;
        }
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                m[r][c] /= support[r];
            }
        }
        return m;
    }

    private static Map<String, Integer> index(String[] labels) {
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i < labels.length; i++) {
            m.put(labels[i], i);
        }
        return m;
    }

    private static void requireAll(String[] values, String problem) {
        long missing = Arrays.stream(values).filter(v -> v == null || v.isBlank()).count();
        if (missing > 0) {
            throw new JindException(missing + (missing == 1 ? " row has " : " rows have ") + problem + ".");
        }
    }

    private static double median(double[] v) {
        if (v.length == 0) {
            return Double.NaN;
        }
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
