package org.jind.knime.logic;

import java.util.List;
import java.util.function.Function;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.Aligner;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.data.Dataset;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.BatchModels;
import org.jind.core.model.JindModel;
import org.jind.core.plot.LatentMap;
import org.jind.core.plot.ModelFigures;
import org.jind.core.prep.PreparedBatch;

/**
 * Align Batch's and Self-train JIND+'s work on one batch, and on each batch of a batch column: the batch's rows
 * only, its own copy of the model, its own seeded generators; so a batch's result is that of the node run on that
 * batch's rows alone (with the process's single-threaded kernels), whatever runs beside it.
 */
public final class BatchAlignment {
    private BatchAlignment() {
    }

    /**
     * One batch aligned: the result (its model records the batch when it has a name) and the view's latent maps
     * (null when not asked for).
     */
    public record Aligned(String batch, Aligner.Result result, AlignedModel model, List<LatentMap.Data> maps) {
    }

    /**
     * Aligns {@code rows} with {@code base}; with a {@code batchKey}, the model records that it was aligned to
     * {@code batch} of that column. The view's latent maps read the same prepared batch.
     */
    public static Aligned alignOne(JindModel base, Dataset rows, boolean fill, AlignSettings s, String batchKey,
            String batch, boolean maps, Progress p) {
        PreparedBatch prepared = Jind.prepare(base, rows, fill, p);
        Aligner.Result r = Jind.align(base, prepared, s, p);
        AlignedModel m = batchKey == null ? r.model() : BatchModels.named(r.model(), batchKey, batch);
        List<LatentMap.Data> latent = !maps ? null : ModelFigures.latentMaps(m, prepared.matrixFor(m.plan),
                TrueTypes.of(rows, base.labelKey), s.theta(), s.seed());
        return new Aligned(batch, r, m, latent);
    }

    /**
     * Aligns each of {@code batches} (values of the annotation {@code batchKey} of {@code all}) on its own,
     * {@code workers} at a time; {@code baseFor} gives each batch its own copy of the model to align from.
     */
    public static PerBatchRun.Results<Aligned> alignEach(Function<String, JindModel> baseFor, Dataset all,
            String batchKey, List<String> batches, boolean fill, AlignSettings s, boolean maps, int workers,
            ProgressSink sink) {
        return PerBatchRun.run(batches, workers, sink, (b, p) -> alignOne(baseFor.apply(b),
                rowsOf(all, batchKey, b), fill, s, batchKey, b, maps, p));
    }

    /** One batch self-trained; with a {@code batchKey} its model records {@code batch}. */
    public static SelfTrainer.Result selfTrainOne(AlignedModel model, Dataset rows, boolean fill,
            SelfTrainSettings s, String batchKey, String batch, Progress p) {
        SelfTrainer.Result r = Jind.selfTrain(model, Jind.prepare(model, rows, fill, p), s, p);
        if (batchKey == null || batch.equals(BatchModels.batchOf(r.model()))) {
            return r;
        }
        return new SelfTrainer.Result(BatchModels.named(r.model(), batchKey, batch), r.history(), r.pseudoLabelled(),
                r.bestEpoch());
    }

    /** Each batch self-trained on its own from its own aligned model ({@code modelFor}), {@code workers} at a time. */
    public static PerBatchRun.Results<SelfTrainer.Result> selfTrainEach(Function<String, AlignedModel> modelFor,
            Dataset all, String batchKey, List<String> batches, boolean fill, SelfTrainSettings s, int workers,
            ProgressSink sink) {
        return PerBatchRun.run(batches, workers, sink, (b, p) -> selfTrainOne(modelFor.apply(b),
                rowsOf(all, batchKey, b), fill, s, batchKey, b, p));
    }

    /** The rows of batch {@code b} (with at least one: the batches come from the column). */
    private static Dataset rowsOf(Dataset all, String batchKey, String b) {
        Dataset rows = all.selectBatch(batchKey, b);
        if (rows.cells() == 0) {
            throw new JindException("Batch '" + b + "' has no rows.");
        }
        return rows;
    }
}
