package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.sim.Simulator;

/**
 * Small simulated data and models shared by the tests: two batches of counts with three cell types, a model
 * trained on the first (a few seconds) and one aligned to the second. Built once per test JVM.
 */
public final class TinyJind {
    public static final String LABEL = "cell_type";
    private static Dataset all;
    private static JindModel trained;
    private static JindModel aligned;

    private TinyJind() {
    }

    static synchronized Dataset all() {
        if (all == null) {
            all = Simulator.simulate(new Simulator.Settings(160, 60, 3, 2, 0.5, 0.3, 0.1, false, 7));
        }
        return all;
    }

    static Dataset source() {
        return all().selectBatch("batch", "batch0");
    }

    public static Dataset target() {
        return all().selectBatch("batch", "batch1");
    }

    static TrainSettings trainSettings() {
        return new TrainSettings(40, 4, 32, 1e-3, 0.2, 0);
    }

    static synchronized JindModel trained() {
        if (trained == null) {
            trained = Jind.train(source(), LABEL, null, trainSettings(), Progress.NONE);
        }
        return trained;
    }

    public static synchronized JindModel aligned() {
        if (aligned == null) {
            AlignSettings s = new AlignSettings(1e-4, 1e-2, 1e-3, 32, 1, 1, 0.05, 0, false);
            aligned = Jind.align(trained(), Jind.prepare(trained(), target(), false, Progress.NONE), s, Progress.NONE)
                    .model();
        }
        return aligned;
    }

    /** One table row: what a node reads from KNIME (RowID, gene values with NaN for missing, string cells). */
    record Row(String id, double[] values, String[] strings) {
    }

    /** The dataset as table rows with the given annotation columns as string cells. */
    static List<Row> rows(Dataset d, String... obsKeys) {
        SparseMatrix x = d.matrix();
        List<Row> rows = new ArrayList<>();
        for (int r = 0; r < d.cells(); r++) {
            double[] v = new double[x.cols()];
            for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                v[x.colIndex(k)] = x.value(k);
            }
            String[] s = new String[obsKeys.length];
            for (int k = 0; k < obsKeys.length; k++) {
                s[k] = d.obs(obsKeys[k])[r];
            }
            rows.add(new Row(d.cellId(r), v, s));
        }
        return rows;
    }
}
