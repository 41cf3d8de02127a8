package org.jind.core.prep;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.JindException;
import org.jind.core.data.SparseMatrix;
import org.junit.Test;

/**
 * The value-type rule: the source's values are counts, normalised or scaled (negative values: centred per gene), and a
 * later batch of another type is refused, so a model trained on scaled X given log data (or the reverse) says so
 * instead of rejecting most cells.
 */
public class ValueTypeTest {
    static final String[] GENES = {"a", "b", "c", "d"};
    static final float[][] COUNTS = {{3, 0, 1, 7}, {0, 2, 5, 1}, {1, 1, 0, 4}, {6, 0, 2, 0}};

    /** log1p of counts per 10,000, as scanpy's normalize_total + log1p. */
    static float[][] log(float[][] counts) {
        float[][] out = new float[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            float total = 0;
            for (float v : counts[i]) {
                total += v;
            }
            out[i] = new float[counts[i].length];
            for (int j = 0; j < counts[i].length; j++) {
                out[i][j] = (float) Math.log1p(counts[i][j] / total * 1e4);
            }
        }
        return out;
    }

    /** Centred and scaled per gene (mean 0, unit variance), as scanpy's pp.scale. */
    static float[][] scaled(float[][] x) {
        int n = x.length;
        float[][] out = new float[n][x[0].length];
        for (int j = 0; j < x[0].length; j++) {
            double mean = 0;
            for (float[] row : x) {
                mean += row[j] / n;
            }
            double var = 0;
            for (float[] row : x) {
                var += (row[j] - mean) * (row[j] - mean) / n;
            }
            for (int i = 0; i < n; i++) {
                out[i][j] = (float) ((x[i][j] - mean) / Math.sqrt(var));
            }
        }
        return out;
    }

    static Preprocessing.Plan fit(float[][] x) {
        return Preprocessing.fit(PreprocessingTest.data(x, GENES), null, 4).plan();
    }

    static String refusal(Preprocessing.Plan plan, float[][] x) {
        try {
            new BatchPreparer(plan, GENES, null, false, new ArrayList<>()).apply(SparseMatrix.fromDense(x));
        } catch (JindException e) {
            return e.getMessage();
        }
        fail("expected a refusal");
        return null;
    }

    static void accepted(Preprocessing.Plan plan, float[][] x) {
        SparseMatrix m = new BatchPreparer(plan, GENES, null, false, new ArrayList<>()).apply(SparseMatrix.fromDense(x));
        assertEquals(x.length, m.rows());
    }

    @Test
    public void theSourcesValuesAreCountsNormalisedOrScaled() {
        assertEquals(ValueType.COUNTS, fit(COUNTS).values());
        assertEquals(ValueType.NORMALISED, fit(log(COUNTS)).values());
        float[][] s = scaled(log(COUNTS));
        double meanOfA = 0;
        for (float[] row : s) {
            meanOfA += row[0] / s.length;
        }
        assertEquals("scaled like pp.scale", 0, meanOfA, 1e-6);
        assertEquals(ValueType.SCALED, fit(s).values());
    }

    @Test
    public void aModelOfNormalisedValuesRefusesScaledOnes() {
        String msg = refusal(fit(log(COUNTS)), scaled(log(COUNTS)));
        assertTrue(msg, msg.startsWith("The model was trained on normalised values, none negative, but these data have"
                + " negative values (e.g. "));
        assertTrue(msg, msg.contains("they look scaled (centred per gene)"));
        accepted(fit(log(COUNTS)), log(COUNTS));
    }

    @Test
    public void aModelOfScaledValuesRefusesUnscaledOnesAndCounts() {
        Preprocessing.Plan plan = fit(scaled(log(COUNTS)));
        String msg = refusal(plan, log(COUNTS));
        assertTrue(msg, msg.startsWith("The model was trained on scaled values (centred per gene, some negative), but"
                + " these data have no negative value: they look unscaled (counts or normalised)."));
        float[][] counts = {{30, 0, 1, 7}, {0, 2, 5, 1}};
        msg = refusal(plan, counts);
        assertTrue(msg, msg.startsWith("The model was trained on scaled values, but these data are whole numbers up to"
                + " 30: they look like raw counts."));
        accepted(plan, scaled(log(COUNTS)));
    }

    @Test
    public void aModelOfCountsSaysScaledValuesLookScaled() {
        String msg = refusal(fit(COUNTS), scaled(log(COUNTS)));
        assertTrue(msg, msg.startsWith("The model was trained on raw counts, but these data are not whole numbers (e.g."
                + " -"));
        assertTrue(msg, msg.contains("they look scaled. Give the raw counts of these cells (in .h5ad files often in raw"
                + " or a layer, not X"));
    }

    @Test
    public void aModelSavedBeforeTheValueTypeWasRecordedTakesEitherAsBefore() {
        Preprocessing.Plan fitted = fit(scaled(log(COUNTS)));
        Preprocessing.Plan old = new Preprocessing.Plan(false, fitted.libraryGenes(), fitted.selectedGenes());
        assertEquals(ValueType.NOT_COUNTS, old.values());
        accepted(old, scaled(log(COUNTS)));
        accepted(old, log(COUNTS));
        assertTrue(refusal(old, new float[][] {{30, 0, 1, 7}}).contains("they look like raw counts"));
    }
}
