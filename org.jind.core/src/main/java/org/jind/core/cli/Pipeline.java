package org.jind.core.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.util.Errors;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.eval.Metrics;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;

import com.google.gson.JsonObject;

/** The commands {@code align}, {@code selftrain} and {@code run} (the whole pipeline on a source and a target). */
final class Pipeline {
    static final List<String> STAGES = List.of("train", "align", "selftrain");

    private Pipeline() {
    }

    static Options alignOptions(Options o) {
        AlignSettings d = AlignSettings.defaults();
        return o.opt("align-lr", "X", String.valueOf(d.learningRate()), "RMSprop learning rate of alignment")
                .opt("wd-g", "X", String.valueOf(d.weightDecayG()), "weight decay of the generator")
                .opt("wd-d", "X", String.valueOf(d.weightDecayD()), "weight decay of the discriminator")
                .opt("align-batch-size", "N", String.valueOf(d.batchSize()), "alignment minibatch size")
                .opt("max-epochs", "N", String.valueOf(d.maxEpochs()), "at most this many alignment epochs")
                .opt("patience", "N", String.valueOf(d.patience()), "stop after this many balanced (or unbalanced) epochs")
                .flag("consider-unaligned", "keep the unaligned model when it rejects fewer target cells");
    }

    static AlignSettings alignSettings(Options o, long seed, double theta) {
        return new AlignSettings(o.number("align-lr"), o.number("wd-g"), o.number("wd-d"), o.integer("align-batch-size"),
                o.integer("max-epochs"), o.integer("patience"), theta, seed, o.flag("consider-unaligned"))
                .validated();
    }

    static Options selfTrainOptions(Options o) {
        SelfTrainSettings d = SelfTrainSettings.defaults();
        return o.opt("st-lr", "X", String.valueOf(d.learningRate()), "Adam learning rate of self-training")
                .opt("st-batch-size", "N", String.valueOf(d.batchSize()), "self-training minibatch size")
                .opt("st-epochs", "N", String.valueOf(d.epochs()), "self-training epochs")
                .opt("st-val-fraction", "X", String.valueOf(d.validationFraction()), "pseudo-labelled cells for validation")
                .opt("keep-fraction", "X", String.valueOf(d.keepFraction()), "most confident fraction kept per predicted type");
    }

    static SelfTrainSettings selfTrainSettings(Options o, long seed) {
        return new SelfTrainSettings(o.number("st-lr"), o.integer("st-batch-size"), o.integer("st-epochs"),
                o.number("st-val-fraction"), o.number("keep-fraction"), seed).validated();
    }

    static void align(String[] args) {
        Options o = alignOptions(Commands.inputOptions(new Options("align",
                "Align a target batch onto a trained model's latent space; the trained networks never change.")))
                .opt("model", "FILE", null, "a trained JIND model")
                .opt("out", "FILE", null, "where to write the aligned model")
                .opt("theta", "X", "0.05", "outlier fraction used to score candidate generators")
                .opt("seed", "N", "0", "random seed (draws as the Python reference's seed N)")
                .opt("threads", "N", "1", Commands.THREADS_HELP)
                .flag("fill-missing-genes", "treat genes of the model missing from the data as zero")
                .flag("quiet", "no progress output");
        if (!o.parse(args)) {
            return;
        }
        Path out = Commands.output(o, "out");
        Commands.applyThreads(o);
        AlignSettings s = alignSettings(o, o.longValue("seed"), Commands.theta(o));
        ConsoleProgress progress = new ConsoleProgress(o.flag("quiet"));
        JindModel model = JindModel.load(o.requiredPath("model"));
        Dataset target = Commands.readInput(o, model.labelKey);
        Aligner.Result r = Jind.align(model, target, s, o.flag("fill-missing-genes"), progress);
        r.model().save(out);
        progress.endLine();
        System.out.printf(Locale.ROOT, "Saved the aligned model to %s (target rejection %.4f, unaligned %.4f)%n", out,
                r.bestRejection(), r.unalignedRejection());
    }

    static void selftrain(String[] args) {
        Options o = selfTrainOptions(Commands.inputOptions(new Options("selftrain",
                "JIND+: refine an aligned model on its most confident predictions for the batch it was aligned to.")))
                .opt("model", "FILE", null, "an aligned JIND model")
                .opt("out", "FILE", null, "where to write the JIND+ model")
                .opt("seed", "N", "0", "random seed (draws as the Python reference's seed N)")
                .opt("threads", "N", "1", Commands.THREADS_HELP)
                .flag("fill-missing-genes", "treat genes of the model missing from the data as zero")
                .flag("quiet", "no progress output");
        if (!o.parse(args)) {
            return;
        }
        Path out = Commands.output(o, "out");
        Commands.applyThreads(o);
        SelfTrainSettings s = selfTrainSettings(o, o.longValue("seed"));
        ConsoleProgress progress = new ConsoleProgress(o.flag("quiet"));
        JindModel model = JindModel.load(o.requiredPath("model"));
        Dataset target = Commands.readInput(o, model.labelKey);
        SelfTrainer.Result r = Jind.selfTrain(model, target, s, o.flag("fill-missing-genes"), progress);
        r.model().save(out);
        progress.endLine();
        System.out.printf(Locale.ROOT, "Saved the JIND+ model to %s (%d pseudo-labelled cells, best epoch %d)%n", out,
                r.pseudoLabelled(), r.bestEpoch());
    }

