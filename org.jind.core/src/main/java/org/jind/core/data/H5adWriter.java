package org.jind.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;
import io.jhdf.api.WritableNode;

/**
 * Writes a Dataset as AnnData {@code .h5ad}: CSR X, categorical obs columns, var index, each element with its
 * encoding attributes as anndata writes them. Strings are fixed-length UTF-8 (jHDF writes no variable-length strings,
 * which the specification names; anndata and h5py read both alike); the booleans and empty arrays jHDF cannot write
 * come from {@link Hdf5Attributes}.
 */
public final class H5adWriter {
    private H5adWriter() {
    }

    public static void write(Dataset d, Path file) throws IOException {
        org.jind.core.util.AtomicFiles.write(file, tmp -> {
            try (WritableHdfFile h5 = HdfFile.write(tmp)) {
                h5.putAttribute("encoding-type", "anndata");
                h5.putAttribute("encoding-version", "0.1.0");
                SparseMatrix x = d.matrix();
                if (x.rows() == 0 || x.cols() == 0) { // jHDF cannot write empty arrays
                    throw new IOException("there are no cells or no genes to write");
                }
                WritableGroup xg = h5.putGroup("X");
                xg.putAttribute("encoding-type", "csr_matrix");
                xg.putAttribute("encoding-version", "0.1.0");
                xg.putAttribute("shape", new long[] {x.rows(), x.cols()});
                int nnz = (int) x.nonZeros();
                // jHDF cannot write empty arrays: an all-zero matrix stores one explicit zero (valid CSR; readers drop it)
                float[] data = new float[Math.max(1, nnz)];
                int[] indices = new int[data.length];
                int[] indptr = new int[x.rows() + 1];
                for (int r = 0; r < x.rows(); r++) {
                    indptr[r + 1] = x.rowEnd(r);
                    for (int k = x.rowStart(r); k < x.rowEnd(r); k++) {
                        data[k] = x.value(k);
                        indices[k] = x.colIndex(k);
                    }
                }
                if (nnz == 0) {
                    indptr[x.rows()] = 1;
                }
                encoded(xg.putDataset("data", data), "array");
                encoded(xg.putDataset("indices", indices), "array");
                encoded(xg.putDataset("indptr", indptr), "array");

                WritableGroup obs = dataframe(h5, "obs", "cell_id", d.cellIds(), d.obsColumns().toArray(new String[0]));
                for (String key : d.obsColumns()) {
                    categorical(obs, key, d.obs(key));
                }
                dataframe(h5, "var", "gene", d.genes(), new String[0]);
            }
        });
    }

    private static WritableGroup dataframe(WritableHdfFile h5, String name, String indexName, String[] index,
            String[] columns) {
        WritableGroup g = h5.putGroup(name);
        g.putAttribute("encoding-type", "dataframe");
        g.putAttribute("encoding-version", "0.2.0");
        g.putAttribute("_index", indexName);
        if (columns.length > 0) {
            g.putAttribute("column-order", columns);
        } else {
            Hdf5Attributes.putEmptyArray(g, "column-order");
        }
        encoded(g.putDataset(indexName, index), "string-array");
        return g;
    }

    /** An array element's encoding attributes ({@code array} or {@code string-array}, version 0.2.0). */
    private static void encoded(WritableNode n, String type) {
        n.putAttribute("encoding-type", type);
        n.putAttribute("encoding-version", "0.2.0");
    }

    private static void categorical(WritableGroup obs, String key, String[] values) {
        TreeSet<String> cats = new TreeSet<>();
        for (String v : values) {
            if (v != null) {
                cats.add(v);
            }
        }
        Map<String, Integer> code = new LinkedHashMap<>();
        for (String c : cats) {
            code.put(c, code.size());
        }
        int[] codes = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            codes[i] = values[i] == null ? -1 : code.get(values[i]);
        }
        WritableGroup g = obs.putGroup(key);
        g.putAttribute("encoding-type", "categorical");
        g.putAttribute("encoding-version", "0.2.0");
        Hdf5Attributes.putBoolean(g, "ordered", false);
        encoded(g.putDataset("codes", codes), "array");
        // a column without any value still needs one category: jHDF cannot write empty arrays (all codes are -1)
        encoded(g.putDataset("categories", cats.isEmpty() ? new String[] {""} : cats.toArray(new String[0])),
                "string-array");
    }
}
