package org.jind.knime.nodes;

import org.jind.knime.logic.MissingValuePolicy;
import org.jind.knime.logic.NodeParameters;
import org.knime.core.data.StringValue;
import org.knime.core.node.defaultnodesettings.DefaultNodeSettingsPane;
import org.knime.core.node.defaultnodesettings.DialogComponentBoolean;
import org.knime.core.node.defaultnodesettings.DialogComponentColumnNameSelection;
import org.knime.core.node.defaultnodesettings.DialogComponentNumber;
import org.knime.core.node.defaultnodesettings.DialogComponentStringSelection;
import org.knime.core.node.defaultnodesettings.SettingsModelBoolean;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelInteger;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** Settings models and dialog rows that several JIND nodes share, with the same keys everywhere. */
public final class CommonSettings {
    private CommonSettings() {
    }

    public static SettingsModelString missingValues() {
        return new SettingsModelString("missing_values", MissingValuePolicy.FAIL.label());
    }

    public static SettingsModelBoolean fillAbsentGenes() {
        return new SettingsModelBoolean("fill_absent_genes", false);
    }

    /** The settings key of θ, shared by the nodes that reject (and read by their validateSettings). */
    public static final String THETA_KEY = "theta";

    /** θ in its one range, [0, 1) (see {@link NodeParameters#thetaMax()}). */
    public static SettingsModelDoubleBounded theta(double value) {
        return new SettingsModelDoubleBounded(THETA_KEY, value, 0, NodeParameters.thetaMax());
    }

    /**
     * θ's spinner: its arrows stay in the range, and a typed value outside is refused with
     * {@link NodeParameters#THETA_RANGE}, the sentence configure and validateSettings give.
     */
    public static void addTheta(DefaultNodeSettingsPane pane, SettingsModelDoubleBounded model) {
        pane.addDialogComponent(new DialogComponentNumber(model, NodeParameters.THETA + ":", 0.01, 8, null, true,
                NodeParameters.THETA_RANGE));
    }

    public static SettingsModelInteger seed(long defaultSeed) {
        return new SettingsModelInteger("seed", Math.toIntExact(defaultSeed));
    }

    /** A positive count with an upper bound that keeps typos from starting hour-long runs. */
    public static SettingsModelIntegerBounded count(String key, int value, int max) {
        return new SettingsModelIntegerBounded(key, value, 1, max);
    }

    /** A non-negative rate; zero and the exact range are checked with a sentence by NodeParameters. */
    public static SettingsModelDoubleBounded rate(String key, double value, double max) {
        return new SettingsModelDoubleBounded(key, value, 0, max);
    }

    public static void addMissingValues(DefaultNodeSettingsPane pane, SettingsModelString model) {
        pane.addDialogComponent(new DialogComponentStringSelection(model, NodeParameters.MISSING_VALUES + ":",
                MissingValuePolicy.labels()));
    }

    public static void addFillAbsentGenes(DefaultNodeSettingsPane pane, SettingsModelBoolean model) {
        pane.addDialogComponent(new DialogComponentBoolean(model, NodeParameters.FILL_ABSENT_GENES));
    }

    /**
     * Align Batch's and Self-train JIND+'s batch column: blank (or KNIME's "none", saved as null) keeps the whole
     * table as one batch, as before the setting existed.
     */
    public static SettingsModelString batchColumn() {
        return new SettingsModelString("batch_column", "");
    }

    /** The batch column's name, or null for none. */
    public static String batchColumn(SettingsModelString model) {
        String v = model.getStringValue();
        return v == null || v.isBlank() ? null : v;
    }

    /** How many batches run side by side; 0 (the default) is one per core, see {@code PerBatchRun#workers}. */
    public static SettingsModelIntegerBounded batchesAtOnce() {
        return new SettingsModelIntegerBounded("batches_at_once", 0, 0, 1024);
    }

    /** The batch column (a string column of the target table, the node's second input, or none) and workers. */
    @SuppressWarnings("unchecked")
    public static void addBatchOptions(DefaultNodeSettingsPane pane, SettingsModelString column,
            SettingsModelIntegerBounded atOnce) {
        pane.addDialogComponent(new DialogComponentColumnNameSelection(column, NodeParameters.BATCH_COLUMN + ":", 1,
                false, true, StringValue.class));
        pane.addDialogComponent(new DialogComponentNumber(atOnce, NodeParameters.BATCHES_AT_ONCE + ":", 1));
    }

    public static void addNumber(DefaultNodeSettingsPane pane, SettingsModelInteger model, String label) {
        pane.addDialogComponent(new DialogComponentNumber(model, label + ":", 1));
    }

    public static void addNumber(DefaultNodeSettingsPane pane, SettingsModelDoubleBounded model, String label,
            double step) {
        pane.addDialogComponent(new DialogComponentNumber(model, label + ":", step));
    }
}
