package org.jind.core.train;

import java.util.ArrayList;
import java.util.List;

import org.jind.core.Progress;
import org.jind.core.annotate.Predictor;
import org.jind.core.annotate.Probabilities;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.EpochRecord;
import org.jind.core.model.TrainSettings;
import org.jind.core.model.ValidationStats;
import org.jind.core.nn.Adam;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.Losses;
import org.jind.core.nn.Param;
import org.jind.core.random.TorchGenerator;
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
        // the reference seeds its split and its network separately with the same seed
        StratifiedSplit split = StratifiedSplit.of(y, classes, s.validationFraction(), s.seed());
        TorchGenerator random = new TorchGenerator(s.seed());
        ClassifierNet net = new ClassifierNet(x.cols(), classes, random);
        double[] weights = ClassWeights.of(y, classes);
        Adam adam = new Adam(net.params(), s.learningRate());
        SparseMatrix xVal = x.selectRows(split.validation);
        int[] yVal = EpochLoop.labels(y, split.validation, 0, split.validation.length);
        Batches batches = new Batches(x);
        EpochLoop.Step step = (ids, from, n) -> {
            ClassifierNet.Pass pass = net.forwardTrain(batches.rows(ids, from, n), random);
            Losses.Result loss = Losses.weightedNll(pass.logits, EpochLoop.labels(y, ids, from, n), weights);
            adam.zeroGrad();
            net.backward(pass, loss.grad(), true);
            adam.step();
            return loss.loss();
        };
        // the validation probabilities of the latest epoch, and the weights and probabilities of the best one
        float[][] latest = new float[1][];
        float[][] bestProbs = new float[1][];
        List<List<INDArray>> best = new ArrayList<>(List.of(List.of()));
        EpochLoop.Validation validation = () -> {
            latest[0] = Predictor.probabilities(net, null, xVal);
            return Probabilities.accuracy(latest[0], yVal, classes);
        };
        EpochLoop.Outcome out = EpochLoop.run("train", split.train, s.batchSize(), s.epochs(), adam, random, step,
                validation, false, () -> {
                    best.set(0, snapshot(net.params()));
                    bestProbs[0] = latest[0];
                }, progress);
        restore(net.params(), best.get(0));
        return new Result(net, new ValidationStats(bestProbs[0], yVal, classes), out.history(), out.bestEpoch());
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
            params.get(i).changed();
        }
    }
}
