package org.jind.core.cli;

import java.util.Locale;

import org.jind.core.eval.Metrics;

/** Human-readable evaluation report. */
final class Report {
    private Report() {
    }

    static String metrics(Metrics m) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "cells %d   raw accuracy %.4f   rejected %.4f   effective accuracy %.4f%n",
                m.cells(), m.raw(), m.rej(), m.eff()));
        sb.append(String.format(Locale.ROOT, "F1: mean %.4f   median %.4f   weighted %.4f%n%n", m.meanF1(), m.medianF1(),
                m.weightedF1()));
        sb.append(String.format(Locale.ROOT, "%-24s %8s %9s %7s %7s %7s%n", "cell type", "support", "precision", "recall",
                "F1", "AP"));
        for (Metrics.ClassScore s : m.perClass()) {
            sb.append(String.format(Locale.ROOT, "%-24s %8d %9.3f %7.3f %7.3f %7s%n", s.label(), s.support(), s.precision(),
                    s.recall(), s.f1(), Double.isNaN(s.averagePrecision()) ? "-" : String.format(Locale.ROOT, "%.3f",
                            s.averagePrecision())));
        }
        sb.append("\nconfusion (rows: true type, fractions of the row; columns: prediction)\n");
        sb.append(String.format("%-24s", ""));
        for (String c : m.predictedColumns()) {
            sb.append(String.format(" %10s", abbreviate(c)));
        }
        sb.append('\n');
        for (int r = 0; r < m.trueLabels().length; r++) {
            sb.append(String.format("%-24s", abbreviate(m.trueLabels()[r])));
            for (double v : m.confusion()[r]) {
                sb.append(String.format(Locale.ROOT, " %10.3f", v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String abbreviate(String s) {
        return s.length() <= 22 ? s : s.substring(0, 21) + "…";
    }
}