    static void run(String[] args) {
        Options o = selfTrainOptions(alignOptions(Commands.trainOptions(new Options("run",
                "The pipeline in one go: train on the source, then align and self-train on the target, writing each"
                        + " stage's model and predictions to --out-dir.")
                .opt("source", "PATH", null, "annotated source cells (.h5ad, 10x directory, .csv/.tsv)")
                .opt("source-batch", "NAME", null, "the source batch within --source (needs --batch-key)")
                .opt("target", "PATH", null, "target cells (default: the source file)")
                .opt("target-batch", "NAME", null, "the target batch within --target (needs --batch-key)")
                .opt("batch-key", "KEY", null, "annotation column holding batch names")
                .opt("label-key", "KEY", "cell_type", "annotation column with the cell types")
                .opt("stages", "LIST", String.join(",", STAGES), "stages to run, in order: train,align,selftrain")
                .opt("theta", "X", "0.05", "outlier fraction for the rejection thresholds")
                .opt("out-dir", "DIR", null, "where to write models and predictions")
                .flag("json", "print one JSON line per stage and a total")
                .flag("quiet", "no progress output"))));
        if (!o.parse(args)) {
            return;
        }
        List<String> stages = o.list("stages");
        for (int i = 0; i < stages.size(); i++) {
            if (!STAGES.contains(stages.get(i)) || STAGES.indexOf(stages.get(i)) != i) {
                throw new JindException("--stages must be a prefix of train,align,selftrain (e.g. 'train' or"
                        + " 'train,align'); got '" + o.str("stages") + "'.");
            }
        }
        Path outDir = o.requiredPath("out-dir");
        Commands.applyThreads(o);
        TrainSettings ts = Commands.trainSettings(o);
        double theta = Commands.theta(o);
        AlignSettings as = alignSettings(o, ts.seed(), theta);
        SelfTrainSettings ss = selfTrainSettings(o, ts.seed());
        boolean json = o.flag("json");
        ConsoleProgress progress = new ConsoleProgress(o.flag("quiet") || json);
        String labelKey = o.str("label-key");
        long t0 = System.nanoTime();
        Path sourcePath = o.requiredPath("source");
        Path targetPath = o.has("target") ? o.path("target") : sourcePath;
        Dataset source;
        Dataset target;
        if (targetPath.equals(sourcePath)) {
            Dataset all = DatasetReader.read(sourcePath, null, labelKey, o.str("batch-key"), null);
            source = o.has("source-batch") ? select(all, o, "source-batch") : all;
            target = o.has("target-batch") ? select(all, o, "target-batch") : all;
        } else {
            source = DatasetReader.read(sourcePath, null, labelKey, o.str("batch-key"), o.str("source-batch"));
            target = DatasetReader.read(targetPath, null, labelKey, o.str("batch-key"), o.str("target-batch"));
        }
        try {
            Files.createDirectories(outDir);
        } catch (IOException e) {
            throw new JindException("Cannot create --out-dir " + outDir + ": " + Errors.describe(e) + ".");
        }
        double readSeconds = (System.nanoTime() - t0) / 1e9;
        JindModel model = null;
        for (String stage : stages) {
            long ts0 = System.nanoTime();
            String file;
            switch (stage) {
                case "train" -> {
                    model = Jind.train(source, labelKey, List.of(Commands.genesOf(target)), ts, progress);
                    file = "model.jind";
                }
                case "align" -> {
                    model = Jind.align(model, target, as, false, progress).model();
                    file = "aligned.jind";
                }
                default -> {
                    model = Jind.selfTrain(model, target, ss, false, progress).model();
                    file = "jindplus.jind";
                }
            }
            double seconds = (System.nanoTime() - ts0) / 1e9 + (stage.equals("train") ? readSeconds : 0);
            model.save(outDir.resolve(file));
            Annotation a = Jind.annotate(model, target, theta, false, progress);
            PredictionsCsv.write(outDir.resolve("predictions_" + stage + ".csv"), target.cellIds(), a, true);
            Metrics m = target.hasObs(labelKey) ? Metrics.of(a, target.obs(labelKey)) : null;
            progress.endLine();
            if (json) {
                System.out.println(Commands.stageJson(stage, m, seconds));
            } else {
                System.out.printf(Locale.ROOT, "%-10s %s  (%.1f s)  -> %s%n", stage, m == null
                        ? String.format(Locale.ROOT, "rejected %.4f", a.rejectedFraction())
                        : String.format(Locale.ROOT, "raw %.4f  rej %.4f  eff %.4f", m.raw(), m.rej(), m.eff()),
                        seconds, outDir.resolve(file));
            }
        }
        double total = (System.nanoTime() - t0) / 1e9;
        if (json) {
            JsonObject t = new JsonObject();
            t.addProperty("stage", "total");
            t.addProperty("seconds", Math.round(total * 1000) / 1000.0);
            System.out.println(t);
        } else {
            System.out.printf(Locale.ROOT, "total      %.1f s%n", total);
        }
    }

    private static Dataset select(Dataset all, Options o, String option) {
        if (!o.has("batch-key")) {
            throw new JindException("--" + option + " needs --batch-key (the annotation column holding batch names).");
        }
        return all.selectBatch(o.str("batch-key"), o.str(option));
    }
}
