package org.jind.core.nn;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

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
}
