package org.jind.core.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.jind.core.JindException;
import org.jind.core.annotate.Annotation;
import org.jind.core.util.AtomicFiles;
import org.jind.core.util.Errors;

/**
 * Writes annotations as CSV: cell id, raw prediction, prediction (or Unassigned), confidence, and with
 * probabilities one {@code prob_<type>} column per cell type. Quoting is Commons CSV's (RFC 4180): a field with a
 * comma, quote or line break is quoted as a whole, so {@code prob_T, CD4} is one header field. Rows can be added
 * chunk by chunk as cells are annotated; a file appears only when complete (a pipe or standard output gets the
 * rows as they come).
 */
final class PredictionsCsv {
    /** RFC 4180 with Unix line ends, as the files were written before. */
    static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();

    private PredictionsCsv() {
    }

    /** Adds the rows of annotated cells to the file being written. */
    static final class Rows {
        private final CSVPrinter csv;
        private final boolean probabilities;

        private Rows(CSVPrinter csv, boolean probabilities) {
            this.csv = csv;
            this.probabilities = probabilities;
        }

        void add(String[] cellIds, Annotation a) throws IOException {
            int k = a.classes().length;
            for (int i = 0; i < a.cells(); i++) {
                csv.print(cellIds[i]);
                csv.print(a.rawLabel(i));
                csv.print(a.predictedLabel(i));
                csv.print(Float.toString(a.confidence()[i]));
                if (probabilities) {
                    for (int c = 0; c < k; c++) {
                        csv.print(Float.toString(a.probabilities()[i * k + c]));
                    }
                }
                csv.println();
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
            AtomicFiles.writeStream(file, out -> {
                try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
                        CSVPrinter csv = new CSVPrinter(w, FORMAT)) {
                    csv.print("cell_id");
                    csv.print("raw_prediction");
                    csv.print("prediction");
                    csv.print("confidence");
                    if (probabilities) {
                        for (String c : classes) {
                            csv.print("prob_" + c);
                        }
                    }
                    csv.println();
                    body.write(new Rows(csv, probabilities));
                }
            });
        } catch (IOException e) {
            throw new JindException("Cannot write " + file + ": " + Errors.describe(e) + ".", e);
        }
    }
}
