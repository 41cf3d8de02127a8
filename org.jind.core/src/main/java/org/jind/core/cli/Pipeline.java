package org.jind.core.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.PerBatch;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.CellChunks;
import org.jind.core.data.Dataset;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.ReadOptions;
import org.jind.core.eval.Metrics;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.BatchModels;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.prep.PreparedBatch;
import org.jind.core.train.Labels;
import org.jind.core.util.AtomicFiles;
import org.jind.core.util.Errors;
import org.jind.core.util.Plural;

import com.google.gson.JsonObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands {@code align}, {@code selftrain} and {@code run} (the whole pipeline on a source and a target). */
final class Pipeline {
    static final List<String> STAGES = List.of("train", "align", "selftrain");
    /** What each stage of run writes into --out-dir. */
    static final List<String> STAGE_FILES = List.of("model.jind", "aligned.jind", "jindplus.jind");

    /**
     * Cells per read of a batch worker (align, selftrain and run with several batches). Workers read their batches
     * at the same time, and a read of {@link Jind#CHUNK_CELLS} cells of a 2,000-gene file makes arrays of 25 MB
     * each, which G1 allocates outside its young generation: the heap grew to several times what was live. The
     * prepared batch is the same.
     */
    private static final int WORKER_READ_CELLS = org.jind.core.annotate.Predictor.CHUNK;

    private Pipeline() {
    }

    @Command(name = "align", description = "Align a target batch onto a trained model's latent space; the trained"
            + " networks never change.")
    static final class Align implements Runnable {
        @Mixin
        OptionGroups.Input input;
        @Option(names = "--model", required = true, paramLabel = "FILE", description = "a trained JIND model")
        Path model;
        @Option(names = "--out", required = true, paramLabel = "PATH", description = "where to write the aligned model;"
                + " with several batches a folder, one <batch>.jind each")
        Path out;
        @Mixin
        OptionGroups.Align align;
        @Mixin
        OptionGroups.Theta theta;
        @Mixin
        OptionGroups.SeedThreads seedThreads;
        @Mixin
        OptionGroups.FillMissingGenes fill;
        @Mixin
        OptionGroups.Quiet quiet;
        @Mixin
        Plots.Dir plots;

        @Override
        public void run() {
            if (input.severalBatches()) {
                alignSeveral();
                return;
            }
            Outputs outputs = input.inputs()
                    .input("--model", model);
            outputs.output("--out", out);
            if (plots.dir != null) {
                outputs.outputsIn("--plots", plots.dir, Plots.FILES);
            }
            AlignSettings s = align.settings(seedThreads, theta.value());
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
            JindModel m = JindModel.load(model);
            PreparedBatch target = readPrepared(input, m, fill.fill, progress);
            Aligner.Result r = Jind.align(m, target, s, align.lanes(), progress);
            AlignedModel aligned = input.batch != null ? BatchModels.named(r.model(), input.batchKey, input.batch)
                    : r.model();
            aligned.save(out);
            progress.endLine();
            Outputs.messages(out).printf(Locale.ROOT, "Saved the aligned model to %s (target rejection %.4f,"
                    + " unaligned %.4f)%n", out, r.bestRejection(), r.unalignedRejection());
            if (plots.dir != null) {
                // the target's labels are not kept while reading it prepared: no confusion matrix here
                Plots.write(plots.dir, Plots.forPrepared(r.model(), target, null, s.theta()), Outputs.messages(out));
            }
        }

        /** Each batch of --batch aligned on its own, --threads at a time; --out is the folder of their models. */
        private void alignSeveral() {
            if (plots.dir != null) {
                throw new JindException("--plots draws one batch; align that batch alone to draw its figures.");
            }
            List<String> batches = input.batches();
            input.inputs().input("--model", model).outputsIn("--out", out, fileNames(batches));
            AlignSettings s = align.settings(seedThreads, theta.value());
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
            JindModel m = JindModel.load(model);
            eachBatchInto(out, batches, seedThreads.threads.threads, progress, (b, p, file) -> {
                Aligner.Result r = Jind.align(m, readPrepared(input, b, m, fill.fill, p, progress), s, align.lanes(),
                        p);
                BatchModels.named(r.model(), input.batchKey, b).save(file);
                return String.format(Locale.ROOT, "Saved the model aligned to %s to %s (target rejection %.4f,"
                        + " unaligned %.4f)", b, file, r.bestRejection(), r.unalignedRejection());
            });
        }
    }

