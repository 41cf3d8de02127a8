package org.jind.core.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.AlignmentSchedule;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.nn.Backend;
import org.jind.core.sim.Simulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code jind benchmark}: training and annotation throughput and peak heap on simulated data of a given size.
 * Prints figures; it asserts nothing.
 */
@Command(name = "benchmark", description = "Measure training and annotation throughput and peak heap on simulated"
        + " data; compares the epoch time with the reference PyTorch network (3.2 s per epoch of 12,000 × 5,000"
        + " cells on one thread, scaled linearly to the cell count). `benchmark scale` times every step of the"
        + " pipeline on sparse data of a given size, with peak resident memory.", subcommands = ScaleBenchmark.class)
final class Benchmark implements Runnable {
    /** Seconds per epoch of the reference PyTorch network on 12,000 × 5,000 cells, one thread, this machine type. */
    static final double REFERENCE_EPOCH_SECONDS_12K = 3.2;

    @Option(names = "--cells", paramLabel = "N", description = "training cells per epoch (a quarter more are"
            + " simulated for validation; as many again are annotated) (default: ${DEFAULT-VALUE})")
    int cells = 12000;
    @Option(names = "--genes", paramLabel = "N", description = "genes (all kept) (default: ${DEFAULT-VALUE})")
    int genes = 5000;
    @Option(names = "--types", paramLabel = "N", description = "cell types (default: ${DEFAULT-VALUE})")
    int types = 10;
    @Option(names = "--epochs", paramLabel = "N", description = "training epochs timed (default: ${DEFAULT-VALUE})")
    int epochs = 3;
    @Option(names = "--align-epochs", paramLabel = "N", description = "alignment epochs timed on the first 2,000"
            + " target cells (0: skip) (default: ${DEFAULT-VALUE})")
    int alignEpochs = 2;
    @Mixin
    OptionGroups.Threads threads;
    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Mixin
    OptionGroups.Quiet quiet;

    @Override
    public void run() {
        ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
        long t0 = System.nanoTime();
        int simulated = (int) Math.round(cells / 0.8); // 20 % go to validation
        Dataset all = Simulator.simulate(new Simulator.Settings(simulated, genes, types, 2, 0.3, 0.3, 0.03,
                false, seed));
        Dataset source = all.selectBatch("batch", "batch0");
        Dataset target = all.selectBatch("batch", "batch1");
        double density = (double) source.matrix().nonZeros() / ((double) cells * genes);
        System.out.printf(Locale.ROOT, "data: %d cells × %d genes per batch, %.1f%% non-zero (simulated in %.1f s)%n",
                simulated, genes, 100 * density, (System.nanoTime() - t0) / 1e9);
        TrainSettings s = new TrainSettings(genes, epochs, 128, 1e-3, 0.2, seed);
        EpochClock clock = new EpochClock(progress);
        long t1 = System.nanoTime();
        JindModel model = Jind.train(source, "cell_type", null, s, clock);
        double trainSeconds = (System.nanoTime() - t1) / 1e9;
        progress.endLine();
        double perEpoch = clock.medianEpochSeconds();
        int trainCells = (int) Math.round(simulated * (1 - s.validationFraction()));
        double reference = REFERENCE_EPOCH_SECONDS_12K * trainCells / 12000.0;
        // the median of three: the first call also pays for JIT compilation and the garbage left by training
        double[] runs = new double[3];
        Annotation a = null;
        for (int i = 0; i < runs.length; i++) {
            long t2 = System.nanoTime();
            a = Jind.annotate(model, target, 0.05, false, i == 0 ? progress : Progress.NONE);
            runs[i] = (System.nanoTime() - t2) / 1e9;
        }
        Arrays.sort(runs);
        double annotateSeconds = runs[1];
        System.out.printf(Locale.ROOT, "training:   %.2f s per epoch (median; incl. scoring the validation cells), %.0f"
                + " cells/s (%d training cells, %d threads); %.1f s in all with preprocessing%n", perEpoch,
                trainCells / perEpoch, trainCells, Backend.threads(), trainSeconds);
        System.out.printf(Locale.ROOT, "reference:  %.2f s per epoch (PyTorch, 1 thread, scaled to %d cells): JIND/ref"
                + " time ratio %.2f%n", reference, cells, perEpoch / reference);
        System.out.printf(Locale.ROOT, "annotation: %.2f s for %d cells (median of 3, incl. preprocessing), %.0f"
                + " cells/s (%.1f%% rejected)%n",
                annotateSeconds, a.cells(), a.cells() / annotateSeconds, 100 * a.rejectedFraction());
        if (alignEpochs > 0) {
            benchmarkAlignment(model, target, alignEpochs, s, progress);
        }
        System.out.printf(Locale.ROOT, "peak heap:  %.0f MiB (JVM heap pools; ND4J keeps its arrays off-heap); peak RSS"
                + " %.2f GB%n", peakHeapBytes() / 1048576.0, ScaleBenchmark.peakRssBytes() / 1e9);
        System.out.println("BLAS:       OpenBLAS kernels " + Backend.blasCore());
        String advice = Backend.blasAdvice();
        if (advice != null) {
            System.out.println("note:       " + advice);
        }
    }

