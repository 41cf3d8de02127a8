package org.jind.core.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.jind.core.JindException;
import org.jind.core.util.Errors;
import org.jind.core.annotate.Annotation;
import org.jind.core.util.AtomicFiles;

/**
 * Writes annotations as CSV: cell id, raw prediction, prediction (or Unassigned), confidence, probabilities.
 * Rows can be added chunk by chunk as cells are annotated; the file appears only when complete.
 */
final class PredictionsCsv {
    private PredictionsCsv() {
    }

    /** Adds the rows of annotated cells to the file being written. */
    static final class Rows {
        private final BufferedWriter w;
        private final boolean probabilities;

        private Rows(BufferedWriter w, boolean probabilities) {
            this.w = w;
            this.probabilities = probabilities;
        }

        void add(String[] cellIds, Annotation a) throws IOException {
            int k = a.classes().length;
            for (int i = 0; i < a.cells(); i++) {
                w.write(quote(cellIds[i]) + "," + quote(a.rawLabel(i)) + "," + quote(a.predictedLabel(i)) + ","
                        + a.confidence()[i]);
                if (probabilities) {
                    for (int c = 0; c < k; c++) {
                        w.write("," + a.probabilities()[i * k + c]);
                    }
                }
                w.newLine();
            }
        }
    }

    /** What fills the file, row by row. */
    @FunctionalInterface
    interface Body {
        void write(Rows rows) throws IOException;
    }

    static void write(Path file, String[] cellIds, Annotation a, boolean probabilities) {
        write(file, a.classes(), probabilities, rows -> rows.add(cellIds, a));
    }

    /**
     * Writes the header, then the rows {@code body} adds; atomically, so when {@code body} fails (bad input, a
     * cancel) nothing is left behind.
     */
    static void write(Path file, String[] classes, boolean probabilities, Body body) {
        try {
            AtomicFiles.write(file, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("cell_id,raw_prediction,prediction,confidence");
                    if (probabilities) {
                        for (String c : classes) {
                            w.write(",prob_" + quote(c));
                        }
                    }
                    w.newLine();
                    body.write(new Rows(w, probabilities));
                }
            });
        } catch (IOException e) {
            throw new JindException("Cannot write " + file + ": " + Errors.describe(e) + ".", e);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
