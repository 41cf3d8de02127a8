package org.jind.core.cli;

import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;

import org.jind.core.Progress;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, one line per epoch otherwise (logs, CI);
 * nothing but warnings with --quiet. Several batches at work report through {@link #forBatch}, each line naming
 * its batch; lines are whole whichever thread prints them.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream err = System.err;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private final Map<String, String> lastStage = new HashMap<>(); // per batch ("" for none)
    private boolean lineOpen;

    ConsoleProgress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void report(String stage, double fraction, String message) {
        report("", stage, fraction, message);
    }

    /** This progress for one of several batches at work: its lines start with the batch's name. */
    Progress forBatch(String batch) {
        return new Progress() {
            @Override
            public void report(String stage, double fraction, String message) {
                ConsoleProgress.this.report(batch, stage, fraction, message);
            }

            @Override
            public void warn(String message) {
                ConsoleProgress.this.warn(batch + ": " + message);
            }
        };
    }

    private synchronized void report(String batch, String stage, double fraction, String message) {
        if (quiet) {
            return;
        }
        boolean epochDone = message.contains(" val ") || message.contains("best");
        String text = batch.isEmpty() ? message : batch + ": " + message;
        if (terminal) {
            int width = 24;
            int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
            err.print("\r" + String.format("%-9s [%s%s] %3.0f%%  %s", stage, "#".repeat(filled), " ".repeat(width - filled),
                    fraction * 100, text) + "\u001b[K");
            lineOpen = true;
            if (fraction >= 1 && epochDone) {
                err.println();
                lineOpen = false;
            }
        } else if (epochDone || !stage.equals(lastStage.get(batch))) {
            err.println(String.format("%-9s %3.0f%%  %s", stage, fraction * 100, text));
        }
        lastStage.put(batch, stage);
        err.flush();
    }

    @Override
    public synchronized void warn(String message) {
        endLine();
        err.println("warning: " + message);
    }

    /** A line for the user about what is done (not a problem); none with --quiet. */
    synchronized void note(String message) {
        if (!quiet) {
            endLine();
            err.println(message);
        }
    }

    synchronized void endLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }
}
