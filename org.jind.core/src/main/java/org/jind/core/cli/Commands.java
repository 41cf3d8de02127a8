package org.jind.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.CellChunks;
import org.jind.core.data.Dataset;
import org.jind.core.data.DelimitedWriter;
import org.jind.core.data.H5adWriter;
import org.jind.core.eval.Metrics;
import org.jind.core.model.BatchModels;
import org.jind.core.model.JindModel;
import org.jind.core.nn.Backend;
import org.jind.core.prep.PreparedBatch;
import org.jind.core.model.TrainSettings;
import org.jind.core.sim.Simulator;
import org.jind.core.util.Errors;

import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands train, annotate, evaluate and simulate; each reads its options, calls the core, prints or writes. */
final class Commands {
    private Commands() {
    }

    @Command(name = "train", description = "Train a JIND model on annotated cells.")
    static final class Train implements Runnable {
        @Mixin
        OptionGroups.Input input;
        @Option(names = "--label-key", paramLabel = "KEY",
                description = "annotation column with the cell types (default: ${DEFAULT-VALUE})")
        String labelKey = "cell_type";
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "where to write the model (.jind)")
        Path out;
        @Mixin
        OptionGroups.Train train;
        @Mixin
        OptionGroups.SeedThreads seedThreads;
        @Mixin
        OptionGroups.Quiet quiet;

