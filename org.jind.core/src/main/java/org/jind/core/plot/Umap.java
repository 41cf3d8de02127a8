package org.jind.core.plot;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.jind.core.nn.Scratch;
import org.jind.core.nn.Tensors;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.eigen.Eigen;

/**
 * A two-dimensional UMAP embedding (McInnes, Healy &amp; Melville 2018, with umap-learn's default settings:
 * 15 neighbours, min_dist 0.1, 5 negative samples, 200 epochs above 10,000 points else 500), after PCA to at
 * most 50 dimensions; initialised from the first two principal components rather than a spectral layout.
 *
 * <p>Why our own: Smile 3.1.1's UMAP needs native ARPACK through JavaCPP 1.5.10 while ND4J ships JavaCPP 1.5.7
 * (one class path, one JavaCPP), and it searches neighbours exhaustively in Java; its t-SNE is the exact one with
 * n × n matrices (10 GB for 20,000 cells). Here the heavy parts (covariance, eigenvectors, all pairwise distances)
 * are ND4J matrix products, and the layout is optimised on one thread with a seeded generator, so the same input
 * and seed give the same coordinates.
 */
public final class Umap {
    public static final int NEIGHBOURS = 15;
    public static final int PCA_DIMS = 50;
    private static final int NEGATIVE_SAMPLES = 5;
    // the curve 1 / (1 + a d^(2b)) that umap-learn fits for min_dist = 0.1, spread = 1
    private static final double A = 1.5769434603113077;
    private static final double B = 0.8950608781227859;
    private static final int BLOCK = 512;

    private Umap() {
    }

    /**
     * @param x row-major points × {@code dim}
     * @return row-major points × 2
     */
    public static float[] embed(float[] x, int n, int dim, long seed) {
        if (n < 3) {
            return new float[n * 2];
        }
        int k = Math.min(NEIGHBOURS, n - 1);
        float[] y;
        int m;
        try (Scratch scratch = new Scratch("umap"); MemoryWorkspace ws = scratch.step()) {
            INDArray pcs = principalComponents(Tensors.matrix(x, n, dim), Math.min(PCA_DIMS, dim));
            m = (int) pcs.columns();
            y = Tensors.toArray(pcs);
        }
        int[] nbr = new int[n * k];
        float[] dist = new float[n * k];
        neighbours(y, n, m, k, nbr, dist);
        Graph g = fuzzyGraph(nbr, dist, n, k);
        float[] layout = initialLayout(y, n, m);
        optimise(layout, g, n, n > 10_000 ? 200 : 500, new SplittableRandom(seed));
        return layout;
    }

    /** Centres the columns and projects on the {@code m} leading eigenvectors of the covariance. */
    static INDArray principalComponents(INDArray x, int m) {
        INDArray centred = x.subRowVector(x.mean(0));
        INDArray cov = centred.transpose().mmul(centred).castTo(DataType.DOUBLE);
        Eigen.symmetricGeneralizedEigenvalues(cov, true); // cov now holds the eigenvectors, eigenvalues ascending
        int d = (int) cov.columns();
        INDArray top = org.nd4j.linalg.factory.Nd4j.create(DataType.DOUBLE, d, m);
        for (int j = 0; j < m; j++) {
            top.putColumn(j, cov.getColumn(d - 1 - j));
        }
        return centred.mmul(top.castTo(DataType.FLOAT));
    }

