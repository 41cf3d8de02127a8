package org.jind.core.sim;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.random.Rng;

/**
 * Realistic single-cell counts for tests and the demo. Per gene a log-normal base expression; per cell type
 * a set of marker genes raised several-fold; per cell a log-normal library size; per batch a gene-wise
 * log-normal scaling plus a small additive shift (the batch effect); counts drawn from a negative binomial
 * (gamma–Poisson). Optionally one cell type is absent from the last batch.
 */
public final class Simulator {

    /** What to simulate. {@code batchEffect} is the standard deviation of the per-gene log scaling. */
    public record Settings(int cellsPerBatch, int genes, int types, int batches, double batchEffect, double dispersion,
            double markerFraction, boolean dropTypeFromLastBatch, long seed) {

        public static Settings defaults() {
            return new Settings(1000, 2000, 5, 2, 0.5, 0.3, 0.03, false, 0);
        }

        Settings validated() {
            if (cellsPerBatch < 2 || genes < 2 || types < 2 || batches < 1) {
                throw new JindException("Simulation needs at least 2 cells per batch, 2 genes, 2 cell types and 1 batch.");
            }
            if (!(batchEffect >= 0) || !(dispersion >= 0)) {
                throw new JindException("--batch-effect and --dispersion must be zero or positive.");
            }
            return this;
        }
    }

    private Simulator() {
    }

    public static Dataset simulate(Settings s) {
        return simulate(s, Double.NaN);
    }

    /**
     * As {@link #simulate(Settings)}, with the genes' base expression shifted so that about {@code density} of the
     * values are non-zero (NaN: the default level, about 20 % non-zero at dispersion 0.3). The shift is solved for
     * the base expression alone; markers, library sizes and batch effects move the result by a few percent.
     */
    public static Dataset simulate(Settings s, double density) {
        s.validated();
        if (!Double.isNaN(density) && !(density > 0 && density < 1)) {
            throw new JindException("The fraction of non-zero values must be between 0 and 1; it is " + density + ".");
        }
        Rng rng = new Rng(s.seed());
        double[] base = new double[s.genes()];
        for (int g = 0; g < s.genes(); g++) {
            base[g] = 1.3 * rng.gaussian(); // most genes lowly expressed: realistic sparsity
        }
        double offset = Double.isNaN(density) ? -1.5 : offsetFor(base, s.dispersion(), density);
        for (int g = 0; g < s.genes(); g++) {
            base[g] += offset;
        }
        double[][] typeLogFc = new double[s.types()][s.genes()];
        int markers = Math.max(3, (int) Math.round(s.markerFraction() * s.genes()));
        for (int t = 0; t < s.types(); t++) {
            for (int m = 0; m < markers; m++) {
                typeLogFc[t][rng.nextInt(s.genes())] += 1.5 + rng.nextDouble() * 1.5;
            }
        }
        double[] typeShare = new double[s.types()];
        double total = 0;
        for (int t = 0; t < s.types(); t++) {
            typeShare[t] = 0.5 + rng.nextDouble(); // uneven but no tiny types
            total += typeShare[t];
        }

        SparseMatrix.Builder b = new SparseMatrix.Builder(s.genes());
        int n = s.cellsPerBatch() * s.batches();
        String[] ids = new String[n];
        String[] types = new String[n];
        String[] batches = new String[n];
        int cell = 0;
        for (int batch = 0; batch < s.batches(); batch++) {
            double[] scale = new double[s.genes()];
            double[] shift = new double[s.genes()];
            for (int g = 0; g < s.genes(); g++) {
                scale[g] = batch == 0 ? 0 : s.batchEffect() * rng.gaussian();
                shift[g] = batch == 0 ? 0 : Math.max(0, 0.05 * s.batchEffect() * rng.gaussian());
            }
            boolean dropLast = s.dropTypeFromLastBatch() && batch == s.batches() - 1 && s.batches() > 1;
            for (int i = 0; i < s.cellsPerBatch(); i++) {
                int t = drawType(typeShare, total, rng, dropLast ? s.types() - 1 : s.types());
                double lib = Math.exp(0.4 * rng.gaussian());
                for (int g = 0; g < s.genes(); g++) {
                    double mean = Math.exp(base[g] + typeLogFc[t][g] + scale[g]) * lib + shift[g];
                    b.add(g, negativeBinomial(mean, s.dispersion(), rng));
                }
                b.endRow();
                ids[cell] = "b" + batch + "_cell" + i;
                types[cell] = "type_" + (char) ('A' + t % 26) + (t >= 26 ? String.valueOf(t / 26) : "");
                batches[cell] = "batch" + batch;
                cell++;
            }
        }
        String[] genes = new String[s.genes()];
        for (int g = 0; g < genes.length; g++) {
            genes[g] = String.format("GENE%05d", g);
        }
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", types);
        obs.put("batch", batches);
        return new Dataset(b.build(), ids, genes, obs, "simulation");
    }

    /** The shift of the log base expression at which the expected fraction of non-zero counts is {@code density}. */
    static double offsetFor(double[] base, double phi, double density) {
        double lo = -30;
        double hi = 30;
        for (int i = 0; i < 100; i++) {
            double mid = (lo + hi) / 2;
            double nonZero = 0;
            for (double b : base) {
                double mean = Math.exp(mid + b);
                nonZero += 1 - (phi <= 0 ? Math.exp(-mean) : Math.pow(1 + phi * mean, -1 / phi));
            }
            if (nonZero / base.length < density) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static int drawType(double[] share, double total, Rng rng, int allowed) {
        double sum = 0;
        for (int t = 0; t < allowed; t++) {
            sum += share[t];
        }
        double u = rng.nextDouble() * sum;
        for (int t = 0; t < allowed; t++) {
            u -= share[t];
            if (u < 0) {
                return t;
            }
        }
        return allowed - 1;
    }

    /** Gamma–Poisson draw with mean {@code mean} and dispersion φ (variance = mean + φ·mean²). */
    static float negativeBinomial(double mean, double phi, Rng rng) {
        if (mean <= 0) {
            return 0;
        }
        double lambda = phi <= 0 ? mean : gamma(1 / phi, rng) * mean * phi;
        return poisson(lambda, rng);
    }

    /** Marsaglia–Tsang gamma(shape, 1). */
    static double gamma(double shape, Rng rng) {
        if (shape < 1) {
            return gamma(shape + 1, rng) * Math.pow(rng.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = rng.gaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v <= 0) {
                continue;
            }
            double u = rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** Poisson draw: inversion for small means, a rounded normal for large ones. */
    static float poisson(double lambda, Rng rng) {
        if (lambda > 50) {
            return (float) Math.max(0, Math.round(lambda + Math.sqrt(lambda) * rng.gaussian()));
        }
        double l = Math.exp(-lambda);
        int k = 0;
        double p = rng.nextDouble();
        double cdf = l;
        double term = l;
        while (p > cdf && k < 1000) {
            k++;
            term *= lambda / k;
            cdf += term;
        }
        return k;
    }
}
