package org.jind.core.cli;

import java.util.List;
import java.util.Locale;

import org.jind.core.Jind;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.eval.Metrics;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.sim.Simulator;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jind demo}: simulate two batches, train on one, annotate and evaluate the other. */
@Command(name = "demo", description = "Simulate two batches with a batch effect, train on the first, annotate and"
        + " evaluate the second. Needs no input files.")
final class Demo implements Runnable {

    @Option(names = "--seed", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
    long seed;
    @Mixin
    OptionGroups.Quiet quiet;

    @Override
    public void run() {
        ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
        long t0 = System.nanoTime();
        Simulator.Settings sim = new Simulator.Settings(1200, 2000, 6, 2, 0.4, 0.3, 0.03, false, seed);
        Dataset all = Simulator.simulate(sim);
        Dataset source = all.selectBatch("batch", "batch0");
        Dataset target = all.selectBatch("batch", "batch1");
        System.out.printf(Locale.ROOT, "Simulated %d + %d cells, %d genes, %d cell types (%.1f s)%n", source.cells(),
                target.cells(), sim.genes(), sim.types(), (System.nanoTime() - t0) / 1e9);
        TrainSettings ts = TrainSettings.defaults();
        ts = new TrainSettings(ts.genesKept(), ts.epochs(), ts.batchSize(), ts.learningRate(), ts.validationFraction(),
                seed);
        long t1 = System.nanoTime();
        JindModel model = Jind.train(source, "cell_type", List.of(Commands.genesOf(target)), ts, progress);
        progress.endLine();
        System.out.printf(Locale.ROOT, "Trained on batch0 in %.1f s: %s%n", (System.nanoTime() - t1) / 1e9,
                model.describe());
        Annotation a = Jind.annotate(model, target, 0.05, false, progress);
        Metrics m = Metrics.of(a, target.obs("cell_type"));
        System.out.println("\nbatch1, annotated by the model trained on batch0 (θ = 0.05):");
        System.out.print(Report.metrics(m));
        System.out.printf(Locale.ROOT, "%nDemo finished in %.1f s. Next: ./jind run --help for alignment and JIND+.%n",
                (System.nanoTime() - t0) / 1e9);
    }
}
