package org.jind.core.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jind.core.JindException;
import org.jind.core.annotate.Annotation;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Evaluation against known labels (§8). Labels the model does not know are "novel" and always count as wrong.
 * {@code raw}: accuracy of the arg-max; {@code rej}: fraction Unassigned; {@code eff}: accuracy over the kept
 * cells. Per class (every true label and every predicted class): precision, recall and F1 of the prediction
 * after rejection; their mean, median and support-weighted mean over the classes present in the truth; the
 * confusion matrix normalised by true class with an Unassigned column; average precision per known class.
 */
public record Metrics(int cells, double raw, double rej, double eff, List<ClassScore> perClass, double meanF1,
        double medianF1, double weightedF1, String[] trueLabels, String[] predictedColumns, double[][] confusion) {

    /** Scores of one class. {@code averagePrecision} is NaN for novel labels (no probabilities). */
    public record ClassScore(String label, int support, double precision, double recall, double f1,
            double averagePrecision) {
    }

    public static Metrics of(Annotation a, String[] truth) {
        int n = a.cells();
        if (truth.length != n) {
            throw new IllegalArgumentException("truth and annotation differ in length");
        }
        int missing = org.jind.core.train.Labels.missing(truth);
        if (missing > 0) {
            throw new JindException(missing + " of " + n + " cells " + (missing == 1 ? "has" : "have")
                    + " no true label (empty or NaN); evaluation"
                    + " needs a label for every cell: remove those cells or fill in their labels.");
        }
        int rawRight = 0;
        int rejected = 0;
        int keptRight = 0;
        for (int i = 0; i < n; i++) {
            boolean rawOk = a.rawLabel(i).equals(truth[i]);
            rawRight += rawOk ? 1 : 0;
            if (a.predicted()[i] == Annotation.UNASSIGNED) {
                rejected++;
            } else if (rawOk) {
                keptRight++;
            }
        }
        double raw = (double) rawRight / n;
        double rej = (double) rejected / n;
        double eff = n - rejected == 0 ? Double.NaN : (double) keptRight / (n - rejected);

        TreeSet<String> labelSet = new TreeSet<>(Arrays.asList(truth));
        labelSet.addAll(Arrays.asList(a.classes()));
        List<ClassScore> scores = new ArrayList<>();
        List<Double> f1Present = new ArrayList<>();
        double weighted = 0;
        Map<String, Integer> classIndex = new LinkedHashMap<>();
        for (int c = 0; c < a.classes().length; c++) {
            classIndex.put(a.classes()[c], c);
        }
        for (String label : labelSet) {
            int tp = 0;
            int predicted = 0;
            int support = 0;
            for (int i = 0; i < n; i++) {
                boolean isTrue = truth[i].equals(label);
                boolean isPred = a.predictedLabel(i).equals(label);
                support += isTrue ? 1 : 0;
                predicted += isPred ? 1 : 0;
                tp += isTrue && isPred ? 1 : 0;
            }
            double p = predicted == 0 ? 0 : (double) tp / predicted;
            double r = support == 0 ? 0 : (double) tp / support;
            double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
            Integer ci = classIndex.get(label);
            double ap = ci == null ? Double.NaN : averagePrecision(a, truth, label, ci);
            scores.add(new ClassScore(label, support, p, r, f1, ap));
            if (support > 0) {
                f1Present.add(f1);
                weighted += f1 * support;
            }
        }
        double mean = f1Present.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double median = median(f1Present);

        String[] trueLabels = new TreeSet<>(Arrays.asList(truth)).toArray(new String[0]);
        String[] columns = Arrays.copyOf(a.classes(), a.classes().length + 1);
        columns[columns.length - 1] = Annotation.UNASSIGNED_LABEL;
        double[][] confusion = new double[trueLabels.length][columns.length];
        Map<String, Integer> rowOf = new LinkedHashMap<>();
        for (int r = 0; r < trueLabels.length; r++) {
            rowOf.put(trueLabels[r], r);
        }
        int[] rowTotals = new int[trueLabels.length];
        for (int i = 0; i < n; i++) {
            int r = rowOf.get(truth[i]);
            int col = a.predicted()[i] == Annotation.UNASSIGNED ? columns.length - 1 : a.predicted()[i];
            confusion[r][col]++;
            rowTotals[r]++;
        }
        for (int r = 0; r < trueLabels.length; r++) {
            for (int c = 0; c < columns.length; c++) {
                confusion[r][c] /= rowTotals[r];
            }
        }
        return new Metrics(n, raw, rej, eff, scores, mean, median, weighted / n, trueLabels, columns, confusion);
    }

    /** One-vs-rest average precision of the probabilities of class {@code ci} (step-wise, as scikit-learn). */
    static double averagePrecision(Annotation a, String[] truth, String label, int ci) {
        int n = a.cells();
        int k = a.classes().length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (x, y) -> Float.compare(a.probabilities()[y * k + ci], a.probabilities()[x * k + ci]));
        int positives = 0;
        for (String t : truth) {
            positives += t.equals(label) ? 1 : 0;
        }
        if (positives == 0) {
            return Double.NaN;
        }
        double ap = 0;
        int tp = 0;
        int i = 0;
        while (i < n) {
            // handle tied scores as one threshold
            float score = a.probabilities()[order[i] * k + ci];
            int j = i;
            int tpGroup = 0;
            while (j < n && a.probabilities()[order[j] * k + ci] == score) {
                tpGroup += truth[order[j]].equals(label) ? 1 : 0;
                j++;
            }
            double recallBefore = (double) tp / positives;
            tp += tpGroup;
            double precision = (double) tp / j;
            ap += ((double) tp / positives - recallBefore) * precision;
            i = j;
        }
        return ap;
    }

    private static double median(List<Double> v) {
        if (v.isEmpty()) {
            return Double.NaN;
        }
        double[] s = v.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    /** The headline figures as JSON ({@code raw}, {@code rej}, {@code eff}, {@code n_cells}, F1s, per class, confusion). */
    public JsonObject toJson(boolean full) {
        JsonObject o = new JsonObject();
        o.addProperty("n_cells", cells);
        o.addProperty("raw", round(raw));
        o.addProperty("rej", round(rej));
        o.addProperty("eff", round(eff));
        o.addProperty("mean_f1", round(meanF1));
        o.addProperty("median_f1", round(medianF1));
        o.addProperty("weighted_f1", round(weightedF1));
        if (full) {
            Gson gson = new Gson();
            o.add("per_class", gson.toJsonTree(perClass.stream().map(s -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("label", s.label());
                m.put("support", s.support());
                m.put("precision", round(s.precision()));
                m.put("recall", round(s.recall()));
                m.put("f1", round(s.f1()));
                m.put("average_precision", round(s.averagePrecision()));
                return m;
            }).toList()));
            JsonObject cm = new JsonObject();
            cm.add("rows", gson.toJsonTree(trueLabels));
            cm.add("columns", gson.toJsonTree(predictedColumns));
            cm.add("fractions", gson.toJsonTree(confusion));
            o.add("confusion", cm);
        }
        return o;
    }

    /** Six decimals; null (JSON null) for an undefined value such as eff when every cell is rejected. */
    static Double round(double v) {
        return Double.isNaN(v) ? null : Math.round(v * 1e6) / 1e6;
    }
}
