package org.jind.core.train;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.Progress;
import org.jind.core.annotate.Predictor;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.EpochRecord;
import org.jind.core.model.TrainSettings;
import org.jind.core.model.ValidationStats;
import org.jind.core.nn.Adam;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.Losses;
import org.jind.core.nn.Param;
import org.jind.core.nn.PlateauSchedule;
import org.jind.core.nn.Rng;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains encoder and classifier on the source (§3): stratified split, class-weighted weighted-mean NLL, Adam,
 * plateau schedule on the training loss, and the weights of the epoch with the best validation accuracy.
 */
public final class ClassifierTrainer {

    /** The trained network with its validation statistics and history. */
    public record Result(ClassifierNet net, ValidationStats validation, List<EpochRecord> history, int bestEpoch) {
    }

    private ClassifierTrainer() {
    }

    /** {@code x}: preprocessed source (cells × selected genes); {@code y}: class indices in [0, classes). */
    public static Result train(SparseMatrix x, int[] y, int classes, TrainSettings s, Progress progress) {
        Rng rng = new Rng(s.seed());
        StratifiedSplit split = StratifiedSplit.of(y, classes, s.validationFraction(), rng.split());
        ClassifierNet net = new ClassifierNet(x.cols(), classes, rng.split());
        Rng noise = rng.split();
        Rng order = rng.split();
        double[] weights = ClassWeights.of(y, classes);
        Adam adam = new Adam(net.params(), s.learningRate());
        PlateauSchedule schedule = new PlateauSchedule(adam);
        SparseMatrix xVal = x.selectRows(split.validation);
        int[] yVal = new int[split.validation.length];
        for (int i = 0; i < yVal.length; i++) {
            yVal[i] = y[split.validation[i]];
        }

        Batches batches = new Batches(x, s.batchSize());
        int[] train = split.train.clone();
        List<EpochRecord> history = new ArrayList<>();
        double bestAcc = -1;
        int bestEpoch = 0;
        List<INDArray> bestWeights = null;
        float[] bestProbs = null;
        int steps = (train.length + s.batchSize() - 1) / s.batchSize();
        for (int epoch = 1; epoch <= s.epochs(); epoch++) {
            progress.checkCancelled();
            order.shuffle(train);
            double lossSum = 0;
            for (int step = 0; step < steps; step++) {
                int from = step * s.batchSize();
                int n = Math.min(s.batchSize(), train.length - from);
                int[] yb = new int[n];
                for (int i = 0; i < n; i++) {
                    yb[i] = y[train[from + i]];
                }
                ClassifierNet.Pass pass = net.forwardTrain(batches.rows(train, from, n), noise);
                Losses.Result loss = Losses.weightedNll(pass.logits, yb, weights);
                adam.zeroGrad();
                net.backward(pass, loss.grad(), true);
                adam.step();
                lossSum += loss.loss() * n; // the epoch loss is the per-cell mean, as the reference reports it
                if (step % 8 == 0) {
                    progress.report("train", ((epoch - 1) + (step + 1.0) / steps) / s.epochs(),
                            String.format("epoch %d/%d  loss %.4f", epoch, s.epochs(), lossSum / (from + n)));
                }
            }
            double meanLoss = lossSum / train.length;
            double lr = adam.learningRate();
            schedule.step(meanLoss);
            float[] probs = Predictor.probabilities(net, null, xVal);
            double acc = accuracy(probs, yVal, classes);
            history.add(new EpochRecord(epoch, meanLoss, acc, lr));
            if (acc > bestAcc) {
                bestAcc = acc;
                bestEpoch = epoch;
                bestWeights = snapshot(net.params());
                bestProbs = probs;
            }
            progress.report("train", (double) epoch / s.epochs(),
                    String.format("epoch %d/%d  loss %.4f  val acc %.4f  best %.4f (epoch %d)", epoch, s.epochs(),
                            meanLoss, acc, bestAcc, bestEpoch));
        }
        restore(net.params(), bestWeights);
        return new Result(net, new ValidationStats(bestProbs, yVal, classes), history, bestEpoch);
    }

    public static double accuracy(float[] probs, int[] y, int k) {
        if (y.length == 0) {
            return 0;
        }
        int right = 0;
        for (int i = 0; i < y.length; i++) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (probs[i * k + c] > probs[i * k + best]) {
                    best = c;
                }
            }
            if (best == y[i]) {
                right++;
            }
        }
        return (double) right / y.length;
    }

    public static List<INDArray> snapshot(List<Param> params) {
        List<INDArray> copy = new ArrayList<>();
        for (Param p : params) {
            copy.add(p.value.dup());
        }
        return copy;
    }

    public static void restore(List<Param> params, List<INDArray> values) {
        for (int i = 0; i < params.size(); i++) {
            params.get(i).value.assign(values.get(i));
        }
    }
}