        @Override
        public void run() {
            input.inputs().output("--out", out);
            TrainSettings s = train.settings(seedThreads);
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
            JindModel model;
            try (CellChunks cells = input.open(labelKey)) { // read with progress; only the batch asked for
                model = Jind.train(Pipeline.readSource(cells, input.input, progress), input.used(), labelKey, null, s,
                        progress);
            }
            model.save(out);
            progress.endLine();
            Outputs.messages(out).println("Saved " + model.describe() + " to " + out);
        }
    }

    @Command(name = "annotate", description = "Predict cell types, rejecting unsure cells as Unassigned.")
    static final class Annotate implements Runnable {
        @Mixin
        OptionGroups.Input input;
        @Option(names = "--model", required = true, paramLabel = "PATH", description = "a JIND model (.jind), or a"
                + " folder of models aligned to one batch each (each cell annotated by its batch's model)")
        Path model;
        @Option(names = "--out", required = true, paramLabel = "FILE", description = "predictions CSV to write")
        Path out;
        @Option(names = "--label-key", paramLabel = "KEY",
                description = "for CSV/TSV input: a text column to ignore (default: the model's label column)")
        String labelKey;
        @Mixin
        OptionGroups.Theta theta;
        @Option(names = "--probabilities", description = "add one probability column per cell type")
        boolean probabilities;
        @Mixin
        OptionGroups.FillMissingGenes fill;
        @Mixin
        OptionGroups.Quiet quiet;
        @Mixin
        OptionGroups.Threads threads;

        @Override
        public void run() {
            input.inputs().input("--model", model)
                    .output("--out", out);
            double t = theta.value();
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
            if (BatchModels.isFolder(model) || input.severalBatches()) {
                annotateBatches(t, progress);
                return;
            }
            JindModel m = JindModel.load(model);
            long[] cells = new long[2]; // annotated, Unassigned
            // read, predicted and written a chunk at a time: memory does not grow with the number of cells
            try (CellChunks data = input.open(labelKey != null ? labelKey : m.labelKey, m, progress)) {
                PredictionsCsv.write(out, m.classes, probabilities, rows -> {
                    Jind.annotate(m, data, Jind.CHUNK_CELLS, Backend.threads(), t, fill.fill, progress, (chunk, a) -> {
                        rows.add(chunk.cellIds(), a);
                        cells[0] += a.cells();
                        cells[1] += Math.round(a.rejectedFraction() * a.cells());
                    });
                    if (cells[0] == 0) {
                        throw new JindException(input.input.getFileName() + ": the selection holds no cells.");
                    }
                });
            }
            progress.endLine();
            Outputs.messages(out).printf(Locale.ROOT, "Annotated %d cells (%.1f%% Unassigned) to %s%n", cells[0],
                    100.0 * cells[1] / cells[0], out);
        }

        /**
         * Several batches, one after the other into one CSV: each batch's cells through the model aligned to it (from
         * a model folder; a batch without one is refused before anything is written), or all through one model. Each
         * batch's predictions are those of annotating it alone.
         */
        private void annotateBatches(double t, ConsoleProgress progress) {
            BatchModels models = BatchModels.isFolder(model) ? BatchModels.load(model) : null;
            if (input.batchKey == null && models != null) {
                input.batchKey = models.batchKey();
            }
            List<String> batches = input.batch != null ? input.batches()
                    : BatchSelection.resolve("--batch", BatchSelection.ALL, input.input, input.batchKey, null);
            JindModel single = models == null ? JindModel.load(model) : null;
            List<JindModel> perBatch = new ArrayList<>();
            for (String b : batches) {
                perBatch.add(models != null ? models.forBatch(b) : single);
            }
            JindModel first = perBatch.get(0);
            long[] cells = new long[2]; // annotated, Unassigned
            PredictionsCsv.write(out, first.classes, probabilities, rows -> {
                for (int i = 0; i < batches.size(); i++) {
                    JindModel m = perBatch.get(i);
                    try (CellChunks data = input.open(labelKey != null ? labelKey : m.labelKey, batches.get(i), m,
                            progress)) {
                        Jind.annotate(m, data, Jind.CHUNK_CELLS, Backend.threads(), t, fill.fill,
                                progress.forBatch(batches.get(i)), (chunk, a) -> {
                                    rows.add(chunk.cellIds(), a);
                                    cells[0] += a.cells();
                                    cells[1] += Math.round(a.rejectedFraction() * a.cells());
                                });
                    }
                }
            });
            progress.endLine();
            Outputs.messages(out).printf(Locale.ROOT, "Annotated %d cells of %s (%.1f%% Unassigned) to %s%n", cells[0],
                    org.jind.core.util.Plural.of(batches.size(), "batch", "batches"), 100.0 * cells[1] / cells[0], out);
        }
    }

    @Command(name = "evaluate", description = "Score a model on cells with known labels.")
    static final class Evaluate implements Runnable {
        @Mixin
        OptionGroups.Input input;
        @Option(names = "--model", required = true, paramLabel = "FILE", description = "a JIND model (.jind)")
        Path model;
        @Option(names = "--label-key", paramLabel = "KEY",
                description = "annotation column with the true cell types (default: the model's)")
        String labelKey;
        @Mixin
        OptionGroups.Theta theta;
        @Mixin
        OptionGroups.FillMissingGenes fill;
        @Option(names = "--json", description = "print one JSON object instead of a report")
        boolean json;
        @Mixin
        OptionGroups.Quiet quiet;
        @Mixin
        OptionGroups.Threads threads;
        @Mixin
        Plots.Dir plots;

        @Override
        public void run() {
            if (plots.dir != null) {
                input.inputs().input("--model", model)
                        .outputsIn("--plots", plots.dir, Plots.FILES);
            }
            double t = theta.value();
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet || json);
            JindModel m = JindModel.load(model);
            String key = labelKey != null ? labelKey : m.labelKey;
            // read and predicted a chunk at a time; only labels and probabilities are kept for the metrics
            List<Annotation> parts = new ArrayList<>();
            List<String> truth = new ArrayList<>();
            try (CellChunks data = input.open(key, m, progress)) {
                Jind.annotate(m, data, Jind.CHUNK_CELLS, Backend.threads(), t, fill.fill, progress, (chunk, a) -> {
                    truth.addAll(List.of(chunk.obs(key))); // a wrong --label-key fails on the first chunk
                    parts.add(a);
                });
            } catch (IOException e) {
                throw new JindException("Cannot read " + input.input + ": " + Errors.describe(e) + ".", e);
            }
            if (parts.isEmpty()) {
                throw new JindException(input.input.getFileName() + ": the selection holds no cells.");
            }
            progress.endLine();
            Metrics metrics = Metrics.of(Annotation.concat(parts), truth.toArray(new String[0]));
            if (json) {
                System.out.println(metrics.toJson(true));
            } else {
                System.out.print(Report.metrics(metrics));
            }
            if (plots.dir != null) { // with --json, stdout holds only the JSON object
                // the figures need the whole prepared batch: read it again (only the model's genes are kept)
                PreparedBatch x = Pipeline.readPrepared(input, m, fill.fill, new ConsoleProgress(true));
                Plots.write(plots.dir, Plots.forPrepared(m, x, truth.toArray(new String[0]), t),
                        json ? System.err : System.out);
            }
        }
    }

    @Command(name = "simulate", description = "Write simulated single-cell counts with cell types (obs 'cell_type')"
            + " and batches (obs 'batch').")
    static final class Simulate implements Runnable {
        private static final Simulator.Settings D = Simulator.Settings.defaults();

        @Option(names = "--out", required = true, paramLabel = "FILE", description = "the file to write: .h5ad, or a"
                + " wide .csv / .csv.gz (cell id, genes, cell_type, batch)")
        Path out;
        @Option(names = "--per-batch",
                description = "write one file per batch, named <name>_<batch>.<ext> (e.g. for KNIME workflows)")
        boolean perBatch;
        @Option(names = "--cells", paramLabel = "N", description = "cells per batch (default: ${DEFAULT-VALUE})")
        int cells = D.cellsPerBatch();
        @Option(names = "--genes", paramLabel = "N", description = "genes (default: ${DEFAULT-VALUE})")
        int genes = D.genes();
        @Option(names = "--types", paramLabel = "N", description = "cell types (default: ${DEFAULT-VALUE})")
        int types = D.types();
        @Option(names = "--batches", paramLabel = "N", description = "batches (default: ${DEFAULT-VALUE})")
        int batches = D.batches();
        @Option(names = "--batch-effect", paramLabel = "X",
                description = "s.d. of the per-gene log scaling between batches (default: ${DEFAULT-VALUE})")
        double batchEffect = D.batchEffect();
        @Option(names = "--dispersion", paramLabel = "X",
                description = "negative-binomial dispersion (default: ${DEFAULT-VALUE})")
        double dispersion = D.dispersion();
        @Option(names = "--drop-type", description = "leave the last cell type out of the last batch")
        boolean dropType;
        @Option(names = "--seed", paramLabel = "N", description = "random seed (default: ${DEFAULT-VALUE})")
        long seed;

        @Override
        public void run() {
            new Outputs().output("--out", out);
            boolean file = Outputs.kind(out) == org.jind.core.util.AtomicFiles.Kind.FILE;
            if (!file && (perBatch || out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".h5ad"))) {
                throw new JindException("--out " + out + " is not a regular file (a pipe, a device or standard output);"
                        + (perBatch ? " --per-batch writes several files: give a file name to derive them from."
                                : " an .h5ad file can only be written to a file: give a file name."));
            }
            Dataset data = Simulator.simulate(new Simulator.Settings(cells, genes, types, batches, batchEffect,
                    dispersion, D.markerFraction(), dropType, seed));
            if (!perBatch) {
                writeData(data, out);
                return;
            }
            String name = out.getFileName().toString();
            int dot = name.endsWith(".csv.gz") ? name.length() - 7 : name.lastIndexOf('.');
            String stem = dot > 0 ? name.substring(0, dot) : name;
            String ext = dot > 0 ? name.substring(dot) : "";
            for (String batch : new java.util.TreeSet<>(java.util.Arrays.asList(data.obs("batch")))) {
                writeData(data.selectBatch("batch", batch), out.resolveSibling(stem + "_" + batch + ext));
            }
        }
    }

    /** Writes .h5ad, or wide CSV for .csv / .csv.gz names. */
    static void writeData(Dataset data, Path out) {
        String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (name.endsWith(".csv") || name.endsWith(".csv.gz")) {
                DelimitedWriter.write(data, out);
            } else if (name.endsWith(".h5ad")) {
                H5adWriter.write(data, out);
            } else {
                throw new JindException("--out must end in .h5ad, .csv or .csv.gz; got " + out.getFileName() + ".");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof JindException je) {
                throw je;
            }
            throw new JindException("Cannot write " + out + ": " + Errors.describe(e) + ".", e);
        }
        Outputs.messages(out).println("Wrote " + data + " to " + out);
    }

    static Set<String> genesOf(Dataset d) {
        return new LinkedHashSet<>(List.of(d.genes()));
    }

    static JsonObject stageJson(String stage, Metrics m, double seconds) {
        JsonObject o = new JsonObject();
        o.addProperty("stage", stage);
        if (m != null) {
            JsonObject j = m.toJson(false);
            for (String k : new String[] {"raw", "rej", "eff", "n_cells"}) {
                o.add(k, j.get(k));
            }
        }
        o.addProperty("seconds", Math.round(seconds * 1000) / 1000.0);
        return o;
    }
}