    /** The k nearest neighbours of every point (itself excluded), distances from matrix products in blocks. */
    static void neighbours(float[] y, int n, int m, int k, int[] nbr, float[] dist) {
        float[] norms = new float[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < m; j++) {
                s += (double) y[i * m + j] * y[i * m + j];
            }
            norms[i] = (float) s;
        }
        int[] bestIdx = new int[k];
        float[] bestD = new float[k];
        try (Scratch scratch = new Scratch("umap-knn")) {
            INDArray allT = Tensors.matrix(y, n, m).transpose();
            for (int from = 0; from < n; from += BLOCK) {
                int rows = Math.min(BLOCK, n - from);
                float[] dots;
                try (MemoryWorkspace ws = scratch.step()) {
                    INDArray block = Tensors.matrix(Arrays.copyOfRange(y, from * m, (from + rows) * m), rows, m);
                    dots = Tensors.toArray(block.mmul(allT));
                }
                for (int r = 0; r < rows; r++) {
                    int i = from + r;
                    Arrays.fill(bestD, Float.POSITIVE_INFINITY);
                    Arrays.fill(bestIdx, -1);
                    for (int j = 0; j < n; j++) {
                        if (j == i) {
                            continue;
                        }
                        float d2 = norms[i] + norms[j] - 2 * dots[r * n + j];
                        if (d2 < bestD[k - 1]) {
                            int p = k - 1;
                            while (p > 0 && bestD[p - 1] > d2) {
                                bestD[p] = bestD[p - 1];
                                bestIdx[p] = bestIdx[p - 1];
                                p--;
                            }
                            bestD[p] = d2;
                            bestIdx[p] = j;
                        }
                    }
                    for (int q = 0; q < k; q++) {
                        nbr[i * k + q] = bestIdx[q];
                        dist[i * k + q] = (float) Math.sqrt(Math.max(0, bestD[q]));
                    }
                }
            }
        }
    }

    /** Undirected weighted edges, each pair listed in both directions (as umap-learn's symmetric matrix). */
    record Graph(int[] head, int[] tail, double[] weight) {
    }

    /** Fuzzy simplicial set: per point a local scale, then fuzzy union w = a + b − ab of the two directions. */
    static Graph fuzzyGraph(int[] nbr, float[] dist, int n, int k) {
        double target = Math.log(k) / Math.log(2);
        long[] keys = new long[n * k];
        double[] w = new double[n * k];
        for (int i = 0; i < n; i++) {
            double rho = 0;
            for (int q = 0; q < k; q++) {
                if (dist[i * k + q] > 0) {
                    rho = dist[i * k + q];
                    break;
                }
            }
            double lo = 0;
            double hi = Double.POSITIVE_INFINITY;
            double sigma = 1;
            for (int it = 0; it < 64; it++) {
                double s = 0;
                for (int q = 1; q < k; q++) {
                    double d = dist[i * k + q] - rho;
                    s += d > 0 ? Math.exp(-d / sigma) : 1;
                }
                if (Math.abs(s - target) < 1e-5) {
                    break;
                }
                if (s > target) {
                    hi = sigma;
                    sigma = (lo + hi) / 2;
                } else {
                    lo = sigma;
                    sigma = hi == Double.POSITIVE_INFINITY ? sigma * 2 : (lo + hi) / 2;
                }
            }
            for (int q = 0; q < k; q++) {
                int j = nbr[i * k + q];
                double d = dist[i * k + q] - rho;
                keys[i * k + q] = (long) i * n + j;
                w[i * k + q] = d <= 0 ? 1 : Math.exp(-d / sigma);
            }
        }
        // combine i→j with j→i: sort both directions of every edge by (min, max) pair
        int e = keys.length;
        long[] pair = new long[e];
        for (int t = 0; t < e; t++) {
            long i = keys[t] / n;
            long j = keys[t] % n;
            pair[t] = Math.min(i, j) * n + Math.max(i, j);
        }
        Integer[] order = new Integer[e];
        for (int t = 0; t < e; t++) {
            order[t] = t;
        }
        Arrays.sort(order, (p, q) -> pair[p] != pair[q] ? Long.compare(pair[p], pair[q]) : Long.compare(keys[p], keys[q]));
        int[] head = new int[2 * e];
        int[] tail = new int[2 * e];
        double[] weight = new double[2 * e];
        int out = 0;
        for (int t = 0; t < e;) {
            long p = pair[order[t]];
            double a = w[order[t]];
            double b = 0;
            int next = t + 1;
            if (next < e && pair[order[next]] == p) {
                b = w[order[next]];
                next++;
            }
            double u = a + b - a * b;
            int i = (int) (p / n);
            int j = (int) (p % n);
            head[out] = i;
            tail[out] = j;
            weight[out++] = u;
            head[out] = j;
            tail[out] = i;
            weight[out++] = u;
            t = next;
        }
        return new Graph(Arrays.copyOf(head, out), Arrays.copyOf(tail, out), Arrays.copyOf(weight, out));
    }

    /** The first two principal components, scaled to [−10, 10] as umap-learn scales its initial layout. */
    static float[] initialLayout(float[] y, int n, int m) {
        float[] out = new float[n * 2];
        double max = 1e-12;
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 2; c++) {
                float v = c < m ? y[i * m + c] : 0;
                out[i * 2 + c] = v;
                max = Math.max(max, Math.abs(v));
            }
        }
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (out[i] / max * 10);
        }
        return out;
    }

    /** Stochastic gradient descent on the layout's cross-entropy with negative sampling (umap-learn's scheme). */
    static void optimise(float[] emb, Graph g, int n, int epochs, SplittableRandom rng) {
        double maxW = 0;
        for (double w : g.weight()) {
            maxW = Math.max(maxW, w);
        }
        int e = g.head().length;
        double[] perSample = new double[e];
        for (int t = 0; t < e; t++) {
            // edges too weak to be sampled even once are dropped, as umap-learn does
            perSample[t] = g.weight()[t] < maxW / epochs ? -1 : maxW / g.weight()[t];
        }
        double[] perNegative = new double[e];
        double[] nextSample = perSample.clone();
        double[] nextNegative = new double[e];
        for (int t = 0; t < e; t++) {
            perNegative[t] = perSample[t] / NEGATIVE_SAMPLES;
            nextNegative[t] = perNegative[t];
        }
        for (int epoch = 0; epoch < epochs; epoch++) {
            double alpha = 1.0 - (double) epoch / epochs;
            for (int t = 0; t < e; t++) {
                if (perSample[t] < 0 || nextSample[t] > epoch) {
                    continue;
                }
                int j = g.head()[t];
                int o = g.tail()[t];
                double dx = emb[j * 2] - emb[o * 2];
                double dy = emb[j * 2 + 1] - emb[o * 2 + 1];
                double d2 = dx * dx + dy * dy;
                double coeff = 0;
                if (d2 > 0) {
                    double pb = Math.pow(d2, B);
                    coeff = -2 * A * B * pb / d2 / (A * pb + 1);
                }
                double gx = clip(coeff * dx) * alpha;
                double gy = clip(coeff * dy) * alpha;
                emb[j * 2] += (float) gx;
                emb[j * 2 + 1] += (float) gy;
                emb[o * 2] -= (float) gx;
                emb[o * 2 + 1] -= (float) gy;
                nextSample[t] += perSample[t];
                int negatives = (int) ((epoch - nextNegative[t]) / perNegative[t]);
                for (int s = 0; s < negatives; s++) {
                    int r = rng.nextInt(n);
                    if (r == j) {
                        continue;
                    }
                    dx = emb[j * 2] - emb[r * 2];
                    dy = emb[j * 2 + 1] - emb[r * 2 + 1];
                    d2 = dx * dx + dy * dy;
                    if (d2 > 0) {
                        coeff = 2 * B / ((0.001 + d2) * (A * Math.pow(d2, B) + 1));
                        emb[j * 2] += (float) (clip(coeff * dx) * alpha);
                        emb[j * 2 + 1] += (float) (clip(coeff * dy) * alpha);
                    } else {
                        emb[j * 2] += (float) (4 * alpha);
                        emb[j * 2 + 1] += (float) (4 * alpha);
                    }
                }
                nextNegative[t] += negatives * perNegative[t];
            }
        }
    }

    private static double clip(double v) {
        return v > 4 ? 4 : v < -4 ? -4 : v;
    }
}
