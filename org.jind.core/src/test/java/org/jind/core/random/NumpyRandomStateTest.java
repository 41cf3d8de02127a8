package org.jind.core.random;

import static org.junit.Assert.assertArrayEquals;

import org.junit.Test;

/** The expected numbers are what NumPy 1.24 prints for the commented calls. */
public class NumpyRandomStateTest {

    @Test
    public void permutationMatchesNumpy() {
        // np.random.RandomState(0).permutation(10)
        assertArrayEquals(new int[] {2, 8, 4, 9, 1, 6, 7, 3, 0, 5}, new NumpyRandomState(0).permutation(10));
    }

    @Test
    public void randintMatchesNumpy() {
        // np.random.RandomState(0).randint(0, 10, 5); np.random.seed(3); np.random.randint(0, 480, 6)
        assertArrayEquals(new int[] {5, 0, 3, 3, 7}, new NumpyRandomState(0).randint(10, 5));
        assertArrayEquals(new int[] {362, 152, 249, 131, 440, 456}, new NumpyRandomState(3).randint(480, 6));
    }
}
