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

/** Writes annotations as CSV: cell id, raw prediction, prediction (or Unassigned), confidence, probabilities. */
final class PredictionsCsv {
    private PredictionsCsv() {
    }

    static void write(Path file, String[] cellIds, Annotation a, boolean probabilities) {
        try {
            AtomicFiles.write(file, tmp -> {
                try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    w.write("cell_id,raw_prediction,prediction,confidence");
                    if (probabilities) {
                        for (String c : a.classes()) {
                            w.write(",prob_" + quote(c));
                        }
                    }
                    w.newLine();
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
            });
        } catch (IOException e) {
            throw new JindException("Cannot write " + file + ": " + Errors.describe(e) + ".", e);
        }
    }

    private static String quote(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