    /** One batch's work in {@link #eachBatchInto}: writes {@code file}, returns the line that says so. */
    @FunctionalInterface
    interface BatchFileTask {
        String run(String batch, Progress progress, Path file);
    }

    /**
     * Runs {@code task} for each batch, {@code threads} at a time, each writing its model into the folder {@code out}
     * (align, selftrain with several batches): all the files, or none when a batch fails or the run is stopped; the
     * tasks' lines are printed in the batches' order at the end.
     */
    static void eachBatchInto(Path out, List<String> batches, int threads, ConsoleProgress progress,
            BatchFileTask task) {
        RunDirectory dir = RunDirectory.create(out);
        boolean done = false;
        try {
            List<String> lines = PerBatch.run(batches, threads, progress::forBatch, (b, p) -> {
                Path file = out.resolve(BatchModels.fileName(b));
                String line = task.run(b, p, file);
                dir.wrote(file);
                return line;
            });
            dir.keep();
            done = true;
            progress.endLine();
            lines.forEach(System.out::println);
        } finally {
            if (!done) {
                dir.removeWhatWasWritten();
            }
        }
    }

    /** The model file of each batch in a folder of batch models; two batches must not share one. */
    static List<String> fileNames(List<String> batches) {
        List<String> names = new ArrayList<>();
        for (String b : batches) {
            String f = BatchModels.fileName(b);
            if (names.contains(f)) {
                throw new JindException("Batches '" + batches.get(names.indexOf(f)) + "' and '" + b + "' would share"
                        + " the model file " + f + "; align them in two calls.");
            }
            names.add(f);
        }
        return names;
    }

    @Command(name = "selftrain", description = "JIND+: refine an aligned model on its most confident predictions for"
            + " the batch it was aligned to.")
    static final class SelfTrain implements Runnable {
        @Mixin
        OptionGroups.Input input;
        @Option(names = "--model", required = true, paramLabel = "PATH", description = "an aligned JIND model, or a"
                + " folder of models aligned to one batch each")
        Path model;
        @Option(names = "--out", required = true, paramLabel = "PATH", description = "where to write the JIND+ model;"
                + " with a model folder a folder, one <batch>.jind each")
        Path out;
        @Mixin
        OptionGroups.SelfTrain selfTrain;
        @Mixin
        OptionGroups.SeedThreads seedThreads;
        @Mixin
        OptionGroups.FillMissingGenes fill;
        @Mixin
        OptionGroups.Quiet quiet;

        @Override
        public void run() {
            if (input.severalBatches() || BatchModels.isFolder(model)) {
                selfTrainSeveral();
                return;
            }
            input.inputs().input("--model", model)
                    .output("--out", out);
            SelfTrainSettings s = selfTrain.settings(seedThreads);
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
            AlignedModel m = JindModel.load(model).aligned("Self-training");
            SelfTrainer.Result r = Jind.selfTrain(m, readPrepared(input, m, fill.fill, progress), s, progress);
            r.model().save(out);
            progress.endLine();
            Outputs.messages(out).printf(Locale.ROOT, "Saved the JIND+ model to %s (%d pseudo-labelled cells, best"
                    + " epoch %d)%n", out, r.pseudoLabelled(), r.bestEpoch());
        }

