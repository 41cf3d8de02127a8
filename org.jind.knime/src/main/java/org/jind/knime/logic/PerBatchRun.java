package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jind.core.JindException;
import org.jind.core.PerBatch;
import org.jind.core.data.Dataset;

/**
 * Align Batch and Self-train JIND+ with a <i>Batch column</i>: the table's batches, how many run at once, and
 * running them with {@link PerBatch} (each batch on its own worker thread with the single-threaded kernels, so its
 * numbers are those of running its rows alone) while one progress bar shows them all.
 */
public final class PerBatchRun {
    /** The <i>Batches at once</i> value meaning "as many as the executor has cores". */
    public static final int AUTOMATIC = 0;

    private PerBatchRun() {
    }

    /**
     * The batches of the column {@code key} of {@code data} (read as an annotation), in alphabetical order; a
     * row without a batch is refused naming it.
     *
     * @param label the column's name in the user's words (e.g. "batch column 'donor'")
     */
    public static List<String> batches(Dataset data, String key, String label) {
        String[] column = data.obs(key);
        Set<String> batches = new TreeSet<>();
        for (int i = 0; i < column.length; i++) {
            if (column[i] == null) {
                throw new JindException("Row '" + data.cellId(i) + "' has no value in the " + label + "; filter such"
                        + " rows out or give them a batch (e.g. with a Missing Value node).");
            }
            batches.add(column[i]);
        }
        return List.copyOf(batches);
    }

    /**
     * How many batches run side by side: the setting, or with {@link #AUTOMATIC} one per core, at most one per
     * batch. Side by side only with single-threaded kernels ({@code kernelThreads == 1}, KNIME's default): ND4J's
     * thread count is the process's, and several multi-threaded batches would share (and oversubscribe) the same
     * cores, so with {@code -Djind.threads} above 1 the batches run one after the other, each on those threads.
     */
    public static int workers(int setting, int batches, int kernelThreads, int cores) {
        if (kernelThreads > 1) {
            return 1;
        }
        int wanted = setting == AUTOMATIC ? cores : setting;
        return Math.max(1, Math.min(wanted, batches));
    }

    /** A warning when {@code setting} asked for batches side by side that the kernels' threads rule out, else null. */
    public static String workersWarning(int setting, int batches, int kernelThreads) {
        if (kernelThreads <= 1 || setting == 1 || batches < 2) {
            return null;
        }
        return "The batches ran one after the other, each on " + kernelThreads + " threads: this KNIME computes with"
                + " -Djind.threads=" + kernelThreads + ", and batches run side by side only with single-threaded"
                + " computations (remove -Djind.threads from knime.ini to run " + (setting == AUTOMATIC
                        ? "one batch per core" : setting + " batches at once") + ").";
    }

    /** The results of the batches in their order, and every batch's warnings (each once, naming its batch). */
    public record Results<T>(List<T> results, List<String> warnings) {
    }

    /**
     * Runs {@code task} for each batch, {@code workers} at a time; {@code sink} shows the mean of the batches'
     * progress with the latest batch's status line, and its cancel stops them all, as does the first failure.
     */
    public static <T> Results<T> run(List<String> batches, int workers, ProgressSink sink, PerBatch.Task<T> task) {
        double[] done = new double[batches.size()];
        List<ProgressAdapter> adapters = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            int index = i;
            String batch = batches.get(i);
            adapters.add(new ProgressAdapter(new ProgressSink() {
                @Override
                public void progress(double fraction, String message) {
                    double mean;
                    synchronized (done) {
                        done[index] = Math.max(0, Math.min(1, fraction));
                        double sum = 0;
                        for (double d : done) {
                            sum += d;
                        }
                        mean = sum / done.length;
                    }
                    sink.progress(mean, "Batch '" + batch + "' (" + (index + 1) + " of " + done.length + "): "
                            + message);
                }

                @Override
                public boolean isCancelled() {
                    return sink.isCancelled();
                }
            }));
        }
        // the task's progress reaches its batch's adapter, which keeps the batch's warnings
        List<T> results = PerBatch.run(batches, workers, b -> adapters.get(batches.indexOf(b)), task);
        Set<String> warnings = new LinkedHashSet<>();
        for (int i = 0; i < batches.size(); i++) {
            for (String w : adapters.get(i).warnings()) {
                warnings.add("Batch '" + batches.get(i) + "': " + w);
            }
        }
        return new Results<>(results, List.copyOf(warnings));
    }
}
