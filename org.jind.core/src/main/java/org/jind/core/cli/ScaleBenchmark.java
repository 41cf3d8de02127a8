package org.jind.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.AlignmentSchedule;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.H5adWriter;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.nn.Backend;
import org.jind.core.sim.Simulator;
import org.jind.core.train.Batches;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jind benchmark --scale}: the pipeline's steps on simulated counts of a given size and sparsity, written to
 * an .h5ad file and read back as a user's file would be. Per step: wall time, cells per second and the process's
 * peak resident memory so far (VmHWM; ND4J allocates outside the Java heap, so the heap alone misleads). Prints
 * figures; asserts nothing.
 */
@Command(name = "scale", description = "Time each step of the pipeline (read, train, align, annotate) on simulated"
        + " sparse counts of the given size, with cells/s and peak resident memory after each step.")
final class ScaleBenchmark implements Runnable {
    @Option(names = "--cells", paramLabel = "N", description = "cells per batch; a source and a target batch are"
            + " simulated (default: ${DEFAULT-VALUE})")
    int cells = 10_000;
    @Option(names = "--genes", paramLabel = "N", description = "genes in the file (default: ${DEFAULT-VALUE})")
    int genes = 20_000;
    @Option(names = "--density", paramLabel = "X", description = "fraction of non-zero values; 10x data have"
            + " 0.05–0.12 (default: ${DEFAULT-VALUE})")
    double density = 0.07;
    @Option(names = "--types", paramLabel = "N", description = "cell types (default: ${DEFAULT-VALUE})")
    int types = 10;
    @Option(names = "--genes-kept", paramLabel = "N", description = "top-variance genes the model keeps (train's"
            + " --genes) (default: ${DEFAULT-VALUE})")
    int genesKept = 5000;
    @Option(names = "--epochs", paramLabel = "N", description = "training epochs timed (default: ${DEFAULT-VALUE})")
    int epochs = 2;
    @Option(names = "--align-epochs", paramLabel = "N", description = "alignment epochs timed (0: skip) (default:"
            + " ${DEFAULT-VALUE})")
    int alignEpochs = 1;
    @Option(names = "--work-dir", paramLabel = "DIR", description = "where the simulated .h5ad is written (and"
            + " deleted after) (default: the system's temporary folder)")
    Path workDir = Path.of(System.getProperty("java.io.tmpdir"));
    @Mixin
    OptionGroups.Threads threads;
    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;
    @Mixin
    OptionGroups.Quiet quiet;

    @Override
    public void run() {
        ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
        Path file;
        try {
            file = Files.createTempFile(workDir, "jind-scale-", ".h5ad");
        } catch (IOException e) {
            throw new JindException("Cannot write to --work-dir " + workDir + ": " + e.getMessage());
        }
        try {
            long t = System.nanoTime();
            Dataset all = Simulator.simulate(new Simulator.Settings(cells, genes, types, 2, 0.3, 0.3, 0.03, false,
                    seed), density);
            long nnz = all.matrix().nonZeros();
            try {
                H5adWriter.write(all, file);
            } catch (IOException e) {
                throw new JindException("Cannot write " + file + ": " + e.getMessage());
            }
            all = null; // only the file is used from here on
            System.out.printf(Locale.ROOT, "data:       2 batches × %d cells × %d genes, %.2f%% non-zero, %.0f MB file"
                    + " (simulated and written in %.1f s; not counted)%n", cells, genes,
                    100.0 * nnz / (2.0 * cells * genes), fileMb(file), seconds(t));
            System.out.printf(Locale.ROOT, "setup:      %d thread(s), OpenBLAS kernels %s, minibatches sparse up to %.0f%%"
                    + " non-zero (after preprocessing)%n", Backend.threads(), Backend.blasCore(),
                    100 * Batches.maxDensityInForce());

            t = System.nanoTime();
            Dataset source = DatasetReader.read(file, null, "cell_type", "batch", "batch0");
            Dataset target = DatasetReader.read(file, null, "cell_type", "batch", "batch1");
            step("read", seconds(t), 2 * cells, "both batches");

            Benchmark.EpochClock clock = new Benchmark.EpochClock(progress);
            TrainSettings ts = new TrainSettings(genesKept, epochs, 128, 1e-3, 0.2, seed);
            t = System.nanoTime();
            JindModel model = Jind.train(source, "cell_type", List.of(Set.of(target.genes())), ts, clock);
            double train = seconds(t);
            progress.endLine();
            step("train", train, cells, String.format(Locale.ROOT, "%d epochs, %.1f s per epoch (median)",
                    ts.epochs(), clock.medianEpochSeconds()));

            t = System.nanoTime();
            Annotation a = Jind.annotate(model, target, 0.05, false, Progress.NONE);
            double annotate = seconds(t);
            step("annotate", annotate, cells, String.format(Locale.ROOT, "trained model, incl. preprocessing; %.1f%%"
                    + " rejected", 100 * a.rejectedFraction()));

            if (alignEpochs > 0) {
                AlignSettings d = AlignSettings.defaults();
                AlignSettings as = new AlignSettings(d.learningRate(), d.weightDecayG(), d.weightDecayD(), d.batchSize(),
                        alignEpochs, d.patience(), d.theta(), seed, false);
                t = System.nanoTime();
                Aligner.Result r = Jind.align(model, Jind.prepare(model, target, false, progress), as, progress);
                double align = seconds(t);
                progress.endLine();
                int iterations = r.history().size() * AlignmentSchedule.iterationsPerEpoch(cells);
                long scorings = 1 + 1 + r.history().stream().filter(Aligner.EpochRecord::balanced).count();
                // the alignment scores the target unaligned, with the fresh generator and after each balanced epoch;
                // each scoring costs about one annotation (through the generator somewhat more)
                double perIteration = Math.max(0, align - scorings * annotate) / iterations;
                step("align", align, cells, String.format(Locale.ROOT, "%d epoch(s) of %d iterations: %.1f ms per"
                        + " iteration (a G step and two D steps, minibatches of %d; %d scorings of the target at about"
                        + " %.1f s each taken out)", r.history().size(), iterations / r.history().size(),
                        1000 * perIteration, as.batchSize(), scorings, annotate));
                t = System.nanoTime();
                Annotation aa = Jind.annotate(r.model(), target, 0.05, false, Progress.NONE);
                step("annotate", seconds(t), cells, String.format(Locale.ROOT, "aligned model (through the"
                        + " generator); %.1f%% rejected", 100 * aa.rejectedFraction()));
            }
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.err.println("note: could not delete " + file);
            }
        }
    }

    private static void step(String name, double seconds, int cells, String detail) {
        System.out.printf(Locale.ROOT, "%-10s  %8.1f s  %9.0f cells/s  peak RSS %6.2f GB  (%s)%n", name + ":", seconds,
                cells / seconds, peakRssBytes() / 1e9, detail);
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }

    private static double fileMb(Path f) {
        try {
            return Files.size(f) / 1e6;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    /** The process's peak resident set size (VmHWM of /proc/self/status, Linux), or NaN elsewhere. */
    static double peakRssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
