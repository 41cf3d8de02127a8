package org.jind.core.data;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

/**
 * Writes .h5ad files element by element as the AnnData on-disk specification lays them out (anndata's
 * {@code _io/specs}): the root {@code anndata} group, {@code dataframe} obs/var with {@code _index} and
 * {@code column-order}, {@code string-array} indices and columns, dense {@code array},
 * {@code csr_matrix} and {@code csc_matrix} matrices, {@code dict} layers and the {@code raw} group with its own
 * {@code X} and {@code var}. For the layouts CELLxGENE and scanpy write: counts in {@code raw} or a
 * layer, normalised or scaled values in {@code X}, or no {@code X} at all.
 */
public final class AnnDataLayouts {
    /** How a matrix is stored. */
    public enum Layout { DENSE, CSR, CSC }

    private AnnDataLayouts() {
    }

    /** An AnnData file's elements, written on {@link #write}. */
    public static final class File {
        final String[] cells;
        final Map<String, String[]> obs = new LinkedHashMap<>();
        String[] genes;
        final Map<String, String[]> var = new LinkedHashMap<>();
        float[][] x;
        Layout xLayout;
        final Map<String, float[][]> layers = new LinkedHashMap<>();
        final Map<String, Layout> layerLayouts = new LinkedHashMap<>();
        float[][] rawX;
        Layout rawLayout;
        String[] rawGenes;
        final Map<String, String[]> rawVar = new LinkedHashMap<>();

        public File(String[] cells, String[] genes) {
            this.cells = cells;
            this.genes = genes;
        }

        /** A text obs column. */
        public File obs(String name, String... values) {
            obs.put(name, values);
            return this;
        }

        /** A text var column, e.g. CELLxGENE's {@code feature_name}. */
        public File var(String name, String... values) {
            var.put(name, values);
            return this;
        }

        public File x(float[][] values, Layout layout) {
            x = values;
            xLayout = layout;
            return this;
        }

        public File layer(String name, float[][] values, Layout layout) {
            layers.put(name, values);
            layerLayouts.put(name, layout);
            return this;
        }

        /** {@code raw}: its X over its own genes (the var index of raw/var) with var columns such as feature_name. */
        public File raw(float[][] values, Layout layout, String[] rawGeneIds, Map<String, String[]> rawVarColumns) {
            rawX = values;
            rawLayout = layout;
            rawGenes = rawGeneIds;
            rawVar.putAll(rawVarColumns);
            return this;
        }

        public Path write(Path file) {
            try (WritableHdfFile h5 = HdfFile.write(file)) {
                encoding(h5, "anndata", "0.1.0");
                if (x != null) {
                    matrix(h5, "X", x, xLayout);
                }
                dataframe(h5, "obs", cells, obs);
                dataframe(h5, "var", genes, var);
                // anndata also writes the empty dicts (obsm, varm, obsp, varp, uns; layers without layers); jHDF 0.11
                // writes an empty group with attributes beside other groups into an unreadable file, so they are left
                // out (anndata reads files without them)
                if (!layers.isEmpty()) {
                    WritableGroup l = h5.putGroup("layers");
                    encoding(l, "dict", "0.1.0");
                    layers.forEach((name, values) -> matrix(l, name, values, layerLayouts.get(name)));
                }
                if (rawX != null) {
                    WritableGroup raw = h5.putGroup("raw");
                    encoding(raw, "raw", "0.1.0");
                    matrix(raw, "X", rawX, rawLayout);
                    dataframe(raw, "var", rawGenes, rawVar);
                }
            }
            return file;
        }
    }

    private static void encoding(WritableNode n, String type, String version) {
        n.putAttribute("encoding-type", type);
        n.putAttribute("encoding-version", version);
    }

    /**
     * A {@code dataframe} with index {@code _index} and {@code string-array} columns (categoricals need an HDF5 boolean
     * {@code ordered}, which jHDF cannot write; the reader's categoricals are tested in {@link H5adReaderTest}).
     */
    static void dataframe(WritableGroup parent, String name, String[] index, Map<String, String[]> columns) {
        WritableGroup df = parent.putGroup(name);
        encoding(df, "dataframe", "0.2.0");
        df.putAttribute("_index", "_index");
        // anndata needs column-order, and jHDF cannot write an empty array: give every dataframe a column for anndata
        if (!columns.isEmpty()) {
            df.putAttribute("column-order", columns.keySet().toArray(new String[0]));
        }
        encoding(df.putDataset("_index", index), "string-array", "0.2.0");
        columns.forEach((col, values) -> encoding(df.putDataset(col, values), "string-array", "0.2.0"));
    }

    /** A cells × genes matrix: a dense {@code array}, or a {@code csr_matrix} / {@code csc_matrix} group. */
    static void matrix(WritableGroup parent, String name, float[][] values, Layout layout) {
        if (layout == Layout.DENSE) {
            encoding(parent.putDataset(name, values), "array", "0.2.0");
            return;
        }
        SparseMatrix m = SparseMatrix.fromDense(values);
        SparseMatrix stored = layout == Layout.CSR ? m : m.transpose(); // CSC: the genes compressed
        float[] data = new float[(int) stored.nonZeros()];
        int[] indices = new int[data.length];
        int[] indptr = new int[stored.rows() + 1];
        for (int r = 0; r < stored.rows(); r++) {
            indptr[r + 1] = stored.rowEnd(r);
            for (int k = stored.rowStart(r); k < stored.rowEnd(r); k++) {
                data[k] = stored.value(k);
                indices[k] = stored.colIndex(k);
            }
        }
        WritableGroup g = parent.putGroup(name);
        encoding(g, layout == Layout.CSR ? "csr_matrix" : "csc_matrix", "0.1.0");
        g.putAttribute("shape", new long[] {m.rows(), m.cols()});
        g.putDataset("data", data);
        g.putDataset("indices", indices);
        g.putDataset("indptr", indptr);
    }
}
