package org.jind.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.util.Errors;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.DelimitedWriter;
import org.jind.core.data.H5adWriter;
import org.jind.core.eval.Metrics;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.sim.Simulator;

import com.google.gson.JsonObject;

/** The commands of the CLI; each reads its options, calls the core and prints or writes results. */
final class Commands {
    private Commands() {
    }

    static void dispatch(String command, String[] args) {
        switch (command) {
            case "train" -> train(args);
            case "annotate" -> annotate(args);
            case "evaluate" -> evaluate(args);
            case "run" -> Pipeline.run(args);
            case "align" -> Pipeline.align(args);
            case "selftrain" -> Pipeline.selftrain(args);
            case "simulate" -> simulate(args);
            case "demo" -> Demo.run(args);
            case "benchmark" -> Benchmark.run(args);
            default -> throw new JindException("Unknown command '" + command + "'; run ./jind --help for the list.");
        }
    }

    // ---- shared option groups ----

    static Options inputOptions(Options o) {
        return o.opt("input", "PATH", null, "cells to read: .h5ad, 10x directory, or .csv/.tsv[.gz]")
                .opt("labels", "CSV", null, "for 10x directories: CSV keyed by barcode with annotation columns")
                .opt("batch-key", "KEY", null, "annotation column holding batch names")
                .opt("batch", "NAME", null, "keep only this batch (needs --batch-key)");
    }

    static Options trainOptions(Options o) {
        TrainSettings d = TrainSettings.defaults();
        return o.opt("genes", "N", String.valueOf(d.genesKept()), "top-variance genes kept")
                .opt("epochs", "N", String.valueOf(d.epochs()), "training epochs")
                .opt("batch-size", "N", String.valueOf(d.batchSize()), "minibatch size")
                .opt("lr", "X", String.valueOf(d.learningRate()), "Adam learning rate")
                .opt("val-fraction", "X", String.valueOf(d.validationFraction()), "fraction of source cells for validation")
                .opt("seed", "N", String.valueOf(d.seed()),
                        "random seed (same data + seed = same model; draws as the Python reference's seed N)")
                .opt("threads", "N", "1", THREADS_HELP);
    }

    static final String THREADS_HELP = "threads of the numerical backend, fixed for the whole process (default 1)";

    /**
     * Applies {@code --threads} once, at the start of the command, before any computation: the count is a process
     * setting, never a per-step one.
     */
    static void applyThreads(Options o) {
        int n = o.integer("threads");
        if (n < 1) {
            throw new org.jind.core.JindException("--threads must be at least 1; it is " + n + ".");
        }
        org.jind.core.nn.Backend.useThreads(n);
    }

    static TrainSettings trainSettings(Options o) {
        return new TrainSettings(o.integer("genes"), o.integer("epochs"), o.integer("batch-size"), o.number("lr"),
                o.number("val-fraction"), o.longValue("seed")).validated();
    }

    static Dataset readInput(Options o, String labelKey) {
        return DatasetReader.read(o.requiredPath("input"), o.path("labels"), labelKey, o.str("batch-key"), o.str("batch"));
    }

    static Path output(Options o, String name) {
        Path p = o.requiredPath(name);
        if (Files.isDirectory(p)) {
            throw new JindException("--" + name + " " + p + " is a directory; give a file name.");
        }
        return p;
    }

    static double theta(Options o) {
        double t = o.number("theta");
        if (!(t >= 0 && t < 1)) {
            throw new JindException("--theta must be in [0, 1); got " + t + ".");
        }
        return t;
    }

    // ---- commands ----

    static void train(String[] args) {
        Options o = trainOptions(inputOptions(new Options("train", "Train a JIND model on annotated cells."))
                .opt("label-key", "KEY", "cell_type", "annotation column with the cell types")
                .opt("out", "FILE", null, "where to write the model (.jind)")
                .flag("quiet", "no progress output"));
        if (!o.parse(args)) {
            return;
        }
        Path out = output(o, "out");
        applyThreads(o);
        TrainSettings s = trainSettings(o);
        ConsoleProgress progress = new ConsoleProgress(o.flag("quiet"));
        Dataset source = readInput(o, o.str("label-key"));
        JindModel model = Jind.train(source, o.str("label-key"), null, s, progress);
        model.save(out);
        progress.endLine();
        System.out.println("Saved " + model.describe() + " to " + out);
    }

