package org.jind.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * The same work for each of several target batches, {@code workers} batches at a time, each on its own thread.
 * A batch's work never sees another's: it gets only its batch name and its own progress, draws from its own
 * seeded generators and computes with the process's single-threaded numerical kernels, so its numbers are those
 * of running it alone, whatever runs beside it. The first batch that fails stops the others (at their next
 * progress check) and its failure is what the caller gets; so does the user's cancel.
 */
public final class PerBatch {
    /** One batch's work. */
    @FunctionalInterface
    public interface Task<T> {
        T run(String batch, Progress progress);
    }

    private PerBatch() {
    }

    /**
     * Runs {@code task} once per batch and returns the results in the batches' order.
     *
     * @param progressOf each batch's progress (e.g. a status line naming the batch); its cancel stops every batch
     */
    public static <T> List<T> run(List<String> batches, int workers, Function<String, Progress> progressOf,
            Task<T> task) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers " + workers);
        }
        AtomicBoolean stop = new AtomicBoolean();
        List<T> results = new ArrayList<>();
        if (workers == 1 || batches.size() == 1) {
            for (String b : batches) {
                results.add(task.run(b, progressOf.apply(b)));
            }
            return results;
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(workers, batches.size()), r -> {
            Thread t = new Thread(r, "jind-batch");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (String b : batches) {
                Progress own = stoppable(progressOf.apply(b), stop);
                futures.add(pool.submit(() -> {
                    try {
                        return task.run(b, own);
                    } catch (RuntimeException | Error e) {
                        stop.set(true); // the others stop at their next check
                        throw e;
                    }
                }));
            }
            RuntimeException first = null;
            Progress.CancelledException cancelled = null;
            for (Future<T> f : futures) {
                try {
                    results.add(f.get());
                } catch (InterruptedException e) {
                    stop.set(true);
                    Thread.currentThread().interrupt();
                    throw new Progress.CancelledException();
                } catch (ExecutionException e) {
                    Throwable c = e.getCause();
                    if (c instanceof Progress.CancelledException ce) {
                        cancelled = cancelled != null ? cancelled : ce; // the user's, or a sibling's failure
                    } else if (c instanceof Error err) {
                        throw err;
                    } else if (first == null) {
                        first = c instanceof RuntimeException r ? r : new IllegalStateException(c);
                    }
                }
            }
            if (first != null) {
                throw first;
            }
            if (cancelled != null) {
                throw cancelled;
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** {@code p}, also cancelled once another batch has failed. */
    private static Progress stoppable(Progress p, AtomicBoolean stop) {
        return new Progress() {
            @Override
            public void report(String stage, double fraction, String message) {
                p.report(stage, fraction, message);
            }

            @Override
            public boolean isCancelled() {
                return stop.get() || p.isCancelled();
            }

            @Override
            public void warn(String message) {
                p.warn(message);
            }
        };
    }
}
