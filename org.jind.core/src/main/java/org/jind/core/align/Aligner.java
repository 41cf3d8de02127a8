package org.jind.core.align;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jind.core.DivergedException;
import org.jind.core.InvalidSettingException;
import org.jind.core.JindException;
import org.jind.core.util.Plural;
import org.jind.core.Progress;
import org.jind.core.annotate.Annotation;
import org.jind.core.annotate.Predictor;
import org.jind.core.annotate.Thresholds;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.model.AlignedModel;
import org.jind.core.nn.ClassifierNet;
import org.jind.core.nn.DiscriminatorNet;
import org.jind.core.nn.GeneratorNet;
import org.jind.core.nn.Lane;
import org.jind.core.nn.Losses;
import org.jind.core.nn.RmsProp;
import org.jind.core.nn.Scratch;
import org.jind.core.nn.Tensors;
import org.jind.core.random.NumpyRandomState;
import org.jind.core.random.TorchGenerator;
import org.jind.core.train.Batches;
import org.jind.core.train.ClassifierTrainer;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import com.google.gson.Gson;
import com.google.gson.JsonObject;

/**
 * Asymmetric adversarial alignment (§6): a generator maps the target batch into the source latent space while
 * a discriminator tells target codes from stored source codes; encoder and classifier stay frozen. The result
 * is the generator whose annotation of the target rejects the fewest cells.
 */
public final class Aligner {

    /** One epoch for the history: running losses, whether it was balanced, the rejection if it was scored. */
    public record EpochRecord(int epoch, double lossG, double lossD, boolean balanced, double rejection,
            int reinitialisations) {
    }

    /**
     * The aligned model and the epochs that led to it; {@code freshRejection} is the first candidate's, the
     * generator before epoch 1 (an identity on the source encoder's codes plus its random initialisation).
     */
    public record Result(AlignedModel model, List<EpochRecord> history, double bestRejection, int bestEpoch,
            double unalignedRejection, double freshRejection) {
    }

    private Aligner() {
    }

    /**
     * @param target the target batch preprocessed with the model's plan
     * @param targetFingerprint fingerprint of the target's cell ids (recorded in the model)
     */
    public static Result align(JindModel model, SparseMatrix target, String targetFingerprint, AlignSettings s,
            Progress progress) {
        return align(model, target, targetFingerprint, s, 1, progress);
    }

