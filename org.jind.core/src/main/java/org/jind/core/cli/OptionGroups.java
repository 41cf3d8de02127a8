package org.jind.core.cli;

import static org.jind.core.InvalidSettingException.Setting.BATCH_SIZE;
import static org.jind.core.InvalidSettingException.Setting.EPOCHS;
import static org.jind.core.InvalidSettingException.Setting.GENES_KEPT;
import static org.jind.core.InvalidSettingException.Setting.KEEP_FRACTION;
import static org.jind.core.InvalidSettingException.Setting.LEARNING_RATE;
import static org.jind.core.InvalidSettingException.Setting.MAX_EPOCHS;
import static org.jind.core.InvalidSettingException.Setting.PATIENCE;
import static org.jind.core.InvalidSettingException.Setting.THETA;
import static org.jind.core.InvalidSettingException.Setting.VALIDATION_FRACTION;
import static org.jind.core.InvalidSettingException.Setting.WEIGHT_DECAY_DISCRIMINATOR;
import static org.jind.core.InvalidSettingException.Setting.WEIGHT_DECAY_GENERATOR;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.jind.core.InvalidSettingException;
import org.jind.core.JindException;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.data.CellChunks;
import org.jind.core.data.GenomeChoiceException;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.ReadOptions;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The options several commands share, as picocli mixins: a command adds a group with
 * {@code @Mixin OptionGroups.Input input;}. Defaults come from the core's settings records. Each group that makes
 * a settings record maps the core's {@link InvalidSettingException} (which names a concept) to the option the
 * user typed, so {@code --align-lr -1} is reported as {@code --align-lr}, never as {@code --lr}.
 */
final class OptionGroups {
    private OptionGroups() {
    }

    /** Makes a settings record, renaming a refused setting to its option. */
    static <T> T named(Supplier<T> make, Map<InvalidSettingException.Setting, String> options) {
        try {
            return make.get();
        } catch (InvalidSettingException e) {
            String option = options.get(e.setting());
            throw option == null ? e : e.renamed(option);
        }
    }

    /** The cells to read. */
    static final class Input {
        @Option(names = "--input", required = true, paramLabel = "PATH", description = "cells to read: .h5ad,"
                + " 10x .h5, 10x or GEO MatrixMarket folder (or its matrix.mtx[.gz]), or .csv/.tsv[.gz]")
        Path input;

        @Option(names = "--labels", paramLabel = "CSV",
                description = "for 10x inputs: CSV keyed by barcode with annotation columns")
        Path labels;

        @Option(names = "--genome", paramLabel = "NAME", description = GENOME_HELP)
        String genome;

        @Option(names = "--batch-key", paramLabel = "KEY", description = "annotation column holding batch names")
        String batchKey;

        @Option(names = "--batch", paramLabel = "NAME", description = "keep only this batch (needs --batch-key);"
                + " align, selftrain and annotate also take several, b1,b2 or all, each with its own alignment")
        String batch;

        @Option(names = "--matrix", paramLabel = "NAME", description = MatrixOption.HELP
                + " (default: X; with --model, the matrix the model was trained on)")
        String matrix;

        /** The files these options read, for the check that no output replaces one of them. */
        Outputs inputs() {
            return new Outputs().input("--input", input).input("--labels", labels);
        }

        /** The cells in chunks (train: memory bounded by a chunk until joined); close it. */
        CellChunks open(String labelKey) {
            return open(labelKey, batch);
        }

        /** The cells of one batch (of several named in --batch); close it. */
        CellChunks open(String labelKey, String oneBatch) {
            return genomeNamed("--genome", () -> MatrixOption.open(input, new ReadOptions(labels, genome), labelKey,
                    batchKey, oneBatch, chosen(), "--matrix"));
        }

        /**
         * The cells in chunks for a step given {@code model} (annotate, evaluate: memory bounded by a chunk): from
         * --matrix, else from the matrix the model was trained on when the input has it; close it.
         */
        CellChunks open(String labelKey, JindModel model, ConsoleProgress progress) {
            return open(labelKey, batch, model, progress);
        }

