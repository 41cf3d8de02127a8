package org.jind.knime.logic;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

import org.jind.core.JindException;

/** The label (cell type) column of a training table: which one it is and that it holds strings. */
public final class LabelColumn {
    /**
     * Column names that say "cell type", compared without case, spaces, '_', '-' and '.': the names AnnData
     * files, Seurat exports and atlases commonly use, best first.
     */
    private static final List<String> TYPE_NAMES = List.of("celltype", "celltypes", "cellontologyclass",
            "celltypeannotation", "celllabel", "celllabels", "label", "labels", "truelabel", "annotation",
            "annotations", "type");

    private LabelColumn() {
    }

    /**
     * The index of the label column. With nothing chosen yet, the {@link #guess} is taken; a table without a
     * string column gets a sentence saying what JIND needs.
     */
    public static int resolve(List<ColumnInfo> columns, String chosen) {
        if (chosen == null || chosen.isBlank()) {
            int guess = guess(columns);
            if (guess < 0) {
                throw new JindException("The input table has no string column to use as the label (cell type) column;"
                        + " JIND trains on a table with one row per cell, numeric gene columns and a string column"
                        + " with the cell types.");
            }
            return guess;
        }
        return Columns.requireString(columns, chosen, NodeParameters.LABEL_COLUMN, "label (cell type)");
    }

    /**
     * The string column that most likely holds the cell types, or -1 when there is no string column. Preference,
     * ties broken by table order: (1) a name that says cell type or label ({@link #TYPE_NAMES}, exact names before
     * names that contain "celltype"), unless its domain shows a single value; (2) a column whose domain lists at
     * least two values; (3) a column with an unknown domain (KNIME collects no values for columns with many, such
     * as cell ids); (4) any string column. So a one-value column such as a batch column of one batch is taken
     * only when nothing better exists.
     */
    public static int guess(List<ColumnInfo> columns) {
        int best = -1;
        int bestScore = Integer.MAX_VALUE;
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo c = columns.get(i);
            if (!c.isString()) {
                continue;
            }
            int score = score(c);
            if (score < bestScore) {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /** Lower is better; see {@link #guess}. */
    private static int score(ColumnInfo c) {
        boolean single = c.valuesKnown() && c.possibleValues().size() < 2;
        String key = c.name().toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
        int byName = TYPE_NAMES.indexOf(key);
        if (byName < 0 && key.contains("celltype")) {
            byName = TYPE_NAMES.size();
        }
        if (byName >= 0 && !single) {
            return byName;
        }
        int base = TYPE_NAMES.size() + 1;
        if (c.valuesKnown() && !single) {
            return base;
        }
        if (!c.valuesKnown()) {
            return base + 1;
        }
        return base + 2 + (byName >= 0 ? 0 : 1);
    }

    /** The warning configure shows after choosing the label column for the user. */
    public static String preselectedWarning(String column) {
        return "'" + NodeParameters.LABEL_COLUMN + "' was not chosen, so '" + column + "' is used; choose another"
                + " column in the dialog if it does not hold the cell types.";
    }

    /**
     * The cell types a model trained on this column will have, as the core orders them (sorted, blank labels
     * left out), when the column's domain lists its values; else null. The domain may list more values than the
     * rows hold (KNIME keeps it through row filters), so this is what configure can promise, and execute's model
     * is authoritative.
     */
    public static String[] cellTypesFromDomain(ColumnInfo label) {
        if (!label.valuesKnown()) {
            return null;
        }
        TreeSet<String> types = new TreeSet<>();
        for (String v : label.possibleValues()) {
            if (v != null && !v.isBlank()) {
                types.add(v);
            }
        }
        return types.toArray(new String[0]);
    }

    /**
     * Fails at configure time when the label column's domain shows fewer than two cell types, which training
     * would refuse after reading the whole table.
     */
    public static void requireSeveralTypes(ColumnInfo label) {
        String[] types = cellTypesFromDomain(label);
        if (types != null && types.length < 2) {
            throw new JindException("The label column '" + label.name() + "' holds "
                    + (types.length == 0 ? "no cell type" : "only one cell type ('" + types[0] + "')")
                    + "; a classifier needs at least two, so choose the cell type column in '"
                    + NodeParameters.LABEL_COLUMN + "'.");
        }
    }
}
