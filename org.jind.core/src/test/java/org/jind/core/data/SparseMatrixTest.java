package org.jind.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.Test;

public class SparseMatrixTest {

    /** Rows of about 30 % non-zeros, some rows empty. */
    private static float[][] dense(int rows, int cols, Random r) {
        float[][] d = new float[rows][cols];
        for (float[] row : d) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextDouble() < 0.3 ? 1 + r.nextInt(9) : 0;
            }
        }
        return d;
    }

    @Test
    public void concatRowsIsTheRowsOneAfterTheOtherAndLetsEachPartGo() {
        Random r = new Random(5);
        float[][] a = dense(7, 11, r);
        float[][] b = new float[0][11]; // an empty part
        float[][] c = dense(1, 11, r);
        float[][] d = dense(13, 11, r);
        List<SparseMatrix> parts = new ArrayList<>(List.of(SparseMatrix.fromDense(a),
                new SparseMatrix(0, 11, new int[1], new int[0], new float[0]),
                SparseMatrix.fromDense(c), SparseMatrix.fromDense(d)));
        long nonZeros = parts.stream().mapToLong(SparseMatrix::nonZeros).sum();

        SparseMatrix joined = SparseMatrix.concatRows(parts);

        assertTrue("the parts were handed over", parts.isEmpty());
        assertEquals(21, joined.rows());
        assertEquals(11, joined.cols());
        assertEquals(nonZeros, joined.nonZeros());
        int row = 0;
        for (float[][] part : List.of(a, b, c, d)) {
            for (float[] expected : part) {
                for (int j = 0; j < 11; j++) {
                    assertEquals("row " + row + " gene " + j, expected[j], joined.get(row, j), 0f);
                }
                row++;
            }
        }
    }

    @Test
    public void concatRowsRefusesPartsOfDifferentWidths() {
        List<SparseMatrix> parts = new ArrayList<>(List.of(SparseMatrix.fromDense(new float[2][3]),
                SparseMatrix.fromDense(new float[2][4])));
        assertThrows(IllegalArgumentException.class, () -> SparseMatrix.concatRows(parts));
    }
}