        /** {@link #open(String, JindModel, ConsoleProgress)} of one batch (of several named in --batch). */
        CellChunks open(String labelKey, String oneBatch, JindModel model, ConsoleProgress progress) {
            MatrixChoice m = MatrixOption.orRecorded(chosen(), input, model.plan.matrix(), "the model was trained on",
                    "--matrix", progress);
            return genomeNamed("--genome", () -> MatrixOption.open(input, new ReadOptions(labels, genome), labelKey,
                    batchKey, oneBatch, m, "--matrix"));
        }

        /** What a model trained on these cells records as its matrix. */
        MatrixChoice used() {
            return MatrixOption.used(input, chosen());
        }

        private MatrixChoice chosen() {
            return MatrixOption.parse(matrix, "--matrix");
        }

        /** Whether --batch names several batches (then each is aligned, self-trained or annotated on its own). */
        boolean severalBatches() {
            return BatchSelection.several(batch);
        }

        /** The batches --batch names (several, or all of --batch-key's). */
        java.util.List<String> batches() {
            if (batchKey == null) {
                throw new JindException("--batch needs --batch-key (the annotation column holding batch names).");
            }
            return BatchSelection.resolve("--batch", batch, input, batchKey, null);
        }
    }

    static final String GENOME_HELP = "for a 10x Cell Ranger 2 .h5 with several genomes: the one to read";

    /** Reads an input; a genome left to choose is reported naming {@code genomeOption}, the option that chooses it. */
    static <T> T genomeNamed(String genomeOption, Supplier<T> reading) {
        try {
            return reading.get();
        } catch (GenomeChoiceException e) {
            throw e.renamed(genomeOption);
        }
    }

    /** --seed and --threads, shared by every step. */
    static final class SeedThreads {
        @Option(names = "--seed", paramLabel = "N", description = "random seed (same data + seed = same model; draws"
                + " as the Python reference's seed N) (default: ${DEFAULT-VALUE})")
        long seed = TrainSettings.defaults().seed();

        @Mixin
        Threads threads;
    }

    /**
     * --threads, for every command that computes. Applied once for the whole process, before the command runs
     * ({@link Main}); never part of a setting.
     */
    static final class Threads {
        @Option(names = "--threads", paramLabel = "N", description = Main.THREADS_HELP)
        int threads = 1;
    }

    /** Classifier training. */
    static final class Train {
        private static final TrainSettings D = TrainSettings.defaults();

        @Option(names = "--genes", paramLabel = "N", description = "top-variance genes kept (default: ${DEFAULT-VALUE})")
        int genes = D.genesKept();

        @Option(names = "--epochs", paramLabel = "N", description = "training epochs (default: ${DEFAULT-VALUE})")
        int epochs = D.epochs();

        @Option(names = "--batch-size", paramLabel = "N", description = "minibatch size (default: ${DEFAULT-VALUE})")
        int batchSize = D.batchSize();

        @Option(names = "--lr", paramLabel = "X", description = "Adam learning rate (default: ${DEFAULT-VALUE})")
        double lr = D.learningRate();

        @Option(names = "--val-fraction", paramLabel = "X",
                description = "fraction of source cells for validation (default: ${DEFAULT-VALUE})")
        double valFraction = D.validationFraction();

        TrainSettings settings(SeedThreads st) {
            return named(() -> new TrainSettings(genes, epochs, batchSize, lr, valFraction, st.seed),
                    Map.of(GENES_KEPT, "--genes", EPOCHS, "--epochs", BATCH_SIZE, "--batch-size", LEARNING_RATE, "--lr",
                            VALIDATION_FRACTION, "--val-fraction"));
        }
    }

    /** Adversarial alignment. */
    static final class Align {
        private static final AlignSettings D = AlignSettings.defaults();

        @Option(names = "--align-lr", paramLabel = "X",
                description = "RMSprop learning rate of alignment (default: ${DEFAULT-VALUE})")
        double lr = D.learningRate();

        @Option(names = "--wd-g", paramLabel = "X", description = "weight decay of the generator (default: ${DEFAULT-VALUE})")
        double wdG = D.weightDecayG();

