package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Random;

import org.jind.core.data.SparseMatrix;
import org.junit.Test;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.NDArrayIndex;

public class TensorsTest {
    private static final float[] SIX = {1, 2, 3, 4, 5, 6};

    @Test
    public void matrixIsRowMajorAndRoundTrips() {
        INDArray m = Tensors.matrix(SIX, 2, 3);
        assertEquals(2f, m.getFloat(0, 1), 0f);
        assertEquals(4f, m.getFloat(1, 0), 0f);
        assertArrayEquals(SIX, Tensors.toArray(m), 0f);
    }

    @Test
    public void toArrayCopiesViewsAndColumnMajorMatricesInRowMajorOrder() {
        INDArray m = Tensors.matrix(SIX, 2, 3);
        assertArrayEquals(new float[] {1, 4, 2, 5, 3, 6}, Tensors.toArray(m.transpose()), 0f);
        assertArrayEquals(new float[] {2, 3, 5, 6}, Tensors.toArray(m.get(NDArrayIndex.all(), NDArrayIndex.interval(1, 3))), 0f);
        assertArrayEquals(new float[] {4, 5, 6}, Tensors.toArray(m.getRow(1, true)), 0f);
        assertArrayEquals(SIX, Tensors.toArray(m.dup('f')), 0f);
    }

    @Test
    public void denseRowsAreTheRowsOfTheSparseMatrixInEveryBlockLayout() {
        Random r = new Random(7);
        // 3 columns: many rows per block; 70,000 columns: one row per block (more floats than a block holds)
        for (int cols : new int[] {3, 2_000, 70_000}) {
            int rows = cols == 70_000 ? 5 : 1_100;
            float[][] dense = new float[rows][cols];
            for (float[] row : dense) {
                for (int j = 0; j < cols; j++) {
                    row[j] = r.nextInt(3) == 0 ? r.nextFloat() * 9 - 4 : 0f;
                }
            }
            SparseMatrix x = SparseMatrix.fromDense(dense);
            int from = 2;
            int count = rows - 3;
            float[] expected = new float[count * cols];
            x.denseRange(from, count, expected);
            assertArrayEquals(cols + " columns", expected, Tensors.toArray(Tensors.denseRows(x, from, count)), 0f);
            try (Scratch scratch = new Scratch("tensors-test"); MemoryWorkspace ws = scratch.step()) {
                assertArrayEquals(cols + " columns, in a workspace", expected,
                        Tensors.toArray(Tensors.denseRows(x, from, count)), 0f);
            }
        }
        assertEquals(0, Tensors.denseRows(SparseMatrix.fromDense(new float[0][0]), 0, 0).length());
    }

    @Test
    public void matrixRejectsAWrongNumberOfValues() {
        assertThrows(IllegalArgumentException.class, () -> Tensors.matrix(SIX, 2, 2));
    }

    @Test
    public void columnSumsAndTheirAccumulation() {
        INDArray m = Tensors.matrix(SIX, 2, 3);
        assertArrayEquals(new float[] {5, 7, 9}, Tensors.toArray(Tensors.columnSums(m)), 0f);
        INDArray acc = Tensors.matrix(new float[] {1, 1, 1}, 1, 3);
        Tensors.addColumnSums(m, acc);
        assertArrayEquals(new float[] {6, 8, 10}, Tensors.toArray(acc), 0f);
    }

    @Test
    public void positiveMaskIsOneExactlyWhereAboveZero() {
        INDArray m = Tensors.matrix(new float[] {-1, 0, 0.5f, 2}, 2, 2);
        assertArrayEquals(new float[] {0, 0, 1, 1}, Tensors.toArray(Tensors.positiveMask(m)), 0f);
    }

    @Test
    public void assignmentsFromScratchStepsIntoOutsideArraysPersist() {
        INDArray kept = Tensors.zeros(1, 3);
        try (Scratch scratch = new Scratch("test")) {
            for (int step = 1; step <= 3; step++) {
                try (MemoryWorkspace ws = scratch.step()) {
                    INDArray temp = Tensors.matrix(new float[] {step, step, step}, 1, 3);
                    kept.addi(temp); // the result lives in the outside array
                }
            }
        }
        assertArrayEquals(new float[] {6, 6, 6}, Tensors.toArray(kept), 0f);
    }

    @Test
    public void rowCopiesRoundTripForOutsideAndScratchArraysAndRefuseOtherShapes() {
        float[][] rows = {{1, 2, 3}, {4, 5, 6}};
        INDArray outside = Tensors.zeros(2, 3);
        Tensors.copyFromRows(rows, outside);
        assertArrayEquals(SIX, Tensors.toArray(outside), 0f);
        try (Scratch scratch = new Scratch("test-rows")) {
            for (int step = 0; step < 2; step++) { // the second step's arrays lie further into the workspace
                try (MemoryWorkspace ws = scratch.step()) {
                    INDArray first = Tensors.matrix(new float[] {9, 9, 9, 9, 9, 9}, 2, 3);
                    INDArray m = Tensors.zeros(2, 3);
                    Tensors.copyFromRows(rows, m);
                    float[][] back = new float[2][3];
                    Tensors.copyToRows(m, back);
                    assertArrayEquals(rows[1], back[1], 0f);
                    assertArrayEquals("the array before is untouched", new float[] {9, 9, 9, 9, 9, 9},
                            Tensors.toArray(first), 0f);
                }
            }
        }
        float[][] transposed = new float[3][2];
        Tensors.copyToRows(outside.transpose(), transposed); // a view is copied first
        assertArrayEquals(new float[] {3, 6}, transposed[2], 0f);
        assertThrows(IllegalArgumentException.class, () -> Tensors.copyToRows(outside, new float[3][2]));
        assertThrows(IllegalArgumentException.class, () -> Tensors.copyFromRows(new float[2][3], outside.transpose()));
    }
}