    /**
     * {@link #align(JindModel, SparseMatrix, String, AlignSettings, Progress)} on {@code lanes} threads (1 or 2):
     * with 2, independent products of each iteration run on a second thread. The result is the same to the bit;
     * each lane computes with the process's numerical threads ({@link org.jind.core.nn.Backend#threads()}).
     */
    public static Result align(JindModel model, SparseMatrix target, String targetFingerprint, AlignSettings s,
            int lanes, Progress progress) {
        if (lanes < 1 || lanes > 2) {
            throw new JindException("Alignment runs on 1 or 2 lanes; " + lanes + " were asked for.");
        }
        if (model.sourceCodes == null || model.sourceCodeLabels.length == 0) {
            throw new JindException("This model holds no source latent codes, so it cannot align batches; retrain it"
                    + " with this version of JIND.");
        }
        if (target.rows() < 2) {
            throw new JindException("The target batch has " + Plural.of(target.rows(), "cell")
                    + "; alignment needs at least 2.");
        }
        JindModel base = model.trained(); // an aligned model is realigned from its trained networks
        // Draw as the reference does: it builds (and overwrites) a classifier copy, then G and D, from the torch
        // generator, and takes minibatches from NumPy's; the seed names the same networks and batches in both.
        TorchGenerator random = new TorchGenerator(s.seed());
        random.skipUniforms(ClassifierNet.initDraws(target.cols(), base.classes.length));
        GeneratorNet g = new GeneratorNet(base.net.encoder, random);
        DiscriminatorNet d = new DiscriminatorNet(random);
        int nSource = model.sourceCodeLabels.length;
        // the encoder is frozen: its x·W for every target cell is computed once, not in every forward pass
        float[] encoderProducts = g.encoderProducts(target, Predictor.CHUNK);
        int iterations = AlignmentSchedule.iterationsPerEpoch(target.rows());
        double[] thresholds = Thresholds.compute(model.validation, s.theta());

        double unaligned = rejection(base.net, null, target, base.classes, thresholds);
        List<INDArray> best = ClassifierTrainer.snapshot(g.allParams());
        random.sequentialPass(); // the reference's scoring of the target runs a data loader
        double freshRej = rejection(base.net, g, target, base.classes, thresholds);
        double bestRej = freshRej;
        int bestEpoch = 0;
        List<EpochRecord> history = new ArrayList<>();
        AlignmentSchedule schedule = new AlignmentSchedule(s.patience(), s.maxEpochs());
        progress.report("align", 0, String.format(Locale.ROOT, "fresh generator rejects %.4f (unaligned %.4f)",
                bestRej, unaligned));
        try (Lane lane = Lane.of(lanes, "align"); Scratch scratch = new Scratch("align")) {
            Game game = new Game(g, d, new RmsProp(g.alignmentParams(), s.learningRate(), s.weightDecayG()),
                    new RmsProp(d.params(), s.learningRate(), s.weightDecayD()), new Batches(target),
                    encoderProducts, target.rows(), Tensors.matrix(model.sourceCodes, nSource, ClassifierNet.LATENT),
                    Math.min(s.batchSize(), Math.min(nSource, target.rows())), new NumpyRandomState(s.seed()), random,
                    lane);
            while (!schedule.stopped()) {
                progress.checkCancelled();
                schedule.startEpoch();
                int reinits = 0;
                for (int it = 0; it < iterations; it++) {
                    try (MemoryWorkspace ws = scratch.step()) {
                        reinits += game.iteration(schedule);
                        lane.endStep();
                    }
                }
                boolean balanced = schedule.endEpoch();
                DivergedException.check(InvalidSettingException.Step.ALIGNMENT, schedule.epoch(), "generator loss",
                        schedule.runningG());
                DivergedException.check(InvalidSettingException.Step.ALIGNMENT, schedule.epoch(), "discriminator loss",
                        schedule.runningD());
                double rej = Double.NaN;
                if (balanced) {
                    random.sequentialPass();
                    rej = rejection(base.net, g, target, base.classes, thresholds);
                    if (rej < bestRej) {
                        bestRej = rej;
                        bestEpoch = schedule.epoch();
                        best = ClassifierTrainer.snapshot(g.allParams());
                    }
                }
                history.add(new EpochRecord(schedule.epoch(), schedule.runningG(), schedule.runningD(), balanced, rej,
                        reinits));
                progress.report("align", Math.min(1, (double) schedule.epoch() / s.maxEpochs()),
                        String.format(Locale.ROOT, "epoch %d  G %.3f  D %.3f  balanced %d  best rej %.4f%s",
                                schedule.epoch(), schedule.runningG(), schedule.runningD(), schedule.balancedEpochs(),
                                bestRej, balanced ? String.format(Locale.ROOT, "  rej %.4f", rej) : ""));
            }
        }
        ClassifierTrainer.restore(g.allParams(), best);
        boolean chooseUnaligned = s.considerUnaligned() && unaligned < bestRej;
        if (chooseUnaligned) {
            makeIdentity(g);
        }
        // the encoder and classifier stayed frozen: the aligned model shares them with the trained one
        AlignedModel aligned = base.withAlignment(g, record(target.rows(), targetFingerprint, s, history,
                chooseUnaligned ? unaligned : bestRej, bestEpoch, unaligned, freshRej, chooseUnaligned));
        progress.report("align", 1, String.format(Locale.ROOT, "done: %s rejects %.4f of the target (unaligned %.4f)",
                chooseUnaligned ? "the unaligned model" : bestEpoch == 0 ? "the fresh generator" : "epoch " + bestEpoch,
                chooseUnaligned ? unaligned : bestRej, unaligned));
        return new Result(aligned, history, chooseUnaligned ? unaligned : bestRej, chooseUnaligned ? -1 : bestEpoch,
                unaligned, freshRej);
    }

