package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jind.core.Progress;

/**
 * The core's {@link Progress} over a {@link ProgressSink}: stage reports become status lines (the core's
 * messages carry the epoch and losses), cancellation is polled from the sink (the core checks at least once
 * per epoch and then throws {@link Progress.CancelledException}), and warnings are kept for the node's
 * warning message.
 */
public final class ProgressAdapter implements Progress {
    private final ProgressSink sink;
    private final Set<String> warnings = new LinkedHashSet<>();

    public ProgressAdapter(ProgressSink sink) {
        this.sink = sink;
    }

    @Override
    public void report(String stage, double fraction, String message) {
        sink.progress(fraction, stageName(stage) + ": " + message);
    }

    @Override
    public boolean isCancelled() {
        return sink.isCancelled();
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    /** The warnings so far, each once, in order. */
    public List<String> warnings() {
        return new ArrayList<>(warnings);
    }

    static String stageName(String stage) {
        return switch (stage) {
            case "train" -> "Training";
            case "align" -> "Aligning";
            case "selftrain" -> "Self-training";
            default -> stage;
        };
    }
}
