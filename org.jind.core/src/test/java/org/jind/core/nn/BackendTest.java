package org.jind.core.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.jind.core.JindException;
import org.junit.Test;
import org.nd4j.linalg.factory.Nd4j;

public class BackendTest {
    @Test
    public void openBlasKernelsFollowTheProcessorFlags() {
        assertEquals("SkylakeX", Backend.bestOpenBlasCore(List.of("fma", "avx2", "avx512f", "avx512cd", "avx512bw",
                "avx512dq", "avx512vl")));
        // without one of the five AVX-512 subsets, the AVX2 kernels
        assertEquals("Haswell", Backend.bestOpenBlasCore(List.of("fma", "avx2", "avx512f", "avx512cd", "avx512dq",
                "avx512vl")));
        assertNull(Backend.bestOpenBlasCore(List.of("sse4_2", "avx")));
    }

    @Test
    public void theThreadCountIsFixedOncePerProcess() {
        int n = Backend.threads(); // fixed by the first computation of this test JVM (1 unless the property says)
        assertEquals(n, Nd4j.getEnvironment().maxMasterThreads());
        Backend.useThreads(n); // the same count again is harmless
        try {
            Backend.useThreads(n + 1);
            fail("a second count was accepted");
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("already computes with " + n + " thread"));
        }
        assertEquals(n, Backend.threads());
    }

    @Test
    public void theThreadPropertyIsCheckedWithASentence() {
        String old = System.getProperty(Backend.THREADS_PROPERTY);
        try {
            System.clearProperty(Backend.THREADS_PROPERTY);
            assertEquals(1, Backend.threadsFromProperty());
            System.setProperty(Backend.THREADS_PROPERTY, " 3 ");
            assertEquals(3, Backend.threadsFromProperty());
            for (String bad : new String[] {"0", "two", "-1"}) {
                System.setProperty(Backend.THREADS_PROPERTY, bad);
                try {
                    Backend.threadsFromProperty();
                    fail(bad + " was accepted");
                } catch (JindException e) {
                    assertTrue(e.getMessage(), e.getMessage().contains("jind.threads must be a whole number of at least"
                            + " 1 (it is '" + bad + "')"));
                }
            }
        } finally {
            if (old == null) {
                System.clearProperty(Backend.THREADS_PROPERTY);
            } else {
                System.setProperty(Backend.THREADS_PROPERTY, old);
            }
        }
    }
}