    /**
     * Times alignment iterations. The alignment also scores the whole target before the first epoch and after
     * each balanced one; that scoring is timed separately and taken out of the per-iteration figure.
     */
    private static void benchmarkAlignment(JindModel model, Dataset target, int epochs, TrainSettings s,
            ConsoleProgress progress) {
        Dataset batch = target.selectRows(IntStream.range(0, Math.min(2000, target.cells())).toArray());
        AlignSettings a = AlignSettings.defaults();
        AlignSettings settings = new AlignSettings(a.learningRate(), a.weightDecayG(), a.weightDecayD(), a.batchSize(),
                epochs, a.patience(), a.theta(), s.seed(), false);
        long t0 = System.nanoTime();
        Jind.annotate(model, batch, a.theta(), false, Progress.NONE);
        double scoring = (System.nanoTime() - t0) / 1e9;
        long t1 = System.nanoTime();
        Aligner.Result r = Jind.align(model, Jind.prepare(model, batch, false, progress), settings, progress);
        double seconds = (System.nanoTime() - t1) / 1e9;
        progress.endLine();
        int iterations = r.history().size() * AlignmentSchedule.iterationsPerEpoch(batch.cells());
        long scorings = 1 + r.history().stream().filter(Aligner.EpochRecord::balanced).count();
        System.out.printf(Locale.ROOT, "alignment:  %.1f s for %d epochs of %d cells: %.1f ms per iteration (a G step"
                + " and two D steps on minibatches of %d; %d scorings of the target, %.2f s each, not counted)%n",
                seconds, r.history().size(), batch.cells(), 1000 * (seconds - scorings * scoring) / iterations,
                settings.batchSize(), scorings, scoring);
    }

    /** Passes progress on and notes when each epoch ends. */
    static final class EpochClock implements org.jind.core.Progress {
        private final org.jind.core.Progress inner;
        private final java.util.List<Long> ends = new java.util.ArrayList<>();
        private long start = System.nanoTime();

        EpochClock(org.jind.core.Progress inner) {
            this.inner = inner;
        }

        @Override
        public void report(String stage, double fraction, String message) {
            if (message.startsWith("preprocessing")) {
                start = System.nanoTime();
            } else if (message.contains("val acc")) {
                ends.add(System.nanoTime());
            }
            inner.report(stage, fraction, message);
        }

        double medianEpochSeconds() {
            double[] d = new double[ends.size()];
            long prev = start;
            for (int i = 0; i < d.length; i++) {
                d[i] = (ends.get(i) - prev) / 1e9;
                prev = ends.get(i);
            }
            java.util.Arrays.sort(d);
            return d.length == 0 ? Double.NaN : d[d.length / 2];
        }
    }

    static long peakHeapBytes() {
        long sum = 0;
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans();
        for (MemoryPoolMXBean p : pools) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum;
    }
}
