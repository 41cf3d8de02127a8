package org.jind.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.function.Supplier;

import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.annotate.Annotation;
import org.jind.core.annotate.Predictor;
import org.jind.core.annotate.Thresholds;
import org.jind.core.data.CellChunks;
import org.jind.core.data.Dataset;
import org.jind.core.data.MatrixChoice;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.nn.Backend;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.Tensors;
import org.jind.core.prep.BatchPreparer;
import org.jind.core.prep.PreparedBatch;
import org.jind.core.prep.Preprocessing;
import org.jind.core.random.Rng;
import org.jind.core.train.Batches;
import org.jind.core.train.ClassifierTrainer;
import org.jind.core.train.Labels;
import org.jind.core.util.Plural;

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
        return train(source, null, labelKey, targetGenes, s, progress);
    }

    /**
     * Trains on the labelled source read from the AnnData matrix {@code matrix}, which the model records: later
     * batches are read from the same matrix unless another is chosen.
     *
     * @param matrix null when the source is not an AnnData file (or not known)
     */
    public static JindModel train(Dataset source, MatrixChoice matrix, String labelKey, List<Set<String>> targetGenes,
            TrainSettings s, Progress progress) {
        if (source.cells() == 0 || source.genes().length == 0) { // valid AnnData files may have either
            throw new JindException("The training data hold " + source.cells() + " cells × " + source.genes().length
                    + " genes; training needs cells with genes.");
        }
        Labels labels = Labels.forTraining(source.obs(labelKey), labelKey);
        progress.report("train", 0, "preprocessing " + source);
        Preprocessing.Fitted fitted = Preprocessing.fit(source, targetGenes, s.genesKept());
        ClassifierTrainer.Result r = ClassifierTrainer.train(fitted.x(), labels.y(), labels.classes().length, s, progress);
        SourceCodes codes = sourceCodes(r.net(), labels.classes().length, fitted.x(), labels.y(), s.seed());
        return new JindModel(labelKey, labels.classes(), fitted.plan().withMatrix(matrix), r.net(), r.validation(), s, r.history(),
                provenance(source), codes.codes(), codes.labels());
    }

    /** Source latent codes (cells × 256, row-major) and their classes. */
    record SourceCodes(float[] codes, int[] labels) {
    }

    /**
     * The source latent codes E(x) (inference mode) the model keeps so alignment needs only the model and the new
     * batch. All of them up to {@link #MAX_SOURCE_CODES}; beyond that a stratified sample of that size (each class
     * keeps its share, at least one cell).
     */
    static SourceCodes sourceCodes(ClassifierNet net, int classes, SparseMatrix x, int[] y, long seed) {
        int[] rows = sampleStratified(y, classes, MAX_SOURCE_CODES, new Rng(seed ^ 0x5EED));
        SparseMatrix sample = x.selectRows(rows);
        float[] codes = new float[rows.length * ClassifierNet.LATENT];
        Batches b = new Batches(sample);
        for (int from = 0; from < rows.length; from += 1024) {
            int n = Math.min(1024, rows.length - from);
            float[] c = Tensors.toArray(net.encode(b.range(from, n)));
            System.arraycopy(c, 0, codes, from * ClassifierNet.LATENT, c.length);
        }
        int[] labels = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            labels[i] = y[rows[i]];
        }
        return new SourceCodes(codes, labels);
    }

    /** Row indices of a stratified sample of at most {@code max} rows (each class keeps its share, at least one). */
    public static int[] sampleStratified(int[] y, int classes, int max, Rng rng) {
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

    /** The progress stage under which a batch is prepared (reported once per preparation). */
    public static final String PREPARE = "prepare";

    /**
     * Prepares a batch for the model (its genes in its order, its transform applied), once for everything that
     * follows: alignment, self-training and annotation of every stage derived from this model. Warnings go to
     * {@code progress}.
     */
    public static PreparedBatch prepare(JindModel model, Dataset batch, boolean fillMissing, Progress progress) {
        progress.report(PREPARE, 0, "preparing " + Plural.of(batch.cells(), "cell") + " for the model");
        List<String> warnings = new ArrayList<>();
        SparseMatrix x = Preprocessing.apply(model.plan, batch, fillMissing, warnings);
        warnings.forEach(progress::warn);
        return new PreparedBatch(model.plan, x, batch.cellIds());
    }

    /**
     * Reads a batch chunk by chunk and keeps only what the model uses: each chunk is prepared (the model's genes
     * selected, transformed) as soon as it is read, so the whole raw matrix is never held, only the prepared
     * one. The same result as {@link #prepare(JindModel, Dataset, boolean, Progress)} on the whole batch.
     */
    public static PreparedBatch prepare(JindModel model, CellChunks input, int chunkCells, boolean fillMissing,
            Progress progress) {
        long total = input.cells();
        progress.report(PREPARE, 0, "preparing " + (total >= 0 ? Plural.of(total, "cell") : "the cells")
                + " for the model as they are read");
        List<String> warnings = new ArrayList<>();
        BatchPreparer prep = new BatchPreparer(model.plan, input.genes(), input.geneAliases(), fillMissing, warnings);
        warnings.forEach(progress::warn);
        List<SparseMatrix> parts = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        Dataset chunk;
        while ((chunk = input.next(chunkCells)) != null) {
            progress.checkCancelled();
            parts.add(prep.apply(chunk.matrix()));
            ids.addAll(List.of(chunk.cellIds()));
            progress.report("read", total > 0 ? (double) ids.size() / total : 0, ids.size() + " cells read");
        }
        SparseMatrix x = parts.isEmpty() ? new SparseMatrix.Builder(model.genes()).build()
                : SparseMatrix.concatRows(parts);
        return new PreparedBatch(model.plan, x, ids.toArray(new String[0]));
    }

    /**
     * Aligns a target batch prepared for the model onto the model's latent space (§6). Any stage aligns (an aligned
     * model is realigned from its trained networks); the given model is not changed, and the aligned one shares
     * its trained networks.
     */
    public static Aligner.Result align(JindModel model, PreparedBatch target, AlignSettings s, Progress progress) {
        return align(model, target, s, 1, progress);
    }

    /**
     * {@link #align(JindModel, PreparedBatch, AlignSettings, Progress)} with 2 {@code lanes}: each iteration's
     * independent products on two threads, with the same result to the bit (see {@link Aligner}).
     */
    public static Aligner.Result align(JindModel model, PreparedBatch target, AlignSettings s, int lanes,
            Progress progress) {
        return Aligner.align(model, target.matrixFor(model.plan), target.fingerprint(), s, lanes, progress);
    }

    /**
     * JIND+ self-training (§7) on the batch the model was aligned to, prepared for it; the given model is not
     * changed. A model whose stage is known only at run time converts with {@link JindModel#aligned(String)}.
     */
    public static SelfTrainer.Result selfTrain(AlignedModel aligned, PreparedBatch target, SelfTrainSettings s,
            Progress progress) {
        SparseMatrix x = target.matrixFor(aligned.plan);
        warnIfOtherBatch(aligned, target.fingerprint(), target.cells(), progress);
        return SelfTrainer.selfTrain(aligned, x, s, progress);
    }

    /**
     * Cells per chunk when annotating a batch read in chunks: about 115 MB of a 20,000-gene 7 % dense input; a
     * multiple of {@link Predictor#CHUNK}, so the result is bit-identical to annotating the whole batch.
     */
    public static final int CHUNK_CELLS = 10 * Predictor.CHUNK;

    /** Receives each annotated chunk of a batch read in chunks, in input order. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(Dataset cells, Annotation annotation) throws java.io.IOException;
    }

    /**
     * Annotates a batch chunk by chunk at outlier fraction θ, so memory stays bounded by a few chunks whatever the
     * number of cells: the genes are matched once, each chunk is prepared and predicted, then handed to
     * {@code sink} in input order. Gives what {@link #annotate(JindModel, Dataset, double, boolean, Progress)} gives
     * on the whole batch (each cell is prepared on its own), bit for bit when {@code chunkCells} is a multiple of
     * {@link Predictor#CHUNK}, else up to float rounding in the last bit.
     * <p>
     * With {@code workers} above 1, that many threads prepare and predict chunks while this thread reads the next
     * ones and hands finished ones to the sink (reading, preparing and predicting each take about a third of the
     * time); a cell's result does not depend on which thread computed it. Callers pass the process's thread count
     * ({@link Backend#threads()}), so the numerical backend and this use the same number of cores.
     *
     * @return the number of cells annotated
     */
    public static long annotate(JindModel model, CellChunks input, int chunkCells, int workers, double theta,
            boolean fillMissing, Progress progress, ChunkSink sink) throws java.io.IOException {
        List<String> warnings = new ArrayList<>();
        BatchPreparer prep = new BatchPreparer(model.plan, input.genes(), input.geneAliases(), fillMissing, warnings);
        warnings.forEach(progress::warn);
        double[] thresholds = Thresholds.compute(model.validation, theta);
        List<String> ids = model.alignment != null ? new ArrayList<>() : null; // only to recognise the batch
        long total = input.cells();
        long done = 0;
        ExecutorService pool = workers > 1 ? Executors.newFixedThreadPool(workers, Jind::daemon) : null;
        int inFlight = pool == null ? 0 : workers; // chunks at work besides the one just read
        ArrayDeque<Pending> pending = new ArrayDeque<>();
        try {
            boolean more = true;
            while (more || !pending.isEmpty()) {
                progress.checkCancelled();
                Dataset chunk = more ? input.next(chunkCells) : null;
                more = chunk != null;
                if (more) {
                    Supplier<Annotation> work = () -> Annotation.of(model.classes,
                            Predictor.probabilities(model, prep.apply(chunk.matrix())), thresholds);
                    pending.add(new Pending(chunk, pool != null ? pool.submit(work::get)
                            : CompletableFuture.completedFuture(work.get())));
                }
                while (!pending.isEmpty() && (!more || pending.size() > inFlight)) {
                    Pending finished = pending.remove();
                    sink.accept(finished.cells(), result(finished.annotation()));
                    done += finished.cells().cells();
                    if (ids != null) {
                        ids.addAll(List.of(finished.cells().cellIds()));
                    }
                    progress.report("annotate", total > 0 ? (double) done / total : 0, done + " cells annotated");
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        if (ids != null) {
            warnIfOtherBatch(model, Dataset.fingerprint(ids.toArray(new String[0])), ids.size(), progress);
        }
        return done;
    }

    /** A chunk read and its annotation, done or at work. */
    private record Pending(Dataset cells, Future<Annotation> annotation) {
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r, "jind-annotate");
        t.setDaemon(true);
        return t;
    }

    /** A worker's annotation, or what it threw (a user's mistake keeps its message). */
    private static Annotation result(Future<Annotation> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new JindException("Annotation was interrupted.");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /**
     * Annotates a batch prepared for the model at outlier fraction θ, warning when an aligned model meets another
     * batch.
     */
    public static Annotation annotate(JindModel model, PreparedBatch batch, double theta, Progress progress) {
        SparseMatrix x = batch.matrixFor(model.plan);
        if (isAlignedToABatch(model)) { // the fingerprint is computed only when it is compared
            warnIfOtherBatch(model, batch.fingerprint(), batch.cells(), progress);
        }
        return Predictor.annotate(model, x, theta);
    }

    /** {@link #annotate(JindModel, PreparedBatch, double, Progress)} of a batch used for nothing else. */
    public static Annotation annotate(JindModel model, Dataset batch, double theta, boolean fillMissing,
            Progress progress) {
        return annotate(model, prepare(model, batch, fillMissing, progress), theta, progress);
    }

    /** Whether the model remembers the batch it was aligned to (then annotating another one deserves a warning). */
    public static boolean isAlignedToABatch(JindModel model) {
        return model.alignment != null && model.alignment.has("targetFingerprint");
    }

    /**
     * An aligned model fits the batch it was aligned to; on another one its predictions may be off: warns then. The
     * batch is named by its cell ids' {@link Dataset#fingerprint} and its number of cells (it may be seen in parts).
     */
    public static void warnIfOtherBatch(JindModel model, String fingerprint, long cells, Progress progress) {
        if (!isAlignedToABatch(model)) {
            return;
        }
        String fp = model.alignment.get("targetFingerprint").getAsString();
        if (!fp.equals(fingerprint)) {
            progress.warn("This model was aligned to another batch (" + Plural.of(model.alignment.get("targetCells")
                    .getAsInt(), "cell") + "); its generator may not suit these " + Plural.of(cells, "cell")
                    + ". Align this batch with its own Align step for reliable predictions.");
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
