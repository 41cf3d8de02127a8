package org.jind.core.data;

import java.nio.file.Path;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Writes matrices the way Cell Ranger lays out its HDF5 output (for tests), and h5ad X in other layouts. */
public final class TenxH5Files {
    private TenxH5Files() {
    }

    /**
     * Cell Ranger 3+: /matrix/{data, indices, indptr, shape, barcodes, features/{id, name, feature_type, genome}},
     * genes × cells compressed by cell, int32 counts and int64 indices as Cell Ranger writes them.
     */
    public static void writeV3(Path file, SparseMatrix cellsByGenes, String[] barcodes, String[] ids, String[] names,
            String[] types) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            WritableGroup m = h5.putGroup("matrix");
            putCsc(m, cellsByGenes, barcodes);
            WritableGroup f = m.putGroup("features");
            f.putDataset("id", ids);
            f.putDataset("name", names);
            f.putDataset("feature_type", types);
            String[] genome = new String[ids.length];
            java.util.Arrays.fill(genome, "GRCh38");
            f.putDataset("genome", genome);
        }
    }

    /** Cell Ranger 2: /GRCh38/{data, indices, indptr, shape, barcodes, genes, gene_names}. */
    public static void writeV2(Path file, SparseMatrix cellsByGenes, String[] barcodes, String[] ids, String[] names) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            putGenome(h5, "GRCh38", cellsByGenes, barcodes, ids, names);
        }
    }

    /**
     * Cell Ranger 2 on a mixed-species sample: one such group per genome, each with the same barcodes and its own
     * genes (ids prefixed with the genome, as Cell Ranger's combined references name them).
     */
    public static void writeV2Genomes(Path file, String[] genomes, SparseMatrix[] cellsByGenes, String[] barcodes,
            String[][] ids, String[][] names) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            for (int i = 0; i < genomes.length; i++) {
                putGenome(h5, genomes[i], cellsByGenes[i], barcodes, ids[i], names[i]);
            }
        }
    }

    private static void putGenome(WritableHdfFile h5, String genome, SparseMatrix cellsByGenes, String[] barcodes,
            String[] ids, String[] names) {
        WritableGroup g = h5.putGroup(genome);
        putCsc(g, cellsByGenes, barcodes);
        g.putDataset("genes", ids);
        g.putDataset("gene_names", names);
    }

    private static void putCsc(WritableGroup g, SparseMatrix x, String[] barcodes) {
        int nnz = (int) x.nonZeros();
        int[] data = new int[nnz];
        long[] indices = new long[nnz];
        long[] indptr = new long[x.rows() + 1];
        for (int r = 0; r < x.rows(); r++) {
            indptr[r + 1] = x.rowEnd(r);
            for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                data[k] = Math.round(x.value(k));
                indices[k] = x.colIndex(k);
            }
        }
        g.putDataset("data", data);
        g.putDataset("indices", indices);
        g.putDataset("indptr", indptr);
        g.putDataset("shape", new int[] {x.cols(), x.rows()});
        g.putDataset("barcodes", barcodes);
    }

    /** An h5ad with X as CSC (genes compressed) or dense, the obs index and plain string obs columns. */
    public static void writeH5ad(Path file, Dataset d, boolean csc, String... obsColumns) {
        try (WritableHdfFile h5 = HdfFile.write(file)) {
            SparseMatrix x = d.matrix();
            if (csc) {
                SparseMatrix t = x.transpose();
                WritableGroup g = h5.putGroup("X");
                g.putAttribute("encoding-type", "csc_matrix");
                g.putAttribute("shape", new long[] {x.rows(), x.cols()});
                float[] data = new float[(int) t.nonZeros()];
                int[] indices = new int[data.length];
                int[] indptr = new int[t.rows() + 1];
                for (int r = 0; r < t.rows(); r++) {
                    indptr[r + 1] = t.rowEnd(r);
                    for (int k = t.rowStart(r); k < t.rowEnd(r); k++) {
                        data[k] = t.value(k);
                        indices[k] = t.colIndex(k);
                    }
                }
                g.putDataset("data", data);
                g.putDataset("indices", indices);
                g.putDataset("indptr", indptr);
            } else {
                float[][] dense = new float[x.rows()][x.cols()];
                for (int r = 0; r < x.rows(); r++) {
                    for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                        dense[r][x.colIndex(k)] = x.value(k);
                    }
                }
                h5.putDataset("X", dense);
            }
            WritableGroup obs = h5.putGroup("obs");
            obs.putAttribute("_index", "_index");
            obs.putDataset("_index", d.cellIds());
            for (String c : obsColumns) {
                obs.putDataset(c, d.obs(c));
            }
            WritableGroup var = h5.putGroup("var");
            var.putAttribute("_index", "_index");
            var.putDataset("_index", d.genes());
        }
    }
}
