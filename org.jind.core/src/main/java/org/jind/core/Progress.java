package org.jind.core;

/**
 * The one callback through which long work reports progress and learns that it should stop.
 * The CLI maps it to a progress bar, the KNIME nodes to their ExecutionMonitor.
 */
public interface Progress {

    /** Reports how far a stage is ({@code fraction} in [0, 1]) with a short status line. */
    void report(String stage, double fraction, String message);

    /** True when the user asked to stop; long loops check it at least once per epoch. */
    default boolean isCancelled() {
        return false;
    }

    /** Throws {@link CancelledException} if the user asked to stop. */
    default void checkCancelled() {
        if (isCancelled()) {
            throw new CancelledException();
        }
    }

    /** Warnings that should reach the user without stopping the work. */
    default void warn(String message) {
    }

    Progress NONE = (stage, fraction, message) -> { };

    /** Thrown when a run is stopped by the user; nothing half-done is written. */
    final class CancelledException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CancelledException() {
            super("cancelled by the user");
        }
    }
}
