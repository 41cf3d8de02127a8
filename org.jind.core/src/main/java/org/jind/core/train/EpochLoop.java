package org.jind.core.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jind.core.DivergedException;
import org.jind.core.InvalidSettingException;
import org.jind.core.Progress;
import org.jind.core.model.EpochRecord;
import org.jind.core.nn.Adam;
import org.jind.core.nn.PlateauSchedule;
import org.jind.core.nn.Scratch;
import org.jind.core.random.TorchGenerator;
import org.nd4j.linalg.api.memory.MemoryWorkspace;

/**
 * The supervised loop shared by classifier training (§3) and JIND+ (§7): shuffled minibatches, one Adam
 * step each, the plateau schedule on the per-cell mean training loss, validation accuracy after every epoch
 * and a callback when an epoch becomes the best one. Each epoch draws its order, and each validation pass its
 * loader seed, from the run's generator exactly where the reference's data loaders do, so the steps' dropout and
 * noise draws line up with the reference's too.
 */
public final class EpochLoop {

    /** One optimisation step on the rows {@code ids[from .. from+n)}; returns the batch's mean loss. */
    public interface Step {
        double run(int[] ids, int from, int n);
    }

    /** Validation accuracy of the current weights. */
    public interface Validation {
        double accuracy();
    }

    /** What the loop found: the history and the best epoch (1-based). */
    public record Outcome(List<EpochRecord> history, int bestEpoch, double bestAccuracy) {
    }

    private EpochLoop() {
    }

    /**
     * @param tiesToLater the later epoch wins a tie in validation accuracy (JIND+), else only a strictly better
     *                    one replaces the best (classifier training)
     * @param onBest      called when the current epoch becomes the best
     */
    public static Outcome run(String stage, int[] trainRows, int batchSize, int epochs, Adam adam,
            TorchGenerator random, Step step, Validation validation, boolean tiesToLater, Runnable onBest,
            Progress progress) {
        PlateauSchedule schedule = new PlateauSchedule(adam);
        int[] rows = new int[trainRows.length];
        List<EpochRecord> history = new ArrayList<>();
        double bestAcc = -1;
        int bestEpoch = 0;
        try (Scratch scratch = new Scratch(stage)) {
            for (int epoch = 1; epoch <= epochs; epoch++) {
                progress.checkCancelled();
                int[] order = random.shuffledPass(rows.length);
                for (int i = 0; i < rows.length; i++) {
                    rows[i] = trainRows[order[i]];
                }
                double meanLoss = trainEpoch(stage, epoch, epochs, rows, batchSize, step, scratch, progress);
                DivergedException.check(stage.equals("train") ? InvalidSettingException.Step.TRAINING
                        : InvalidSettingException.Step.SELF_TRAINING, epoch, "loss", meanLoss);
                double lr = adam.learningRate();
                schedule.step(meanLoss);
                random.sequentialPass();
                double acc = validation.accuracy();
                history.add(new EpochRecord(epoch, meanLoss, acc, lr));
                if (acc > bestAcc || (tiesToLater && acc == bestAcc)) {
                    bestAcc = acc;
                    bestEpoch = epoch;
                    onBest.run();
                }
                progress.report(stage, (double) epoch / epochs, String.format(Locale.ROOT,
                        "epoch %d/%d  loss %.4f  val acc %.4f  best %.4f (epoch %d)", epoch, epochs, meanLoss, acc,
                        bestAcc, bestEpoch));
            }
        }
        return new Outcome(history, bestEpoch, bestAcc);
    }

    /** One pass over the shuffled rows; returns the per-cell mean loss, as the reference computes it. */
    private static double trainEpoch(String stage, int epoch, int epochs, int[] rows, int batchSize, Step step,
            Scratch scratch, Progress progress) {
        int steps = (rows.length + batchSize - 1) / batchSize;
        double lossSum = 0;
        for (int s = 0; s < steps; s++) {
            int from = s * batchSize;
            int n = Math.min(batchSize, rows.length - from);
            try (MemoryWorkspace ws = scratch.step()) {
                lossSum += step.run(rows, from, n) * n;
            }
            if (s % 8 == 0) {
                progress.report(stage, ((epoch - 1) + (s + 1.0) / steps) / epochs, String.format(Locale.ROOT,
                        "epoch %d/%d  loss %.4f", epoch, epochs, lossSum / (from + n)));
            }
        }
        return lossSum / rows.length;
    }

    /** The labels of the rows {@code ids[from .. from+n)}. */
    public static int[] labels(int[] y, int[] ids, int from, int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = y[ids[from + i]];
        }
        return out;
    }
}
