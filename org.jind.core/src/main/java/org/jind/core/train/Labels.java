package org.jind.core.train;

import java.util.Map;
import java.util.TreeMap;

import org.jind.core.JindException;
import org.jind.core.annotate.Annotation;

/**
 * Source labels checked for training and turned into class indices (classes = sorted distinct labels). The
 * rules: a cell without a label (empty, or NaN as AnnData and pandas write a missing value) cannot be trained on,
 * so its label must be filled in or the cell removed; no cell type may be called {@code Unassigned} (in any letter
 * case, with or without spaces), the name of rejected cells in every prediction; and two types may not differ only
 * in spaces at their ends ({@code B} and {@code B }), which no reader of the predictions could tell apart. Such
 * labels are refused rather than trimmed: a trimmed name would no longer match the same labels in the data given
 * to evaluate, and a silent rename of the user's types is worse than one sentence saying what to fix.
 */
public record Labels(String[] classes, int[] y) {

    /** Whether a label is missing: null, blank, or NaN in any letter case. */
    public static boolean isMissing(String label) {
        return label == null || label.isBlank() || label.strip().equalsIgnoreCase("nan");
    }

    /** Counts the missing labels ({@link #isMissing}). */
    public static int missing(String[] labels) {
        int n = 0;
        for (String l : labels) {
            n += isMissing(l) ? 1 : 0;
        }
        return n;
    }

    public static Labels forTraining(String[] labels, String labelKey) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        int missing = 0;
        for (String l : labels) {
            if (isMissing(l)) {
                missing++;
            } else {
                counts.merge(l, 1, Integer::sum);
            }
        }
        if (missing > 0) {
            throw new JindException(missing + " of " + labels.length + " cells " + (missing == 1 ? "has" : "have")
                    + " no label (empty or NaN) in the"
                    + " label column '" + labelKey + "'; training needs a label for every cell: remove those cells"
                    + " or fill in their labels.");
        }
        Map<String, String> byTrimmed = new TreeMap<>();
        for (String l : counts.keySet()) {
            if (l.strip().equalsIgnoreCase(Annotation.UNASSIGNED_LABEL)) {
                throw new JindException("The label column '" + labelKey + "' has a cell type named '" + l
                        + "', the name JIND gives rejected cells (in any letter case); rename that type (e.g. to"
                        + " 'Unassigned (source)') and train again.");
            }
            String other = byTrimmed.put(l.strip(), l);
            if (other != null) {
                throw new JindException("The label column '" + labelKey + "' has the cell types '" + other
                        + "' and '" + l + "', which differ only in spaces at their ends; make them one type (or"
                        + " rename one) and train again.");
            }
        }
        if (counts.size() < 2) {
            throw new JindException("The label column '" + labelKey + "' holds only one cell type ("
                    + (counts.isEmpty() ? "none" : "'" + counts.firstKey() + "'")
                    + "); a classifier needs at least two.");
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() < 2) {
                throw new JindException("Cell type '" + e.getKey() + "' has a single cell; every cell type needs at"
                        + " least 2 cells (one can go to validation). Remove it or merge it into another type.");
            }
        }
        String[] classes = counts.keySet().toArray(new String[0]);
        Map<String, Integer> index = new TreeMap<>();
        for (int c = 0; c < classes.length; c++) {
            index.put(classes[c], c);
        }
        int[] y = new int[labels.length];
        for (int i = 0; i < y.length; i++) {
            y[i] = index.get(labels[i]);
        }
        return new Labels(classes, y);
    }
}
