package org.jind.core.align;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.annotate.Predictor;
import org.jind.core.annotate.Probabilities;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.EpochRecord;
import org.jind.core.model.AlignedModel;
import org.jind.core.nn.Adam;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.GeneratorNet;
import org.jind.core.nn.Losses;
import org.jind.core.nn.Tensors;
import org.jind.core.random.TorchGenerator;
import org.jind.core.train.Batches;
import org.jind.core.train.ClassWeights;
import org.jind.core.train.ClassifierTrainer;
import org.jind.core.train.EpochLoop;
import org.jind.core.train.StratifiedSplit;
import org.nd4j.linalg.api.ndarray.INDArray;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * JIND+ (§7): pseudo-label the target with the aligned model, keep the most confident cells per predicted type,
 * and fine-tune only the generator's copy of the encoder's linear layer (dropout and noise active) on them.
 * Thresholds stay those of the source validation statistics.
 */
public final class SelfTrainer {

    /** The JIND+ model with its training history and the number of pseudo-labelled cells used. */
    public record Result(AlignedModel model, List<EpochRecord> history, int pseudoLabelled, int bestEpoch) {
    }

    private SelfTrainer() {
    }

    public static Result selfTrain(AlignedModel aligned, SparseMatrix target, SelfTrainSettings s,
            Progress progress) {
        int k = aligned.classes.length;
        float[] probs = Predictor.probabilities(aligned, target);
        int[] pseudo = Probabilities.argmax(probs, k);
        int[] kept = confident(probs, pseudo, k, s.keepFraction());
        if (kept.length < 2) {
            throw new JindException("Too few target cells (" + kept.length + ") to self-train on.");
        }
        int[] y = new int[kept.length];
        for (int i = 0; i < kept.length; i++) {
            y[i] = pseudo[kept[i]];
        }
        SparseMatrix x = target.selectRows(kept);
        StratifiedSplit split = StratifiedSplit.of(y, k, s.validationFraction(), s.seed());
        // the reference builds (and then overwrites) a classifier and a generator before it trains: skip their draws
        TorchGenerator random = new TorchGenerator(s.seed());
        random.skipUniforms(ClassifierNet.initDraws(target.cols(), k));
        GeneratorNet.skipInitialisation(random, target.cols());
        double[] weights = ClassWeights.of(y, k);

        // only the generator's encoder copy changes: the classifier and the generator's shift and MLPs are shared
        GeneratorNet g = aligned.generator.withEncoderCopy();
        ClassifierNet net = aligned.net;
        Adam adam = new Adam(g.encoder.params(), s.learningRate());
        SparseMatrix xVal = x.selectRows(split.validation);
        int[] yVal = Arrays.stream(split.validation).map(i -> y[i]).toArray();
        Batches batches = new Batches(x);
        // F2, F3 and the shift stay frozen: their outputs for the kept cells are computed once, not in every step
        GeneratorNet.FrozenMlps mlps = g.frozenMlps(x, Predictor.CHUNK);
        List<List<INDArray>> best = new ArrayList<>(List.of(ClassifierTrainer.snapshot(g.encoder.params())));
        EpochLoop.Outcome out = EpochLoop.run("selftrain", split.train, s.batchSize(), s.epochs(), adam, random,
                (ids, from, n) -> {
                    GeneratorNet.Pass gp = g.forwardWithFrozenMlps(batches.rows(ids, from, n),
                            mlps.rows(ids, from, n), random);
                    ClassifierNet.Pass hp = net.headPass(gp.code);
                    Losses.Result loss = Losses.weightedNll(hp.logits, EpochLoop.labels(y, ids, from, n), weights);
                    adam.zeroGrad();
                    g.backward(gp, net.codeGradient(hp, loss.grad()), false, true);
                    adam.step();
                    return loss.loss();
                }, () -> Probabilities.accuracy(Predictor.probabilities(net, g, xVal), yVal, k),
                true, () -> best.set(0, ClassifierTrainer.snapshot(g.encoder.params())), progress);
        ClassifierTrainer.restore(g.encoder.params(), best.get(0));
        List<EpochRecord> history = out.history();
        int bestEpoch = out.bestEpoch();
        JsonObject rec = new JsonObject();
        rec.add("settings", new Gson().toJsonTree(s));
        rec.addProperty("pseudoLabelled", kept.length);
        rec.addProperty("bestEpoch", bestEpoch);
        rec.add("history", new Gson().toJsonTree(history));
        AlignedModel plus = aligned.withSelfTraining(g, rec);
        return new Result(plus, history, kept.length, bestEpoch);
    }

    /**
     * Per predicted class c with n_c cells, the {@code floor(f·n_c) + 1} cells (at most n_c) with the highest
     * probability of c; returned in ascending cell order.
     */
    static int[] confident(float[] probs, int[] pseudo, int k, double keepFraction) {
        List<Integer> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            final int cls = c;
            Integer[] members = java.util.stream.IntStream.range(0, pseudo.length).filter(i -> pseudo[i] == cls).boxed()
                    .toArray(Integer[]::new);
            Arrays.sort(members, (a, b) -> Float.compare(probs[b * k + cls], probs[a * k + cls]));
            int keep = Math.min(members.length, (int) Math.floor(keepFraction * members.length) + 1);
            for (int i = 0; i < keep; i++) {
                out.add(members[i]);
            }
        }
        return out.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
