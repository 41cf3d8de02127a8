package org.jind.knime.logic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.sim.Simulator;

/**
 * Not a test: prints how Annotate &amp; Reject's row-by-row path ({@link StreamingAnnotator}) scales, for the
 * closing notes. Streams {@code cells} simulated cells (the source's cells over and over, new ids) through the
 * annotator, the rows dropped once annotated as KNIME's streaming executor hands them on, and prints cells/s and
 * the process's peak RSS. Run once per size in a fresh JVM: peak RSS should not grow with the cells.
 *
 * <pre>java -cp ... org.jind.knime.logic.StreamingAnnotatorBenchmark CELLS GENES [latent]</pre>
 */
public final class StreamingAnnotatorBenchmark {
    private StreamingAnnotatorBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int cells = Integer.parseInt(args[0]);
        int genes = Integer.parseInt(args[1]);
        boolean latent = args.length > 2 && args[2].equals("latent");
        Dataset source = Simulator.simulate(new Simulator.Settings(1000, genes, 5, 1, 0.3, 0.3, 0.05, false, 3));
        JindModel model = Jind.train(source, "cell_type", null, new TrainSettings(genes, 2, 128, 1e-3, 0.2, 0),
                Progress.NONE);
        List<TinyJind.Row> rows = TinyJind.rows(source);
        GeneColumns.ForModel g = GeneColumns.readForModel(columns(source), model);
        long rssBefore = peakRssKb();
        if (args.length > 2 && args[2].equals("core")) { // the core alone on the source's cells, for comparison
            long t0 = System.nanoTime();
            int n = 0;
            while (n < cells) {
                n += Jind.annotate(model, source, 0.05, false, Progress.NONE).cells();
            }
            System.out.printf(Locale.ROOT, "core Jind.annotate: %d cells in %.1fs, nonzero fraction %.3f%n", n,
                    (System.nanoTime() - t0) / 1e9, source.matrix().nonZeros() / ((double) source.cells() * genes));
            return;
        }
        StreamingAnnotator a = new StreamingAnnotator(model, g.names(), 0.05, MissingValuePolicy.FAIL, true, latent,
                StreamingAnnotator.CHUNK_ROWS, true);
        double[] values = new double[g.names().length];
        long sink = 0;
        long inAnnotate = 0;
        long start = System.nanoTime();
        for (int i = 0; i < cells; i++) {
            TinyJind.Row r = rows.get(i % rows.size());
            for (int j = 0; j < g.columns().length; j++) {
                values[j] = r.values()[g.columns()[j]];
            }
            if (a.add("cell" + i, values)) {
                long t = System.nanoTime();
                sink += a.annotateChunk().length;
                inAnnotate += System.nanoTime() - t;
            }
        }
        sink += a.annotateChunk().length;
        double s = (System.nanoTime() - start) / 1e9;
        System.out.printf(Locale.ROOT, "cells=%d genes=%d latent=%s annotated=%d time=%.1fs cells/s=%.0f"
                + " (annotating chunks %.1fs) peakRSS(before)=%d MB peakRSS(after)=%d MB%n", cells, genes, latent, sink, s,
                cells / s, inAnnotate / 1e9,
                rssBefore / 1024, peakRssKb() / 1024);
    }

    private static List<ColumnInfo> columns(Dataset d) {
        return java.util.Arrays.stream(d.genes()).map(ColumnInfo::numeric).toList();
    }

    /** The process's peak resident set size (VmHWM), in kB; ND4J allocates off the Java heap. */
    private static long peakRssKb() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
