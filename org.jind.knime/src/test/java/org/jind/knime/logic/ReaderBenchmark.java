package org.jind.knime.logic;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.jind.core.data.DatasetInfo;
import org.jind.core.data.DatasetReader;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/**
 * Time and peak RSS of the Single-Cell Reader's execute without KNIME: metadata, then every cell of the file
 * with 5,000 of its genes (as a model's genes, in a shuffled order) densified row by row into a sink. Not a test:
 * run by hand (see README, "Real data, benchmarks").
 *
 * <pre>
 * java -cp ... org.jind.knime.logic.ReaderBenchmark write FILE [cells genes density]  # synthetic h5ad, once
 * java -cp ... org.jind.knime.logic.ReaderBenchmark read FILE [genes [model|top]]   # a model's genes, or the top N
 * </pre>
 */
public final class ReaderBenchmark {
    private ReaderBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Paths.get(args[1]);
        if (args[0].equals("write")) {
            int cells = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
            int genes = args.length > 3 ? Integer.parseInt(args[3]) : 20_000;
            double density = args.length > 4 ? Double.parseDouble(args[4]) : 0.07;
            write(file, cells, genes, density);
        } else {
            read(file, args.length > 2 ? Integer.parseInt(args[2]) : 5000, args.length > 3 && args[3].equals("top"));
        }
    }

    /** Counts of the given density as CSR, with anndata's layout (obs: cell ids and a batch; var: gene ids). */
    static void write(Path file, int cells, int genes, double density) throws Exception {
        long t0 = System.nanoTime();
        SplittableRandom rnd = new SplittableRandom(1);
        int gap = (int) Math.round(2 / density) - 1; // mean step 1 + (gap - 1) / 2 = 1 / density
        int[] indptr = new int[cells + 1];
        int capacity = (int) Math.min(Integer.MAX_VALUE - 8, (long) (cells * (double) genes * density * 1.05) + genes);
        int[] indices = new int[capacity];
        float[] data = new float[capacity];
        int nnz = 0;
        for (int r = 0; r < cells; r++) {
            for (int c = rnd.nextInt(gap); c < genes; c += 1 + rnd.nextInt(gap)) {
                indices[nnz] = c;
                data[nnz++] = 1 + rnd.nextInt(6);
            }
            indptr[r + 1] = nnz;
        }
        String[] ids = new String[cells];
        String[] batch = new String[cells];
        for (int r = 0; r < cells; r++) {
            ids[r] = "cell" + r;
            batch[r] = r % 2 == 0 ? "b0" : "b1";
        }
        String[] geneIds = new String[genes];
        for (int g = 0; g < genes; g++) {
            geneIds[g] = String.format(Locale.ROOT, "ENSG%011d", g);
        }
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            WritableGroup x = h5.putGroup("X");
            x.putAttribute("encoding-type", "csr_matrix");
            x.putAttribute("encoding-version", "0.1.0");
            x.putAttribute("shape", new long[] {cells, genes});
            x.putDataset("data", Arrays.copyOf(data, nnz));
            x.putDataset("indices", Arrays.copyOf(indices, nnz));
            x.putDataset("indptr", indptr);
            WritableGroup obs = h5.putGroup("obs");
            obs.putAttribute("encoding-type", "dataframe");
            obs.putAttribute("_index", "_index");
            obs.putAttribute("column-order", new String[] {"batch"});
            obs.putDataset("_index", ids);
            obs.putDataset("batch", batch);
            WritableGroup var = h5.putGroup("var");
            var.putAttribute("encoding-type", "dataframe");
            var.putAttribute("_index", "_index");
            var.putDataset("_index", geneIds);
        }
        System.out.printf(Locale.ROOT, "wrote %s: %d cells × %d genes, %d non-zeros (%.1f%%), %.0f MB, in %.1f s%n",
                file, cells, genes, (long) nnz, 100.0 * nnz / ((double) cells * genes), Files.size(file) / 1e6,
                (System.nanoTime() - t0) / 1e9);
    }

    static void read(Path file, int modelGenes, boolean top) {
        long t0 = System.nanoTime();
        DatasetInfo info = DatasetReader.info(file);
        double infoSeconds = (System.nanoTime() - t0) / 1e9;
        // a model's genes: every fourth gene, in reverse (the model's order is not the file's)
        String[] names = info.geneNames(info.indexIdentifier());
        String[] model = new String[Math.min(modelGenes, names.length)];
        for (int k = 0; k < model.length; k++) {
            model[k] = names[(names.length - 1 - 4 * k + names.length * 4) % names.length];
        }
        SingleCellRead.Options o = new SingleCellRead.Options("", List.of(), top
                ? SingleCellRead.GeneChoice.MOST_VARIABLE : SingleCellRead.GeneChoice.MODEL, modelGenes, "", 0);
        SingleCellRead.Plan plan = SingleCellRead.plan(info, o, true, model);
        ProgressSink quiet = new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        long t1 = System.nanoTime();
        double[] sum = new double[1];
        int cells = SingleCellRead.open(file, info, o, plan, quiet).write((id, annotations, genes) -> {
            for (double v : genes) {
                sum[0] += v;
            }
        }, quiet);
        double readSeconds = (System.nanoTime() - t1) / 1e9;
        System.out.printf(Locale.ROOT, "metadata: %d cells × %d genes in %.2f s%n", info.cells(), info.genes(),
                infoSeconds);
        System.out.printf(Locale.ROOT, "read %d cells × %d %s genes (row by row) in %.1f s: %.0f cells/s;"
                + " checksum %.0f%n", cells, model.length, top ? "most variable" : "model", readSeconds,
                cells / readSeconds, sum[0]);
        System.out.printf(Locale.ROOT, "peak RSS %s, max heap %.1f GB%n", peakRss(),
                Runtime.getRuntime().maxMemory() / 1e9);
    }

    private static String peakRss() {
        try {
            return Files.readAllLines(Paths.get("/proc/self/status")).stream().filter(l -> l.startsWith("VmHWM"))
                    .map(l -> l.replaceAll("\\s+", " ").substring(6).strip()).findFirst().orElse("unknown");
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
