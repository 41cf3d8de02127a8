package org.jind.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.jind.core.sim.Simulator;

/**
 * Prints how long the wide-CSV reader takes on a 5,000-cell × 2,000-gene file (simulated counts, written by
 * {@link DelimitedWriter}), best of five reads. A benchmark, not a test: it prints figures and asserts nothing.
 * Run: {@code java -cp <test and runtime class path> org.jind.core.data.CsvReadBenchmark [file.csv]}.
 */
public final class CsvReadBenchmark {
    private CsvReadBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file;
        if (args.length > 0) {
            file = Path.of(args[0]);
        } else {
            file = Files.createTempDirectory("jind-csv").resolve("wide.csv");
            DelimitedWriter.write(Simulator.simulate(new Simulator.Settings(2500, 2000, 10, 2, 0.3, 0.3, 0.03, false,
                    0)), file);
        }
        double best = Double.MAX_VALUE;
        for (int r = 0; r < 5; r++) {
            long t = System.nanoTime();
            Dataset d = DatasetReader.read(file, null, Set.of("cell_type", "batch"));
            double s = (System.nanoTime() - t) / 1e9;
            best = Math.min(best, s);
            System.out.printf(Locale.ROOT, "read %d: %.2f s (%d cells × %d genes)%n", r + 1, s, d.cells(),
                    d.genes().length);
        }
        System.out.printf(Locale.ROOT, "best of 5: %.2f s for %.1f MB%n", best, Files.size(file) / 1e6);
    }
}
