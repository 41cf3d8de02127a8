package org.jind.core.nn;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.Test;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

public class LaneTest {

    @Test
    public void inlineRunsEachTaskWhenItIsForked() {
        List<String> ran = new ArrayList<>();
        Lane.Task<String> t = Lane.INLINE.fork(() -> {
            ran.add(Thread.currentThread().getName());
            return "done";
        });
        assertEquals(List.of(Thread.currentThread().getName()), ran);
        assertEquals("done", t.join());
    }

    @Test
    public void aThreadLaneRunsTasksElsewhereInTheOrderTheyWereForked() {
        List<Integer> order = Collections.synchronizedList(new ArrayList<>());
        try (Lane lane = Lane.of(2, "test")) {
            List<Lane.Task<String>> tasks = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                tasks.add(lane.fork(() -> {
                    order.add(n);
                    return Thread.currentThread().getName();
                }));
            }
            for (Lane.Task<String> t : tasks) {
                assertEquals("jind-test-lane", t.join());
            }
            assertNotEquals("jind-test-lane", Thread.currentThread().getName());
        }
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            expected.add(i);
        }
        assertEquals(expected, order);
    }

    @Test
    public void aTasksFailureIsThrownByJoin() {
        IllegalArgumentException thrown = new IllegalArgumentException("bad");
        try (Lane lane = Lane.of(2, "test")) {
            Lane.Task<Void> t = lane.fork(() -> {
                throw thrown;
            });
            try {
                t.join();
                fail();
            } catch (IllegalArgumentException e) {
                assertSame(thrown, e);
            }
            // the lane goes on working
            assertEquals(Integer.valueOf(3), lane.fork(() -> 3).join());
        }
    }

    @Test
    public void arraysMadeOnTheLaneStayValidUntilTheStepEnds() {
        try (Lane lane = Lane.of(2, "test"); Scratch scratch = new Scratch("lane-test")) {
            for (int step = 0; step < 3; step++) {
                float f = step;
                try (MemoryWorkspace ws = scratch.step()) {
                    INDArray mine = Tensors.matrix(new float[] {1, 2, 3, 4}, 2, 2);
                    // made in the lane's own scratch memory, from an array of this thread's
                    INDArray theirs = lane.fork(() -> mine.mul(10f).addi(f)).join();
                    INDArray more = lane.fork(() -> Nd4j.ones(org.nd4j.linalg.api.buffer.DataType.FLOAT, 2, 2)).join();
                    assertArrayEquals(new float[] {10 + f, 20 + f, 30 + f, 40 + f}, Tensors.toArray(theirs), 0f);
                    assertArrayEquals(new float[] {1, 1, 1, 1}, Tensors.toArray(more), 0f);
                    lane.endStep();
                }
            }
        }
    }
}
