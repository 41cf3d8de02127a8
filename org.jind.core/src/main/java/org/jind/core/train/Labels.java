package org.jind.core.train;

import java.util.Map;
import java.util.TreeMap;

import org.jind.core.JindException;

/** Source labels checked for training and turned into class indices (classes = sorted distinct labels). */
public record Labels(String[] classes, int[] y) {

    public static Labels forTraining(String[] labels, String labelKey) {
        TreeMap<String, Integer> counts = new TreeMap<>();
        int missing = 0;
        for (String l : labels) {
            if (l == null || l.isBlank()) {
                missing++;
            } else {
                counts.merge(l, 1, Integer::sum);
            }
        }
        if (missing > 0) {
            throw new JindException(missing + " cells have no value in the label column '" + labelKey
                    + "'; training needs a label for every cell. Remove those cells or fill in their labels.");
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
