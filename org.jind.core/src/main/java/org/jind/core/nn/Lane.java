package org.jind.core.nn;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * A second thread for work that does not depend on what the caller computes meanwhile (two passes over different
 * minibatches, the two MLPs of the generator), or no thread at all: {@link #INLINE} runs each task at once on the
 * caller's thread. Either way every array is computed by the same operations on the same inputs, so the numbers
 * do not depend on the lane; only who computes them does. Tasks run one after the other in the order they were
 * forked, so two tasks that add into the same gradient add in that order.
 * <p>
 * The thread has its own {@link Scratch}: arrays a task makes there stay valid until the caller's {@link #step()}
 * closes, so the caller may read them after {@link Task#join()}. A task must not draw random numbers (the caller
 * draws, in the reference's order) and must not touch what the caller changes before joining it.
 */
public final class Lane implements AutoCloseable {
    /** No second thread: each task runs when it is forked. */
    public static final Lane INLINE = new Lane(null, null);

    private final ExecutorService thread;
    private final Scratch scratch;
    private MemoryWorkspace open; // the thread's open step (touched only on that thread)

    private Lane(ExecutorService thread, Scratch scratch) {
        this.thread = thread;
        this.scratch = scratch;
    }

    /** {@code lanes} 2: a lane on its own thread, {@code purpose} naming it and its scratch memory; 1: {@link #INLINE}. */
    public static Lane of(int lanes, String purpose) {
        if (lanes < 1 || lanes > 2) {
            throw new IllegalArgumentException("lanes " + lanes);
        }
        if (lanes == 1) {
            return INLINE;
        }
        ExecutorService t = Executors.newSingleThreadExecutor(r -> {
            Thread th = new Thread(r, "jind-" + purpose + "-lane");
            th.setDaemon(true);
            return th;
        });
        return new Lane(t, new Scratch(purpose + "-lane")); // its steps open on the lane's thread, so they are its own
    }

    /** Whether tasks run on a second thread. */
    public boolean isThread() {
        return thread != null;
    }

    /** A task's result, once it has run. */
    public static final class Task<T> {
        private final T done;
        private final Future<T> future;

        private Task(T done, Future<T> future) {
            this.done = done;
            this.future = future;
        }

        /** Waits for the task; its failure is rethrown here as it was thrown there. */
        public T join() {
            if (future == null) {
                return done;
            }
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for a lane", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** Runs {@code work} on the lane (inline: now), in the order of forking. */
    public <T> Task<T> fork(Supplier<T> work) {
        if (thread == null) {
            return new Task<>(work.get(), null);
        }
        return submit(() -> {
            if (open == null) {
                open = scratch.step();
            }
            return work.get();
        });
    }

    /** {@link #fork(Supplier)} for work without a result. */
    public Task<Void> fork(Runnable work) {
        return fork(() -> {
            work.run();
            return null;
        });
    }

    private <T> Task<T> submit(Supplier<T> work) {
        return new Task<>(null, thread.submit(work::get));
    }

    /**
     * Ends a step of the caller's loop: waits for the lane's tasks, then frees its arrays for the next step. Call it
     * where the caller's own {@link Scratch} step closes.
     */
    public void endStep() {
        if (thread != null) {
            submit(() -> {
                if (open != null) {
                    open.close();
                    open = null;
                }
                return null;
            }).join();
        }
    }

    /** Ends the thread and frees its memory. */
    @Override
    public void close() {
        if (thread != null) {
            try {
                endStep();
                submit(() -> {
                    scratch.close();
                    return null;
                }).join();
            } finally {
                thread.shutdownNow();
            }
        }
    }
}
