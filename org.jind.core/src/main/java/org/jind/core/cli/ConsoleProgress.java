package org.jind.core.cli;

import java.io.PrintStream;

import org.jind.core.Progress;

/**
 * Progress on stderr: a bar redrawn in place on a terminal, one line per epoch otherwise (logs, CI);
 * nothing but warnings with --quiet.
 */
final class ConsoleProgress implements Progress {
    private final PrintStream err = System.err;
    private final boolean quiet;
    private final boolean terminal = System.console() != null;
    private String lastStage;
    private boolean lineOpen;

    ConsoleProgress(boolean quiet) {
        this.quiet = quiet;
    }

    @Override
    public void report(String stage, double fraction, String message) {
        if (quiet) {
            return;
        }
        boolean epochDone = message.contains(" val ") || message.contains("best");
        if (terminal) {
            int width = 24;
            int filled = (int) Math.round(Math.max(0, Math.min(1, fraction)) * width);
            err.print("\r" + String.format("%-9s [%s%s] %3.0f%%  %s", stage, "#".repeat(filled), " ".repeat(width - filled),
                    fraction * 100, message) + "\u001b[K");
            lineOpen = true;
            if (fraction >= 1 && epochDone) {
                err.println();
                lineOpen = false;
            }
        } else if (epochDone || !stage.equals(lastStage)) {
            err.println(String.format("%-9s %3.0f%%  %s", stage, fraction * 100, message));
        }
        lastStage = stage;
        err.flush();
    }

    @Override
    public void warn(String message) {
        endLine();
        err.println("warning: " + message);
    }

    /** A line for the user about what is done (not a problem); none with --quiet. */
    void note(String message) {
        if (!quiet) {
            endLine();
            err.println(message);
        }
    }

    void endLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }
}