    /**
     * The adversarial game of §6: both networks, their optimisers, the minibatch draws and the generator that
     * re-initialises G. The reference also draws (and multiplies by its σ = 0) Gaussian noise for every code batch
     * D sees; skipping those draws keeps re-initialisations on the reference's numbers.
     * <p>
     * Work that does not depend on what runs meanwhile goes to {@code lane} (with one lane it runs where it is
     * forked): F3 beside F2 in every generator pass, D's pass over source codes (and its gradient, which a D step
     * accumulates first) beside the generator's, half of G's optimiser step. Every array gets the same operations
     * on the same inputs in either case, and the random draws stay on this thread in the reference's order, so
     * the numbers do not depend on the lanes.
     */
    private record Game(GeneratorNet g, DiscriminatorNet d, RmsProp optG, RmsProp optD, Batches targets,
            float[] encoderProducts, int targetCells, INDArray sourceCodes, int bs, NumpyRandomState draws,
            TorchGenerator random, Lane lane) {

        /** One iteration: a G step, then two D steps; returns how many times the generator was re-initialised. */
        int iteration(AlignmentSchedule schedule) {
            // the minibatches, drawn in the reference's order: nothing else draws from this generator
            int[] targets1 = draws.randint(targetCells, bs);
            int[] sources1 = draws.randint((int) sourceCodes.rows(), bs);
            int[] targets2 = draws.randint(targetCells, bs);
            int[] sources2 = draws.randint((int) sourceCodes.rows(), bs);
            int reinits = 0;
            // 1. generator step: make D take target codes for source codes
            GeneratorNet.Pass pass = targetPass(targets1);
            // D's first step sees the source codes through D as it is now; it starts with their gradient
            Lane.Task<RealPass> real1 = lane.fork(() -> realPass(sources1));
            DiscriminatorNet.Pass fakePass = d.forward(pass.code);
            skipNoise();
            Losses.Result lossG = Losses.bce(fakePass.logit(), 1f);
            if (schedule.shouldStepG()) {
                optG.zeroGrad();
                // through D before its step changes it
                g.backward(pass, d.backward(fakePass, lossG.grad(), false), true, false, lane);
                optG.step(lane);
            }
            // a collapsed game (a loss of exactly 0) restarts the generator's MLPs at once
            if (schedule.foldG(lossG.loss())) {
                g.resetMlps(random);
                reinits++;
            }
            // 2. two discriminator steps: the codes just made, then a fresh target minibatch
            Lane.Task<RealPass> real = real1;
            for (int rep = 0; rep < 2; rep++) {
                DiscriminatorNet.Pass fake;
                if (rep == 0) {
                    fake = fakePass;
                } else {
                    GeneratorNet.Pass second = targetPass(targets2);
                    real = lane.fork(() -> realPass(sources2));
                    fake = d.forward(second.code);
                }
                RealPass r = real.join();
                skipNoise();
                skipNoise();
                Losses.Result lf = Losses.bce(fake.logit(), 0f);
                double lossD = 0.5 * (r.loss().loss() + lf.loss());
                if (schedule.shouldStepD()) {
                    if (!r.hasGradient()) {
                        optD.zeroGrad();
                        d.backward(r.pass(), r.loss().grad().mul(0.5), true);
                    }
                    d.backward(fake, lf.grad().mul(0.5), true); // after the source codes' gradient, as in one pass
                    optD.step();
                }
                if (schedule.foldD(lossD)) {
                    g.resetMlps(random);
                    reinits++;
                }
            }
            return reinits;
        }

        /**
         * D's pass over source codes and its loss; on a lane's thread also its gradient, in D's cleared gradients,
         * computed while this thread works (in case D steps: it usually does). Inline, the step computes it.
         */
        private record RealPass(DiscriminatorNet.Pass pass, Losses.Result loss, boolean hasGradient) {
        }

        private RealPass realPass(int[] sources) {
            DiscriminatorNet.Pass real = d.forward(Nd4j.pullRows(sourceCodes, 1, sources));
            Losses.Result lr = Losses.bce(real.logit(), 1f);
            if (lane.isThread()) {
                optD.zeroGrad();
                d.backward(real, lr.grad().mul(0.5), true);
            }
            return new RealPass(real, lr, lane.isThread());
        }

        /** The generator's pass over these target cells. */
        private GeneratorNet.Pass targetPass(int[] ids) {
            return g.forwardWithEncoderProducts(targets.rows(ids, 0, bs),
                    Tensors.gatherRows(encoderProducts, ClassifierNet.LATENT, ids, 0, bs), lane);
        }

        private void skipNoise() {
            random.skipNormals((long) bs * ClassifierNet.LATENT);
        }
    }

    /** A generator that computes exactly E(x): zero shift and zero output layers of F2 and F3. */
    static void makeIdentity(GeneratorNet g) {
        g.shift.value.assign(0);
        g.f2[2].weight.value.assign(0);
        g.f2[2].bias.value.assign(0);
        g.f3[2].weight.value.assign(0);
        g.f3[2].bias.value.assign(0);
        g.alignmentParams().forEach(org.jind.core.nn.Param::changed);
    }

    static double rejection(ClassifierNet net, GeneratorNet g, SparseMatrix target, String[] classes, double[] thresholds) {
        return Annotation.of(classes, Predictor.probabilities(net, g, target), thresholds).rejectedFraction();
    }

    private static JsonObject record(int cells, String fingerprint, AlignSettings s, List<EpochRecord> history,
            double rejection, int bestEpoch, double unaligned, double fresh, boolean chooseUnaligned) {
        Gson gson = new Gson();
        JsonObject o = new JsonObject();
        o.addProperty("targetCells", cells);
        o.addProperty("targetFingerprint", fingerprint);
        o.add("settings", gson.toJsonTree(s));
        o.add("history", gson.toJsonTree(history.stream().map(e -> new Object[] {e.epoch(), e.lossG(), e.lossD(),
                e.balanced(), Double.isNaN(e.rejection()) ? null : e.rejection(), e.reinitialisations()}).toList()));
        o.addProperty("bestEpoch", bestEpoch);
        o.addProperty("targetRejection", rejection);
        o.addProperty("unalignedRejection", unaligned);
        o.addProperty("freshRejection", fresh);
        o.addProperty("chosen", chooseUnaligned ? "unaligned" : "generator");
        return o;
    }
}
