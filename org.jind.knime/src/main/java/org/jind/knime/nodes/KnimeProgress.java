package org.jind.knime.nodes;

import org.jind.core.Progress;
import org.jind.knime.logic.ProgressSink;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;

/** {@link ProgressSink} over KNIME's ExecutionMonitor, and the mapping of the core's cancellation to KNIME's. */
public final class KnimeProgress implements ProgressSink {
    private final ExecutionMonitor exec;

    public KnimeProgress(ExecutionMonitor exec) {
        this.exec = exec;
    }

    @Override
    public void progress(double fraction, String message) {
        exec.setProgress(fraction, message);
    }

    @Override
    public boolean isCancelled() {
        try {
            exec.checkCanceled();
            return false;
        } catch (CanceledExecutionException e) {
            return true;
        }
    }

    /** Throws KNIME's cancellation if the user has cancelled (between rows, between steps). */
    public static void checkCanceled(ProgressSink sink) throws CanceledExecutionException {
        if (sink.isCancelled()) {
            throw new CanceledExecutionException("Cancelled by the user.");
        }
    }

    /**
     * Runs a core call; the core's cancellation becomes KNIME's, so the node ends as cancelled (resettable,
     * nothing half-written) rather than failed.
     */
    public static <T> T run(CoreCall<T> call) throws CanceledExecutionException {
        try {
            return call.run();
        } catch (Progress.CancelledException e) {
            throw new CanceledExecutionException("Cancelled by the user.");
        }
    }

    /** A long core computation. */
    @FunctionalInterface
    public interface CoreCall<T> {
        T run();
    }
}
