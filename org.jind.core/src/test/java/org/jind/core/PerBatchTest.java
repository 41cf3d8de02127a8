package org.jind.core;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.Test;

/** Batches at work side by side: results in the batches' order, and one failure or a cancel stops them all. */
public class PerBatchTest {
    @Test
    public void resultsComeInTheBatchesOrderFromSeveralThreads() {
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch both = new CountDownLatch(2);
        List<String> r = PerBatch.run(List.of("b1", "b2", "b3"), 2, b -> Progress.NONE, (b, p) -> {
            threads.add(Thread.currentThread().getName() + Thread.currentThread().getId());
            if (!b.equals("b3")) {
                both.countDown();
                try {
                    // b1 and b2 run at the same time: each waits for the other
                    assertTrue("two batches at once", both.await(10, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }
            return b.toUpperCase();
        });
        assertEquals(List.of("B1", "B2", "B3"), r);
        assertEquals(2, threads.size());
    }

    @Test
    public void theFirstFailureStopsTheOthersAndIsWhatTheCallerGets() {
        List<String> stopped = Collections.synchronizedList(new ArrayList<>());
        try {
            PerBatch.run(List.of("slow", "bad"), 2, b -> Progress.NONE, (b, p) -> {
                if (b.equals("bad")) {
                    throw new JindException("batch 'bad' holds no cells.");
                }
                long end = System.nanoTime() + 20_000_000_000L;
                while (System.nanoTime() < end) {
                    try {
                        p.checkCancelled();
                    } catch (Progress.CancelledException e) {
                        stopped.add(b);
                        throw e;
                    }
                    Thread.onSpinWait();
                }
                return b;
            });
            fail("the failure should reach the caller");
        } catch (JindException e) {
            assertEquals("batch 'bad' holds no cells.", e.getMessage());
        }
        assertEquals(List.of("slow"), stopped);
    }

    @Test
    public void theUsersCancelStopsEveryBatch() {
        Progress cancelled = new Progress() {
            @Override
            public void report(String stage, double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return true;
            }
        };
        try {
            PerBatch.run(List.of("b1", "b2"), 2, b -> cancelled, (b, p) -> {
                p.checkCancelled();
                return b;
            });
            fail("cancelled");
        } catch (Progress.CancelledException e) {
            // expected
        }
    }
}
