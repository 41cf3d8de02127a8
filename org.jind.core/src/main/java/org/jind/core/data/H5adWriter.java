package org.jind.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

import io.jhdf.HdfFile;
import io.jhdf.WritableHdfFile;
import io.jhdf.api.WritableGroup;

/** Writes a Dataset as AnnData {@code .h5ad}: CSR X, categorical obs columns, var index. */
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
                xg.putDataset("data", data);
                xg.putDataset("indices", indices);
                xg.putDataset("indptr", indptr);

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
        if (columns.length > 0) { // jHDF cannot write an empty array attribute
            g.putAttribute("column-order", columns);
        }
        g.putDataset(indexName, index);
        return g;
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
        g.putAttribute("ordered", false);
        g.putDataset("codes", codes);
        // a column without any value still needs one category: jHDF cannot write empty arrays (all codes are -1)
        g.putDataset("categories", cats.isEmpty() ? new String[] {""} : cats.toArray(new String[0]));
    }
}
