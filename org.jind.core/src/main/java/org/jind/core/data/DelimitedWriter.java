package org.jind.core.data;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

import org.apache.commons.csv.CSVPrinter;
import org.jind.core.util.AtomicFiles;

/**
 * Writes a Dataset as a wide CSV (gzipped when the name ends in .gz): cell id, one column per gene, then the
 * annotation columns — the layout {@link DelimitedReader} and KNIME's CSV Reader read. Quoting is Commons CSV's
 * (RFC 4180): a name with a comma, quote or line break is quoted as a whole.
 */
public final class DelimitedWriter {
    private DelimitedWriter() {
    }

    public static void write(Dataset d, Path file) throws IOException {
        AtomicFiles.writeStream(file, raw -> {
            if (file.getFileName().toString().endsWith(".gz")) {
                raw = new GZIPOutputStream(raw, 1 << 16);
            }
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(raw, StandardCharsets.UTF_8), 1 << 16);
                    CSVPrinter csv = new CSVPrinter(w, TextFiles.csv(','))) {
                String[] genes = d.genes();
                String[] keys = d.obsColumns().toArray(new String[0]);
                String[][] obs = new String[keys.length][];
                csv.print("cell_id");
                for (String g : genes) {
                    csv.print(g);
                }
                for (int k = 0; k < keys.length; k++) {
                    csv.print(keys[k]);
                    obs[k] = d.obs(keys[k]);
                }
                csv.println();
                SparseMatrix x = d.matrix();
                float[] row = new float[genes.length];
                for (int i = 0; i < d.cells(); i++) {
                    java.util.Arrays.fill(row, 0f);
                    for (int p = x.rowStart(i); p < x.rowEnd(i); p++) {
                        row[x.colIndex(p)] = x.value(p);
                    }
                    csv.print(d.cellId(i));
                    for (float v : row) {
                        csv.print(v == Math.rint(v) && Math.abs(v) < 1e9 ? Long.toString((long) v) : Float.toString(v));
                    }
                    for (String[] col : obs) {
                        csv.print(col[i] == null ? "" : col[i]);
                    }
                    csv.println();
                }
            }
        });
    }
}
