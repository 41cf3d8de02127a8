package org.jind.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.annotate.Annotation;
import org.jind.core.annotate.Predictor;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.Tensors;
import org.jind.core.prep.Preprocessing;
import org.jind.core.random.Rng;
import org.jind.core.train.Batches;
import org.jind.core.train.ClassifierTrainer;
import org.jind.core.train.Labels;

import com.google.gson.JsonObject;

/** The entry points shared by the CLI and the KNIME nodes: train a model, annotate a batch. */
public final class Jind {
    /** At most this many source latent codes are kept in the model for aligning new batches. */
    public static final int MAX_SOURCE_CODES = 10_000;

    private Jind() {
    }

    /**
     * Trains on the labelled source.
     *
     * @param targetGenes gene sets of the target batches to keep only common genes (§1), or null
     */
    public static JindModel train(Dataset source, String labelKey, List<Set<String>> targetGenes, TrainSettings s,
            Progress progress) {
        s.validated();
        Labels labels = Labels.forTraining(source.obs(labelKey), labelKey);
        progress.report("train", 0, "preprocessing " + source);
        Preprocessing.Fitted fitted = Preprocessing.fit(source, targetGenes, s.genesKept());
        ClassifierTrainer.Result r = ClassifierTrainer.train(fitted.x(), labels.y(), labels.classes().length, s, progress);
        JindModel m = new JindModel(labelKey, labels.classes(), fitted.plan(), r.net(), r.validation(), s, r.history(),
                provenance(source));
        storeSourceCodes(m, fitted.x(), labels.y(), s.seed());
        return m;
    }

    /**
     * Keeps the source latent codes E(x) (inference mode) so alignment needs only the model and the new batch.
     * All of them up to {@link #MAX_SOURCE_CODES}; beyond that a stratified sample of that size (each class
     * keeps its share, at least one cell).
     */
    static void storeSourceCodes(JindModel m, SparseMatrix x, int[] y, long seed) {
        int[] rows = sampleStratified(y, m.classes.length, MAX_SOURCE_CODES, new Rng(seed ^ 0x5EED));
        SparseMatrix sample = x.selectRows(rows);
        float[] codes = new float[rows.length * ClassifierNet.LATENT];
        Batches b = new Batches(sample);
        for (int from = 0; from < rows.length; from += 1024) {
            int n = Math.min(1024, rows.length - from);
            float[] c = Tensors.toArray(m.net.encode(b.range(from, n)));
            System.arraycopy(c, 0, codes, from * ClassifierNet.LATENT, c.length);
        }
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = y[rows[i]];
        }
        m.sourceCodes = codes;
        m.sourceCodeLabels = labels;
    }

    static int[] sampleStratified(int[] y, int classes, int max, Rng rng) {
        if (y.length <= max) {
            return java.util.stream.IntStream.range(0, y.length).toArray();
        }
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < classes; c++) {
            final int cls = c;
            int[] members = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == cls).toArray();
            rng.shuffle(members);
            int keep = (int) Math.max(1, Math.floor((double) members.length * max / y.length));
            for (int i = 0; i < Math.min(keep, members.length); i++) {
                out.add(members[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Preprocesses a batch the model's way; warnings go to {@code progress}. */
    public static SparseMatrix prepare(JindModel model, Dataset batch, boolean fillMissing, Progress progress) {
        List<String> warnings = new ArrayList<>();
        SparseMatrix x = Preprocessing.apply(model.plan, batch, fillMissing, warnings);
        warnings.forEach(progress::warn);
        return x;
    }

    /** Annotates a batch at outlier fraction θ, warning when an aligned model meets another batch. */
    public static Annotation annotate(JindModel model, Dataset batch, double theta, boolean fillMissing,
            Progress progress) {
        warnIfOtherBatch(model, batch, progress);
        return Predictor.annotate(model, prepare(model, batch, fillMissing, progress), theta);
    }

    /** Aligns a target batch onto the model's latent space (§6); the given model is not changed. */
    public static Aligner.Result align(JindModel model, Dataset target, AlignSettings s, boolean fillMissing,
            Progress progress) {
        return Aligner.align(model, prepare(model, target, fillMissing, progress), target.cellIdFingerprint(), s,
                progress);
    }

    /** JIND+ self-training on the batch the model was aligned to (§7); the given model is not changed. */
    public static SelfTrainer.Result selfTrain(JindModel aligned, Dataset target, SelfTrainSettings s,
            boolean fillMissing, Progress progress) {
        warnIfOtherBatch(aligned, target, progress);
        return SelfTrainer.selfTrain(aligned, prepare(aligned, target, fillMissing, progress), s, progress);
    }

    /** An aligned model fits the batch it was aligned to; on another one its predictions may be off. */
    public static void warnIfOtherBatch(JindModel model, Dataset batch, Progress progress) {
        if (model.alignment == null || !model.alignment.has("targetFingerprint")) {
            return;
        }
        String fp = model.alignment.get("targetFingerprint").getAsString();
        if (!fp.equals(batch.cellIdFingerprint())) {
            progress.warn("This model was aligned to another batch (" + model.alignment.get("targetCells").getAsInt()
                    + " cells); its generator may not suit these " + batch.cells()
                    + " cells. Align this batch with its own Align step for reliable predictions.");
        }
    }

    static JsonObject provenance(Dataset source) {
        JsonObject p = new JsonObject();
        p.addProperty("jindVersion", Version.JIND);
        p.addProperty("modelFormat", org.jind.core.model.ModelFile.FORMAT_VERSION);
        p.addProperty("created", java.time.Instant.now().toString());
        p.addProperty("java", System.getProperty("java.version"));
        p.addProperty("nd4j", Version.ND4J);
        p.addProperty("sourceCells", source.cells());
        return p;
    }
}
