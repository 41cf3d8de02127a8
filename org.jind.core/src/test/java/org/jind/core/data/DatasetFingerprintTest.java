package org.jind.core.data;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;

import java.util.Map;

import org.junit.Test;

public class DatasetFingerprintTest {

    private static Dataset cells(String... ids) {
        float[][] x = new float[ids.length][1];
        return new Dataset(SparseMatrix.fromDense(x), ids, new String[] {"g"}, Map.of(), "test");
    }

    @Test
    public void fingerprintIgnoresRowOrderButNotTheCells() {
        assertEquals(cells("a", "b", "c").cellIdFingerprint(), cells("c", "a", "b").cellIdFingerprint());
        assertNotEquals(cells("a", "b", "c").cellIdFingerprint(), cells("a", "b", "d").cellIdFingerprint());
        assertNotEquals(cells("a", "b").cellIdFingerprint(), cells("a", "b", "c").cellIdFingerprint());
        assertEquals(16, cells("a").cellIdFingerprint().length());
    }
}
