package org.jind.core.data;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;

import io.jhdf.HdfFile;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * A 10x Cell Ranger HDF5 matrix ({@code filtered_feature_bc_matrix.h5}). Cell Ranger 3 and later: a group
 * {@code matrix} with {@code data}, {@code indices}, {@code indptr}, {@code shape}, {@code barcodes} and
 * {@code features/id}, {@code features/name}, {@code features/feature_type}; only "Gene Expression" features are
 * kept (antibody captures, CRISPR guides … are dropped). Cell Ranger 2: one group per genome with {@code genes}
 * (ids) and {@code gene_names} (symbols) instead of {@code features}. The matrix is genes × cells compressed by
 * cell, which read the other way round is cells × genes compressed by row, so cells stream like an AnnData CSR X.
 * As for 10x directories, genes are named by symbol (repeats suffixed -1, -2, …) and their ids are kept as the
 * other identifier; cell annotations come from an optional CSV keyed by barcode.
 */
final class TenxH5Reader {
    static final String GENE_EXPRESSION = "Gene Expression";

    private TenxH5Reader() {
    }

    /** The 10x matrix group of an HDF5 file, or null when the file does not have the 10x layout. */
    static Group matrixGroup(HdfFile h5) {
        Node m = h5.getChild("matrix");
        if (m instanceof Group g && g.getChild("indptr") != null && g.getChild("features") != null) {
            return g;
        }
        for (Node n : h5.getChildren().values()) { // v2: /<genome>/{genes, gene_names, …}
            if (n instanceof Group g && g.getChild("indptr") != null && g.getChild("genes") != null) {
                return g;
            }
        }
        return null;
    }

    static Dataset read(Path file, Path labelsCsv) throws IOException {
        try (CellChunks c = open(file, labelsCsv)) {
            Dataset all = c.next(Integer.MAX_VALUE);
            if (all == null) {
                throw new JindException(file.getFileName() + " holds no cells.");
            }
            return all;
        }
    }

    /** The genes (Gene Expression features) and barcodes, read without the matrix. */
    private record Layout(Group group, String where, String[] ids, String[] symbols, String[] barcodes, int features,
            int[] keep) {
    }

    private static Layout layout(HdfFile h5, String src) {
        Group g = matrixGroup(h5);
        if (g == null) {
            throw new JindException(src + " is an HDF5 file but neither AnnData (.h5ad) nor a 10x Cell Ranger"
                    + " matrix (a 'matrix' group or a genome group with indptr).");
        }
        String where = "/" + g.getName() + "/";
        String[] ids;
        String[] names;
        String[] types = null;
        if (g.getChild("features") != null) {
            Group f = (Group) child(g, "features", src, where);
            ids = strings(f, "id", src, where + "features/");
            names = strings(f, "name", src, where + "features/");
            if (f.getChild("feature_type") != null) {
                types = strings(f, "feature_type", src, where + "features/");
            }
        } else {
            ids = strings(g, "genes", src, where);
            names = g.getChild("gene_names") != null ? strings(g, "gene_names", src, where) : ids;
        }
        String[] barcodes = strings(g, "barcodes", src, where);
        int[] shape = H5adReader.toInts(ds(g, "shape", src, where).getData());
        if (shape.length != 2 || shape[0] != ids.length || shape[1] != barcodes.length || names.length != ids.length
                || (types != null && types.length != ids.length)) {
            throw new JindException(src + ": the matrix shape " + java.util.Arrays.toString(shape) + " does not"
                    + " match its " + ids.length + " features and " + barcodes.length + " barcodes (damaged file?).");
        }
        int[] keep = null;
        if (types != null) {
            List<Integer> k = new ArrayList<>();
            for (int j = 0; j < types.length; j++) {
                if (GENE_EXPRESSION.equals(types[j])) {
                    k.add(j);
                }
            }
            if (k.isEmpty()) {
                throw new JindException(src + " has no \"Gene Expression\" features (only "
                        + String.join(", ", new java.util.TreeSet<>(java.util.Arrays.asList(types))) + ").");
            }
            if (k.size() < types.length) {
                keep = k.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        return new Layout(g, where, pick(ids, keep), MtxReader.makeUnique(pick(names, keep)), barcodes, ids.length,
                keep);
    }

    static CellChunks open(Path file, Path labelsCsv) throws IOException {
        String src = file.getFileName().toString();
        HdfFile h5 = new HdfFile(file);
        try {
            H5adReader.requireComplete(h5, file, src);
            Layout l = layout(h5, src);
            Map<String, String[]> obs = labelsCsv == null ? Map.of() : MtxReader.readLabels(labelsCsv, l.barcodes);
            Group g = l.group;
            HdfCells.Rows rows = HdfCells.csr(ds(g, "indptr", src, l.where), ds(g, "indices", src, l.where),
                    ds(g, "data", src, l.where), l.features, src);
            return new HdfCells(h5, src, rows, l.barcodes, obs, l.symbols,
                    java.util.Arrays.equals(l.ids, l.symbols) ? null : l.ids, l.keep, null);
        } catch (IOException | JindException e) {
            h5.close();
            throw e;
        } catch (RuntimeException e) {
            h5.close();
            throw Hdf5Arrays.unreadable(src, "10x HDF5", e);
        }
    }

    /** Cells and genes without the matrix: genes named by symbol (as read), with the ids as second identifier. */
    static DatasetInfo info(Path file) {
        String src = file.getFileName().toString();
        try (HdfFile h5 = new HdfFile(file)) {
            H5adReader.requireComplete(h5, file, src);
            Layout l = layout(h5, src);
            Dataset.requireUniqueCellIds(l.barcodes, src); // as a full read would; chunks are checked one by one
            Map<String, String[]> identifiers = new java.util.LinkedHashMap<>();
            identifiers.put(MtxReader.SYMBOLS, l.symbols);
            if (!java.util.Arrays.equals(l.ids, l.symbols)) {
                identifiers.put(MtxReader.IDS, MtxReader.makeUnique(l.ids));
            }
            return new DatasetInfo(src, "10x Cell Ranger HDF5", l.barcodes.length, List.of(), identifiers);
        } catch (JindException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Hdf5Arrays.unreadable(src, "10x HDF5", e);
        }
    }

    private static String[] pick(String[] a, int[] keep) {
        if (keep == null) {
            return a;
        }
        String[] out = new String[keep.length];
        for (int i = 0; i < keep.length; i++) {
            out[i] = a[keep[i]];
        }
        return out;
    }

    private static Node child(Group g, String name, String src, String where) {
        Node n = g.getChild(name);
        if (n == null) {
            throw new JindException(src + " has no " + where + name + "; a 10x HDF5 matrix needs data, indices,"
                    + " indptr, shape, barcodes and features (or genes).");
        }
        return n;
    }

    private static io.jhdf.api.Dataset ds(Group g, String name, String src, String where) {
        return (io.jhdf.api.Dataset) child(g, name, src, where);
    }

    private static String[] strings(Group g, String name, String src, String where) {
        return H5adReader.toStrings(ds(g, name, src, where).getData());
    }
}