        /**
         * Each batch self-trained on its own, --threads at a time: --model is the folder of their aligned models
         * (as align writes it), --out the folder of their JIND+ models; --batch names the batches (default: every
         * batch with a model in the folder).
         */
        private void selfTrainSeveral() {
            if (!BatchModels.isFolder(model)) {
                throw new JindException("With several batches, --model is the folder of their aligned models (align"
                        + " --batch b1,b2 --out FOLDER writes it); " + model + " is one model.");
            }
            BatchModels models = BatchModels.load(model);
            if (input.batchKey == null) {
                input.batchKey = models.batchKey();
            }
            List<String> batches = input.batch != null ? input.batches() : models.batches();
            batches.forEach(models::forBatch); // a batch without its aligned model is refused before any work
            input.inputs().input("--model", model).outputsIn("--out", out, fileNames(batches));
            SelfTrainSettings s = selfTrain.settings(seedThreads);
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet);
            eachBatchInto(out, batches, seedThreads.threads.threads, progress, (b, p, file) -> {
                AlignedModel m = models.forBatch(b);
                SelfTrainer.Result r = Jind.selfTrain(m, readPrepared(input, b, m, fill.fill, p, progress), s, p);
                r.model().save(file);
                return String.format(Locale.ROOT, "Saved the JIND+ model of %s to %s (%d pseudo-labelled cells,"
                        + " best epoch %d)", b, file, r.pseudoLabelled(), r.bestEpoch());
            });
        }
    }

    /**
     * A training source read whole from its chunks, with progress (a large one takes a while) and a clear error when
     * the selection holds no cells.
     */
    static Dataset readSource(CellChunks cells, Path file, ConsoleProgress progress) {
        long total = cells.cells();
        long[] read = {0};
        CellChunks reported = CellChunks.peeking(cells, chunk -> {
            progress.checkCancelled();
            read[0] += chunk.cells();
            progress.report("read", total > 0 ? (double) read[0] / total : 0, read[0] + " source cells read");
        });
        Dataset d = reported.readAll(Jind.CHUNK_CELLS, file.getFileName().toString());
        if (d == null) {
            throw new JindException(file.getFileName() + ": the selection holds no cells.");
        }
        return d;
    }

    /** The batch read chunk by chunk, keeping only the model's genes (prepared as the model needs them). */
    static PreparedBatch readPrepared(OptionGroups.Input input, JindModel m, boolean fill, ConsoleProgress progress) {
        return readPrepared(input, input.batch, m, fill, progress, progress, Jind.CHUNK_CELLS);
    }

    /**
     * {@link #readPrepared(OptionGroups.Input, JindModel, boolean, ConsoleProgress)} of one batch of several, by a
     * batch worker, its progress on {@code progress}; notes on the matrix read go to {@code console}.
     */
    static PreparedBatch readPrepared(OptionGroups.Input input, String batch, JindModel m, boolean fill,
            Progress progress, ConsoleProgress console) {
        return readPrepared(input, batch, m, fill, progress, console, WORKER_READ_CELLS);
    }

    private static PreparedBatch readPrepared(OptionGroups.Input input, String batch, JindModel m, boolean fill,
            Progress progress, ConsoleProgress console, int chunkCells) {
        try (CellChunks data = input.open(m.labelKey, batch, m, console)) {
            PreparedBatch p = Jind.prepare(m, data, chunkCells, fill, progress);
            if (p.cells() == 0) {
                throw new JindException(input.input.getFileName() + ": the selection holds no cells.");
            }
            return p;
        }
    }

    @Command(name = "run", description = "The pipeline in one go: train on the source, then align and self-train on"
            + " the target, writing each stage's model and predictions to --out-dir. If a stage fails or the run is"
            + " stopped (Ctrl-C, SIGTERM), the files this run wrote are removed again (and --out-dir, if the run"
            + " created it).")
    static final class Run implements Runnable {
        @Option(names = "--source", required = true, paramLabel = "PATH",
                description = "annotated source cells (.h5ad, 10x .h5 or MatrixMarket folder, .csv/.tsv)")
        Path source;
        @Option(names = "--source-labels", paramLabel = "CSV",
                description = "for a 10x --source: CSV keyed by barcode with annotation columns")
        Path sourceLabels;
        @Option(names = "--source-genome", paramLabel = "NAME", description = OptionGroups.GENOME_HELP)
        String sourceGenome;
        @Option(names = "--source-batch", paramLabel = "NAME",
                description = "the source batch within --source (needs --batch-key)")
        String sourceBatch;
        @Option(names = "--target", paramLabel = "PATH", description = "target cells (default: the source file)")
        Path target;
        @Option(names = "--target-labels", paramLabel = "CSV", description = "for a 10x --target: CSV keyed by"
                + " barcode with annotation columns (default without --target: --source-labels)")
        Path targetLabels;
        @Option(names = "--target-genome", paramLabel = "NAME", description = OptionGroups.GENOME_HELP
                + " (default without --target: --source-genome)")
        String targetGenome;
        @Option(names = "--target-batch", paramLabel = "NAME",
                description = "the target batch within --target (needs --batch-key); several: b1,b2 or all (but the"
                        + " source), each aligned and self-trained on its own, --threads at a time")
        String targetBatch;
        @Option(names = "--source-matrix", paramLabel = "NAME", description = MatrixOption.HELP + ", of --source"
                + " (default: X)")
        String sourceMatrix;
        @Option(names = "--target-matrix", paramLabel = "NAME", description = MatrixOption.HELP + ", of the target"
                + " (default: the source's)")
        String targetMatrix;
        @Option(names = "--batch-key", paramLabel = "KEY", description = "annotation column holding batch names")
        String batchKey;
        @Option(names = "--label-key", paramLabel = "KEY",
                description = "annotation column with the cell types (default: ${DEFAULT-VALUE})")
        String labelKey = "cell_type";
        @Option(names = "--stages", paramLabel = "LIST", split = ",",
                description = "stages to run, in order: train,align,selftrain (default: all three)")
        List<String> stages = STAGES;
        @Mixin
        OptionGroups.Theta theta;
        @Option(names = "--out-dir", required = true, paramLabel = "DIR",
                description = "where to write models and predictions")
        Path outDir;
        @Mixin
        OptionGroups.Train train;
        @Mixin
        OptionGroups.Align align;
        @Mixin
        OptionGroups.SelfTrain selfTrain;
        @Mixin
        OptionGroups.SeedThreads seedThreads;
        @Option(names = "--json", description = "print one JSON line per stage and a total")
        boolean json;
        @Mixin
        OptionGroups.Quiet quiet;
        @Mixin
        Plots.Dir plots;

        @Override
        public void run() {
            if (BatchSelection.several(targetBatch)) {
                runSeveral();
                return;
            }
            List<String> stageList = checkedStages();
            List<String> outputs = new ArrayList<>();
            for (String stage : stageList) {
                outputs.add(STAGE_FILES.get(STAGES.indexOf(stage)));
                outputs.add(predictionsFile(stage));
            }
            Outputs checked = new Outputs().input("--source", source).input("--source-labels", sourceLabels)
                    .input("--target", target).input("--target-labels", targetLabels);
            checked.outputsIn("--out-dir", outDir, outputs);
            if (plots.dir != null) {
                checked.outputsIn("--plots", plots.dir, Plots.FILES);
            }
            TrainSettings ts = train.settings(seedThreads);
            double t = theta.value();
            AlignSettings as = align.settings(seedThreads, t);
            SelfTrainSettings ss = selfTrain.settings(seedThreads);
            if ((sourceBatch != null || targetBatch != null) && batchKey == null) {
                throw new JindException("--" + (sourceBatch != null ? "source-batch" : "target-batch")
                        + " needs --batch-key (the annotation column holding batch names).");
            }
            boolean quietProgress = quiet.quiet || json;
            ConsoleProgress progress = new ConsoleProgress(quietProgress);
            long t0 = System.nanoTime();
            // Each batch is read chunk by chunk keeping only its cells (the other batches of a shared file are never
            // held); the source is read whole for training and dropped after it, the target is kept only prepared.
            RunDirectory dir = null;
            boolean done = false;
            Reading r = reading(progress);
            try (CellChunks sourceCells = openSource(r, sourceBatch);
                    CellChunks targetCells = openTarget(r, targetBatch)) {
                dir = RunDirectory.create(outDir);
                stages(stageList, sourceCells, r.used(), targetCells, ts, as, ss, t, progress, t0);
                dir.keep();
                done = true;
            } finally {
                if (!done && dir != null) {
                    dir.removeWhatWasWritten();
                }
            }
        }

        /**
         * Several target batches: one training, then each batch aligned and self-trained on its own, --threads of them
         * at a time, exactly as if it were run alone. --out-dir gets model.jind, the folders aligned/ and jindplus/
         * with one model per batch (as align and selftrain write them for several batches) and one predictions file
         * per stage holding every batch, batch after batch.
         */
        private void runSeveral() {
            List<String> stageList = checkedStages();
            if (batchKey == null) {
                throw new JindException("--target-batch needs --batch-key (the annotation column holding batch names).");
            }
            if (plots.dir != null) {
                throw new JindException("--plots draws one batch; run that batch alone to draw its figures.");
            }
            List<String> batches = BatchSelection.resolve("--target-batch", targetBatch, targetPath(), batchKey,
                    target == null ? sourceBatch : null);
            List<String> modelFiles = fileNames(batches);
            List<String> outputs = new ArrayList<>();
            for (String stage : stageList) {
                String folder = stageFolder(stage);
                if (folder == null) {
                    outputs.add(STAGE_FILES.get(0));
                } else {
                    modelFiles.forEach(f -> outputs.add(folder + "/" + f));
                }
                outputs.add(predictionsFile(stage));
            }
            new Outputs().input("--source", source).input("--target", target).outputsIn("--out-dir", outDir, outputs);
            TrainSettings ts = train.settings(seedThreads);
            double t = theta.value();
            AlignSettings as = align.settings(seedThreads, t);
            SelfTrainSettings ss = selfTrain.settings(seedThreads);
            ConsoleProgress progress = new ConsoleProgress(quiet.quiet || json);
            long t0 = System.nanoTime();
            RunDirectory dir = null;
            boolean done = false;
            try {
                JindModel trained;
                Reading reading = reading(progress);
                try (CellChunks sourceCells = openSource(reading, sourceBatch);
                        CellChunks targetCells = openTarget(reading, null)) {
                    dir = RunDirectory.create(outDir);
                    trained = train(sourceCells, reading.used(), targetCells.genes(), ts, progress);
                }
                double trainSeconds = (System.nanoTime() - t0) / 1e9;
                Path modelFile = outDir.resolve(STAGE_FILES.get(0));
                trained.save(modelFile);
                dir.wrote(modelFile);
                RunDirectory written = dir;
                List<BatchRun> runs = PerBatch.run(batches, seedThreads.threads.threads, progress::forBatch,
                        (b, p) -> runBatch(b, reading, trained, stageList, as, ss, t, written, p));
                progress.endLine();
                for (int i = 0; i < stageList.size(); i++) {
                    String stage = stageList.get(i);
                    List<Annotation> parts = new ArrayList<>();
                    List<String> ids = new ArrayList<>();
                    for (BatchRun r : runs) {
                        parts.add(r.annotations().get(i));
                        ids.addAll(List.of(r.cellIds()));
                    }
                    Path predictions = outDir.resolve(predictionsFile(stage));
                    PredictionsCsv.write(predictions, ids.toArray(new String[0]), Annotation.concat(parts), true);
                    dir.wrote(predictions);
                    for (BatchRun r : runs) {
                        String folder = stageFolder(stage);
                        Path file = folder == null ? modelFile : outDir.resolve(folder).resolve(BatchModels.fileName(
                                r.batch()));
                        printStage(stage, r.batch(), r.truth() == null ? null : Metrics.of(r.annotations().get(i),
                                r.truth()), r.annotations().get(i), i == 0 ? trainSeconds : r.seconds()[i], file);
                    }
                }
                printTotal((System.nanoTime() - t0) / 1e9);
                dir.keep();
                done = true;
            } finally {
                if (!done && dir != null) {
                    dir.removeWhatWasWritten();
                }
            }
        }

        /**
         * How run reads its source and target: labels, genome and matrix as chosen, the target's defaulting to the
         * source's when the target is the source file; {@code used} is the matrix the trained model records.
         */
        private record Reading(ReadOptions source, ReadOptions target, MatrixChoice used) {
        }

        private Reading reading(ConsoleProgress progress) {
            MatrixChoice sourceM = MatrixOption.parse(sourceMatrix, "--source-matrix");
            MatrixChoice used = MatrixOption.used(source, sourceM); // what the model records
            // the target defaults to the source's matrix, as every later step defaults to the model's
            MatrixChoice targetM = target == null && targetMatrix == null ? sourceM
                    : MatrixOption.orRecorded(MatrixOption.parse(targetMatrix, "--target-matrix"), targetPath(), used,
                            "the source was read from", "--target-matrix", progress);
            // without --target the target is the source file, read as the source is unless told otherwise
            ReadOptions targetOptions = target != null ? new ReadOptions(targetLabels, targetGenome, targetM)
                    : new ReadOptions(targetLabels != null ? targetLabels : sourceLabels,
                            targetGenome != null ? targetGenome : sourceGenome, targetM);
            return new Reading(new ReadOptions(sourceLabels, sourceGenome, sourceM), targetOptions, used);
        }

        private CellChunks openSource(Reading r, String batch) {
            return OptionGroups.genomeNamed("--source-genome", () -> MatrixOption.open(source, r.source(), labelKey,
                    batchKey, batch, r.source().matrix(), "--source-matrix"));
        }

        private CellChunks openTarget(Reading r, String batch) {
            return OptionGroups.genomeNamed(target != null ? "--target-genome" : "--source-genome",
                    () -> MatrixOption.open(targetPath(), r.target(), labelKey, batch == null ? null : batchKey, batch,
                            r.target().matrix(), "--target-matrix"));
        }

        /** One target batch of several: prepared for the trained model, then its own alignment and self-training. */
        private BatchRun runBatch(String batch, Reading reading, JindModel trained, List<String> stageList, AlignSettings as,
                SelfTrainSettings ss, double t, RunDirectory dir, Progress progress) {
            PreparedBatch prepared;
            String[] truth;
            try (CellChunks cells = openTarget(reading, batch)) {
                TargetLabels labels = new TargetLabels(labelKey);
                prepared = Jind.prepare(trained, CellChunks.peeking(cells, labels), WORKER_READ_CELLS, false, progress);
                if (prepared.cells() == 0) {
                    throw new JindException(targetPath().getFileName() + ": batch '" + batch + "' holds no cells.");
                }
                truth = labels.truth(progress);
            }
            List<Annotation> annotations = new ArrayList<>();
            double[] seconds = new double[stageList.size()];
            JindModel model = trained;
            AlignedModel aligned = null;
            for (int i = 0; i < stageList.size(); i++) {
                long s0 = System.nanoTime();
                String stage = stageList.get(i);
                if (stage.equals("align")) {
                    model = aligned = BatchModels.named(Jind.align(trained, prepared, as, align.lanes(), progress).model(), batchKey,
                            batch);
                } else if (stage.equals("selftrain")) {
                    model = Jind.selfTrain(aligned, prepared, ss, progress).model();
                }
                seconds[i] = (System.nanoTime() - s0) / 1e9;
                String folder = stageFolder(stage);
                if (folder != null) {
                    Path file = dir.folder(folder).resolve(BatchModels.fileName(batch));
                    model.save(file); // as soon as it is made: the batches' models are not all held at once
                    dir.wrote(file);
                }
                annotations.add(Jind.annotate(model, prepared, t, progress));
            }
            return new BatchRun(batch, prepared.cellIds(), annotations, seconds, truth);
        }

        /** --target, or the source file when the target batch is in it. */
        private Path targetPath() {
            return target != null ? target : source;
        }

        /** Reads the source (only its cells) and trains on it; the source is not held once this returns. */
        private JindModel train(CellChunks sourceCells, MatrixChoice matrix, String[] targetGenes, TrainSettings ts,
                ConsoleProgress progress) {
            Dataset src = readSource(sourceCells, source, progress);
            return Jind.train(src, matrix, labelKey, List.of(new LinkedHashSet<>(List.of(targetGenes))), ts,
                    progress);
        }

        private List<String> checkedStages() {
            List<String> s = stages.stream().map(String::trim).filter(x -> !x.isEmpty()).toList();
            if (s.isEmpty()) {
                throw new JindException("--stages names no stage; give a prefix of train,align,selftrain (e.g."
                        + " 'train' or 'train,align').");
            }
            boolean ok = !s.isEmpty();
            for (int i = 0; ok && i < s.size(); i++) {
                ok = i < STAGES.size() && STAGES.get(i).equals(s.get(i));
            }
            if (!ok) {
                throw new JindException("--stages must be a prefix of train,align,selftrain (e.g. 'train' or"
                        + " 'train,align'); got '" + String.join(",", stages) + "'.");
            }
            return s;
        }

        private void stages(List<String> stageList, CellChunks sourceCells, MatrixChoice sourceMatrix,
                CellChunks targetCells, TrainSettings ts, AlignSettings as, SelfTrainSettings ss, double t,
                ConsoleProgress progress, long t0) {
            // The stages run in a fixed order, so each knows the type of the one before: the trained model, then the
            // aligned one, then JIND+. The target is prepared once, for the trained model; the later models share its
            // plan, so the same prepared batch serves alignment, self-training and every stage's annotation.
            JindModel model = null;
            AlignedModel aligned = null;
            PreparedBatch prepared = null;
            String[] truth = null; // the target's labels when every cell has one (then the stages are scored)
            for (String stage : stageList) {
                long ts0 = System.nanoTime();
                switch (stage) {
                    case "train" -> {
                        model = train(sourceCells, sourceMatrix, targetCells.genes(), ts, progress);
                        TargetLabels labels = new TargetLabels(labelKey);
                        prepared = Jind.prepare(model, CellChunks.peeking(targetCells, labels), Jind.CHUNK_CELLS,
                                false, progress);
                        if (prepared.cells() == 0) {
                            throw new JindException(targetPath().getFileName()
                                    + ": the target selection holds no cells.");
                        }
                        truth = labels.truth(progress);
                    }
                    case "align" -> model = aligned = Jind.align(model, prepared, as, align.lanes(), progress).model();
                    default -> model = Jind.selfTrain(aligned, prepared, ss, progress).model();
                }
                double seconds = (System.nanoTime() - (stage.equals("train") ? t0 : ts0)) / 1e9;
                Path file = outDir.resolve(STAGE_FILES.get(STAGES.indexOf(stage)));
                model.save(file);
                Annotation a = Jind.annotate(model, prepared, t, progress);
                Path predictions = outDir.resolve(predictionsFile(stage));
                PredictionsCsv.write(predictions, prepared.cellIds(), a, true);
                Metrics m = truth != null ? Metrics.of(a, truth) : null;
                progress.endLine();
                printStage(stage, null, m, a, seconds, file);
            }
            if (plots.dir != null) { // the last stage's model on the target; with --json on stderr, as progress is
                Plots.write(plots.dir, Plots.forPrepared(model, prepared, truth, t),
                        json ? System.err : System.out);
            }
            printTotal((System.nanoTime() - t0) / 1e9);
        }

        /** One stage's line (or JSON object): its scores when the target is labelled, else its rejection. */
        private void printStage(String stage, String batch, Metrics m, Annotation a, double seconds, Path file) {
            if (json) {
                JsonObject o = Commands.stageJson(stage, m, seconds);
                if (batch != null) {
                    o.addProperty("batch", batch);
                }
                System.out.println(o);
            } else {
                System.out.printf(Locale.ROOT, "%-10s %s%s  (%.1f s)  -> %s%n", stage, batch == null ? ""
                        : batch + "  ", m == null ? String.format(Locale.ROOT, "rejected %.4f", a.rejectedFraction())
                        : String.format(Locale.ROOT, "raw %.4f  rej %.4f  eff %.4f", m.raw(), m.rej(), m.eff()),
                        seconds, file);
            }
        }

        private void printTotal(double total) {
            if (json) {
                JsonObject o = new JsonObject();
                o.addProperty("stage", "total");
                o.addProperty("seconds", Math.round(total * 1000) / 1000.0);
                System.out.println(o);
            } else {
                System.out.printf(Locale.ROOT, "total      %.1f s%n", total);
            }
        }
    }

    /**
     * What one target batch of several gave: per stage its annotation and seconds, the cells' ids, and the labels
     * when every cell has one.
     */
    private record BatchRun(String batch, String[] cellIds, List<Annotation> annotations, double[] seconds,
            String[] truth) {
    }

    /** With several target batches, the folder of a stage's models in --out-dir (null: the one trained model). */
    static String stageFolder(String stage) {
        return switch (stage) {
            case "align" -> "aligned";
            case "selftrain" -> "jindplus";
            default -> null;
        };
    }

    static String predictionsFile(String stage) {
        return "predictions_" + stage + ".csv";
    }

    /** The label column of a target read chunk by chunk (a {@link CellChunks#peeking} observer). */
    private static final class TargetLabels implements java.util.function.Consumer<Dataset> {
        private final String key;
        private final List<String> values = new ArrayList<>();
        private boolean absent;

        TargetLabels(String key) {
            this.key = key;
        }

        @Override
        public void accept(Dataset chunk) {
            if (chunk.hasObs(key)) {
                values.addAll(List.of(chunk.obs(key)));
            } else {
                absent = true;
            }
        }

        /**
         * The labels when every target cell has one, else null (the stages are not scored); a partly labelled
         * target is still aligned, with a warning.
         */
        String[] truth(Progress progress) {
            if (absent) {
                return null;
            }
            String[] labels = values.toArray(new String[0]);
            int unlabelled = Labels.missing(labels);
            if (unlabelled > 0) {
                progress.warn(Plural.of(unlabelled, "target cell") + (unlabelled == 1 ? " has" : " have")
                        + " no label in '" + key + "'; the stages are not scored.");
                return null;
            }
            return labels;
        }
    }

    /**
     * run's --out-dir and what this run writes (into it and --plots): a failed or stopped run takes it away again,
     * since a stage file left from an unfinished run would look like a result. Recorded by {@link AtomicFiles.Undo},
     * whose exit hook also takes it back when the JVM is stopped (Ctrl-C, SIGTERM).
     */
    static final class RunDirectory {
        private final Path dir;
        private final AtomicFiles.Undo undo;

        private RunDirectory(Path dir, AtomicFiles.Undo undo) {
            this.dir = dir;
            this.undo = undo;
        }

        static RunDirectory create(Path dir) {
            AtomicFiles.Undo undo = AtomicFiles.Undo.start();
            try {
                undo.createDirectories(dir);
            } catch (IOException e) {
                undo.keep(); // nothing was created
                throw new JindException("Cannot create --out-dir " + dir + ": " + Errors.describe(e) + ".");
            }
            return new RunDirectory(dir, undo);
        }

        /** The run is complete: what it wrote stays. */
        void keep() {
            undo.keep();
        }

        /**
         * Notes a file this run has written (files are written atomically: whole or not at all), also from the
         * worker threads of several batches, whose writes the undo of the starting thread does not see.
         */
        void wrote(Path file) {
            undo.record(file);
        }

        /** A folder inside this one (created if missing; taken away again with a failed run if it created it). */
        Path folder(String name) {
            Path f = dir.resolve(name);
            try {
                undo.createDirectories(f);
            } catch (IOException e) {
                throw new JindException("Cannot create " + f + ": " + Errors.describe(e) + ".");
            }
            return f;
        }

        void removeWhatWasWritten() {
            try {
                undo.revert();
            } catch (IOException e) {
                System.err.println("warning: could not remove what the failed run wrote to " + dir + " ("
                        + Errors.describe(e) + ")");
            }
        }
    }
}