        @Option(names = "--wd-d", paramLabel = "X",
                description = "weight decay of the discriminator (default: ${DEFAULT-VALUE})")
        double wdD = D.weightDecayD();

        @Option(names = "--align-batch-size", paramLabel = "N",
                description = "alignment minibatch size (default: ${DEFAULT-VALUE})")
        int batchSize = D.batchSize();

        @Option(names = "--max-epochs", paramLabel = "N",
                description = "at most this many alignment epochs (default: ${DEFAULT-VALUE})")
        int maxEpochs = D.maxEpochs();

        @Option(names = "--patience", paramLabel = "N",
                description = "stop after this many balanced (or unbalanced) epochs (default: ${DEFAULT-VALUE})")
        int patience = D.patience();

        @Option(names = "--consider-unaligned",
                description = "keep the unaligned model when it rejects fewer target cells")
        boolean considerUnaligned;

        @Option(names = "--align-lanes", paramLabel = "N", description = "2: each alignment iteration's independent"
                + " products on two threads (the same model to the bit; best with --threads 1) (default: 1)")
        int lanes = 1;

        /** --align-lanes, checked. */
        int lanes() {
            if (lanes < 1 || lanes > 2) {
                throw new JindException("--align-lanes must be 1 or 2; it is " + lanes + ".");
            }
            return lanes;
        }

        AlignSettings settings(SeedThreads st, double theta) {
            lanes(); // checked with the settings, before any work
            return named(() -> new AlignSettings(lr, wdG, wdD, batchSize, maxEpochs, patience, theta, st.seed,
                    considerUnaligned),
                    Map.of(LEARNING_RATE, "--align-lr", WEIGHT_DECAY_GENERATOR, "--wd-g", WEIGHT_DECAY_DISCRIMINATOR,
                            "--wd-d", BATCH_SIZE, "--align-batch-size", MAX_EPOCHS, "--max-epochs", PATIENCE,
                            "--patience", THETA, "--theta"));
        }
    }

    /** JIND+ self-training. */
    static final class SelfTrain {
        private static final SelfTrainSettings D = SelfTrainSettings.defaults();

        @Option(names = "--st-lr", paramLabel = "X",
                description = "Adam learning rate of self-training (default: ${DEFAULT-VALUE})")
        double lr = D.learningRate();

        @Option(names = "--st-batch-size", paramLabel = "N",
                description = "self-training minibatch size (default: ${DEFAULT-VALUE})")
        int batchSize = D.batchSize();

        @Option(names = "--st-epochs", paramLabel = "N", description = "self-training epochs (default: ${DEFAULT-VALUE})")
        int epochs = D.epochs();

        @Option(names = "--st-val-fraction", paramLabel = "X",
                description = "pseudo-labelled cells for validation (default: ${DEFAULT-VALUE})")
        double valFraction = D.validationFraction();

        @Option(names = "--keep-fraction", paramLabel = "X",
                description = "most confident fraction kept per predicted type (default: ${DEFAULT-VALUE})")
        double keepFraction = D.keepFraction();

        SelfTrainSettings settings(SeedThreads st) {
            return named(() -> new SelfTrainSettings(lr, batchSize, epochs, valFraction, keepFraction, st.seed),
                    Map.of(LEARNING_RATE, "--st-lr", BATCH_SIZE, "--st-batch-size", EPOCHS, "--st-epochs",
                            VALIDATION_FRACTION, "--st-val-fraction", KEEP_FRACTION, "--keep-fraction"));
        }
    }

    /** θ of the rejection thresholds. */
    static final class Theta {
        @Option(names = "--theta", paramLabel = "X",
                description = "outlier fraction for the per-type rejection thresholds (default: ${DEFAULT-VALUE})")
        double theta = 0.05;

        double value() {
            if (!(theta >= 0 && theta < 1)) {
                throw new JindException("--theta must be in [0, 1); got " + theta + ".");
            }
            return theta;
        }
    }

    static final class Quiet {
        @Option(names = "--quiet", description = "no progress output")
        boolean quiet;
    }

    static final class FillMissingGenes {
        @Option(names = "--fill-missing-genes", description = "treat genes of the model missing from the data as zero")
        boolean fill;
    }
}
