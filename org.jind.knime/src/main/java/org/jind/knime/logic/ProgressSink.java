package org.jind.knime.logic;

/**
 * Where progress goes and where cancellation comes from; the nodes implement it over KNIME's
 * ExecutionMonitor, tests over a list.
 */
public interface ProgressSink {
    /** Shows nothing and is never cancelled. */
    ProgressSink NONE = new ProgressSink() {
        @Override
        public void progress(double fraction, String message) {
            // nowhere to show it
        }

        @Override
        public boolean isCancelled() {
            return false;
        }
    };

    /** Overall progress in [0, 1] with a status line. */
    void progress(double fraction, String message);

    /** True once the user has cancelled. */
    boolean isCancelled();

    /** A view that maps [0, 1] onto [from, to] of this sink, for one step of a node. */
    default ProgressSink range(double from, double to) {
        ProgressSink parent = this;
        return new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
                parent.progress(from + Math.max(0, Math.min(1, fraction)) * (to - from), message);
            }

            @Override
            public boolean isCancelled() {
                return parent.isCancelled();
            }
        };
    }
}
