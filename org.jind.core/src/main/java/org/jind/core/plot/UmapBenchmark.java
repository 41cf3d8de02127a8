package org.jind.core.plot;

import java.util.Locale;

import org.jind.core.random.Rng;

/**
 * Prints how long the latent map's embedding takes for a given number of cells (default 20,000: the most a map
 * holds, 10,000 per batch) of simulated 256-dimensional codes in 10 clusters, and the process's peak RSS.
 * Run: {@code java -cp 'org.jind.core/target/classes:org.jind.core/target/lib/*' org.jind.core.plot.UmapBenchmark [cells]}
 */
public final class UmapBenchmark {
    private UmapBenchmark() {
    }

    private static long step(String what, java.lang.management.ThreadMXBean bean, long since) {
        long now = bean.getCurrentThreadCpuTime();
        System.out.printf(Locale.ROOT, "  %-12s %.1f s CPU%n", what, (now - since) / 1e9);
        return now;
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int dim = 256;
        Rng rng = new Rng(1);
        float[][] centres = new float[10][dim];
        for (float[] c : centres) {
            for (int j = 0; j < dim; j++) {
                c[j] = rng.gaussian() * 2;
            }
        }
        float[] x = new float[n * dim];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < dim; j++) {
                x[i * dim + j] = centres[i % 10][j] + rng.gaussian();
            }
        }
        Umap.embed(java.util.Arrays.copyOf(x, 500 * dim), 500, dim, 0); // loads the native backend
        // the steps of Umap.embed one by one: wall and CPU time of this thread (the CPU time is what a quiet
        // machine's wall time would be: the layout runs on one thread, BLAS on one)
        var bean = java.lang.management.ManagementFactory.getThreadMXBean();
        long t0 = System.nanoTime();
        long c0 = bean.getCurrentThreadCpuTime();
        int m = Math.min(Umap.PCA_DIMS, dim);
        float[] y;
        try (var scratch = new org.jind.core.nn.Scratch("umap"); var ws = scratch.step()) {
            y = org.jind.core.nn.Tensors.toArray(Umap.principalComponents(org.jind.core.nn.Tensors.matrix(x, n, dim), m));
        }
        long c1 = step("PCA", bean, c0);
        int k = Umap.NEIGHBOURS;
        int[] nbr = new int[n * k];
        float[] dist = new float[n * k];
        Umap.neighbours(y, n, m, k, nbr, dist);
        long c2 = step("neighbours", bean, c1);
        Umap.Graph g = Umap.fuzzyGraph(nbr, dist, n, k);
        long c3 = step("fuzzy graph", bean, c2);
        float[] layout = Umap.initialLayout(y, n, m);
        Umap.optimise(layout, g, n, n > 10_000 ? 200 : 500, new java.util.SplittableRandom(0));
        step("layout", bean, c3);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "total CPU time of this thread %.1f s%n", (bean.getCurrentThreadCpuTime() - c0) / 1e9);
        String rss = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM")).findFirst().orElse("VmHWM: ?");
        System.out.printf(Locale.ROOT, "UMAP of %,d cells x %d dims: %.1f s; peak RSS %s%n", n, dim, s,
                rss.replaceAll("VmHWM:\\s*", ""));
    }
}
