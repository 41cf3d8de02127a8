package org.jind.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.NoSuchMatrixException;
import org.jind.core.data.ReadOptions;
import org.jind.core.model.JindModel;
import org.jind.core.prep.PreparedBatch;
import org.jind.core.plot.Figure;
import org.jind.core.plot.ModelFigures;
import org.jind.core.util.Errors;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --plots DIR} (run, evaluate, align) and the {@code plot} command: which figures a command can draw and
 * writing them, each as PNG and SVG. The figures are drawn from the same seed as the model (its training seed),
 * so the same inputs give the same files.
 */
final class Plots {
    /** Every figure file a command may write, for the check that no input is overwritten. */
    static final List<String> FILES = Stream.of("confusion", "confidence", "confidence-validation", "latent-before",
            "latent-after", "latent-source", "training", "alignment", "selftraining")
            .flatMap(n -> Stream.of(n + ".png", n + ".svg")).toList();

    private Plots() {
    }

    /** {@code --plots DIR} of run, evaluate and align. */
    static final class Dir {
        @Option(names = "--plots", paramLabel = "DIR", description = "also draw figures into DIR (created if missing),"
                + " each as PNG and SVG: curves, confusion matrix (labelled cells), confidence per type, latent maps")
        Path dir;
    }

    @Command(name = "plot", description = "Draw the figures a model allows (curves, validation confidence, source"
            + " latent map) and, with --input, those of a batch (confusion matrix when labelled, confidence, latent"
            + " maps before and after alignment), each as PNG and SVG.")
    static final class Plot implements Runnable {
        @Option(names = "--model", required = true, paramLabel = "FILE", description = "a JIND model (.jind)")
        Path model;
        @Option(names = "--input", paramLabel = "PATH",
                description = "a batch to draw: .h5ad, 10x directory, or .csv/.tsv[.gz]")
        Path input;
        @Option(names = "--labels", paramLabel = "CSV",
                description = "for 10x directories: CSV keyed by barcode with annotation columns")
        Path labels;
        @Option(names = "--genome", paramLabel = "NAME", description = OptionGroups.GENOME_HELP)
        String genome;
        @Option(names = "--batch-key", paramLabel = "KEY", description = "annotation column holding batch names")
        String batchKey;
        @Option(names = "--batch", paramLabel = "NAME", description = "keep only this batch (needs --batch-key)")
        String batch;
        @Option(names = "--matrix", paramLabel = "NAME", description = MatrixOption.HELP
                + " (default: the matrix the model was trained on)")
        String matrix;
        @Option(names = "--label-key", paramLabel = "KEY", description = "annotation column with the true cell types"
                + " (default: the model's; used when the batch has it for every cell)")
        String labelKey;
        @Option(names = "--out", paramLabel = "DIR", description = "directory for the figures (default: ${DEFAULT-VALUE})")
        Path out = Path.of("plots");
        @Mixin
        OptionGroups.Theta theta;
        @Mixin
        OptionGroups.FillMissingGenes fill;

        @Override
        public void run() {
            new Outputs().input("--model", model).input("--input", input).input("--labels", labels)
                    .outputsIn("--out", out, FILES);
            if (input == null && (labels != null || genome != null || batchKey != null || batch != null
                    || labelKey != null || matrix != null)) {
                throw new JindException("--labels, --genome, --batch-key, --batch, --label-key and --matrix describe the batch"
                        + " given with --input; add --input or leave them out.");
            }
            if (batch != null && batchKey == null) {
                throw new JindException("--batch needs --batch-key (the annotation column holding batch names).");
            }
            double t = theta.value();
            JindModel m = JindModel.load(model);
            List<Figure> figures;
            if (input == null) {
                figures = forModel(m, t);
            } else {
                String key = labelKey != null ? labelKey : m.labelKey;
                MatrixChoice mc = MatrixOption.orRecorded(MatrixOption.parse(matrix, "--matrix"), input,
                        m.plan.matrix(), "the model was trained on", "--matrix", new ConsoleProgress(false));
                Dataset data;
                try {
                    data = OptionGroups.genomeNamed("--genome", () -> DatasetReader.read(input,
                            new ReadOptions(labels, genome, mc), key, batchKey, batch));
                } catch (NoSuchMatrixException e) {
                    throw e.renamed("--matrix");
                }
                if (labelKey != null && !data.hasObs(labelKey)) {
                    throw new JindException("--label-key " + labelKey + " is not an annotation of " + input + ".");
                }
                figures = forPrepared(m, Jind.prepare(m, data, fill.fill, Progress.NONE), truth(data, key), t);
            }
            write(out, figures, System.out);
        }
    }

    /** The true labels when the batch has the column with a value for every cell, else null (not scored). */
    static String[] truth(Dataset d, String key) {
        if (!d.hasObs(key)) {
            return null;
        }
        String[] t = d.obs(key);
        for (String v : t) {
            if (v == null || v.isBlank()) {
                return null;
            }
        }
        return t;
    }

    /** Refuses a figure directory that is an existing file, before any work. */
    static void check(String option, Path dir) {
        if (dir != null && Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new JindException(option + " " + dir + " is a file; give a directory for the figures (it is created"
                    + " if missing).");
        }
    }

    /**
     * A model's curves and what it shows on one batch: confusion (when {@code truth} is given), confidence,
     * latent maps before and (aligned) after alignment.
     */
    static List<Figure> forPrepared(JindModel m, PreparedBatch batch, String[] truth, double theta) {
        List<Figure> out = new ArrayList<>(ModelFigures.curves(m));
        out.addAll(ModelFigures.ofBatch(m, batch.matrixFor(m.plan), truth, theta, m.trainSettings.seed()));
        return out;
    }

    /** What the model alone shows (curves, validation confidence, the source latent map). */
    static List<Figure> forModel(JindModel m, double theta) {
        return ModelFigures.ofModel(m, theta, true, m.trainSettings.seed());
    }

    /** Writes the figures into {@code dir} and says so on {@code out}. */
    static void write(Path dir, List<Figure> figures, PrintStream out) {
        try {
            ModelFigures.write(figures, dir);
        } catch (IOException e) {
            throw new JindException("Cannot write the figures to " + dir + " (" + Errors.describe(e) + ").");
        }
        out.println("Wrote " + figures.size() + " figures (PNG and SVG) to " + dir + ": "
                + String.join(", ", figures.stream().map(Figure::name).toList()));
    }
}