    static void annotate(String[] args) {
        Options o = inputOptions(new Options("annotate", "Predict cell types, rejecting unsure cells as Unassigned."))
                .opt("model", "FILE", null, "a JIND model (.jind)")
                .opt("out", "FILE", null, "predictions CSV to write")
                .opt("label-key", "KEY", null, "for CSV/TSV input: a text column to ignore (default: the model's label column)")
                .opt("theta", "X", "0.05", "outlier fraction for the per-type rejection thresholds")
                .flag("probabilities", "add one probability column per cell type")
                .flag("fill-missing-genes", "treat genes of the model missing from the data as zero")
                .flag("quiet", "no progress output");
        if (!o.parse(args)) {
            return;
        }
        Path out = output(o, "out");
        double theta = theta(o);
        ConsoleProgress progress = new ConsoleProgress(o.flag("quiet"));
        JindModel model = JindModel.load(o.requiredPath("model"));
        Dataset data = readInput(o, o.has("label-key") ? o.str("label-key") : model.labelKey);
        Annotation a = Jind.annotate(model, data, theta, o.flag("fill-missing-genes"), progress);
        PredictionsCsv.write(out, data.cellIds(), a, o.flag("probabilities"));
        System.out.printf(Locale.ROOT, "Annotated %d cells (%.1f%% Unassigned) to %s%n", a.cells(),
                100 * a.rejectedFraction(), out);
    }

    static void evaluate(String[] args) {
        Options o = inputOptions(new Options("evaluate", "Score a model on cells with known labels."))
                .opt("model", "FILE", null, "a JIND model (.jind)")
                .opt("label-key", "KEY", null, "annotation column with the true cell types (default: the model's)")
                .opt("theta", "X", "0.05", "outlier fraction for the per-type rejection thresholds")
                .flag("fill-missing-genes", "treat genes of the model missing from the data as zero")
                .flag("json", "print one JSON object instead of a report")
                .flag("quiet", "no progress output");
        if (!o.parse(args)) {
            return;
        }
        double theta = theta(o);
        ConsoleProgress progress = new ConsoleProgress(o.flag("quiet") || o.flag("json"));
        JindModel model = JindModel.load(o.requiredPath("model"));
        String labelKey = o.has("label-key") ? o.str("label-key") : model.labelKey;
        Dataset data = readInput(o, labelKey);
        String[] truth = data.obs(labelKey); // fail on a wrong --label-key before the work
        Annotation a = Jind.annotate(model, data, theta, o.flag("fill-missing-genes"), progress);
        Metrics m = Metrics.of(a, truth);
        if (o.flag("json")) {
            System.out.println(m.toJson(true));
        } else {
            System.out.print(Report.metrics(m));
        }
    }

    static void simulate(String[] args) {
        Simulator.Settings d = Simulator.Settings.defaults();
        Options o = new Options("simulate", "Write simulated single-cell counts with cell types (obs 'cell_type') and"
                + " batches (obs 'batch').")
                .opt("out", "FILE", null, "the file to write: .h5ad, or a wide .csv / .csv.gz (cell id, genes, cell_type, batch)")
                .flag("per-batch", "write one file per batch, named <name>_<batch>.<ext> (e.g. for KNIME workflows)")
                .opt("cells", "N", String.valueOf(d.cellsPerBatch()), "cells per batch")
                .opt("genes", "N", String.valueOf(d.genes()), "genes")
                .opt("types", "N", String.valueOf(d.types()), "cell types")
                .opt("batches", "N", String.valueOf(d.batches()), "batches")
                .opt("batch-effect", "X", String.valueOf(d.batchEffect()), "s.d. of the per-gene log scaling between batches")
                .opt("dispersion", "X", String.valueOf(d.dispersion()), "negative-binomial dispersion")
                .flag("drop-type", "leave the last cell type out of the last batch")
                .opt("seed", "N", "0", "random seed");
        if (!o.parse(args)) {
            return;
        }
        Path out = output(o, "out");
        Dataset data = Simulator.simulate(new Simulator.Settings(o.integer("cells"), o.integer("genes"), o.integer("types"),
                o.integer("batches"), o.number("batch-effect"), o.number("dispersion"), d.markerFraction(),
                o.flag("drop-type"), o.longValue("seed")));
        if (!o.flag("per-batch")) {
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
        System.out.println("Wrote " + data + " to " + out);
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
