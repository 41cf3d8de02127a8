package org.jind.core.data;

import java.lang.reflect.Array;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;

import io.jhdf.HdfFile;
import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;

/**
 * AnnData {@code .h5ad}: the matrix chosen ({@link MatrixChoice}: {@code X}, {@code raw/X} or a layer) dense or
 * sparse (CSR or CSC group with data/indices/indptr), the {@code obs} index as cell ids and its columns as
 * annotations, the index of the matrix's var data frame ({@code var}, or {@code raw/var} for raw) as gene names (the
 * data frames are decoded by {@link AnnDataFrame}).
 */
final class H5adReader {
    private H5adReader() {
    }

    /**
     * var columns that may hold the genes' other identifier, in order of preference: symbols (scanpy's 10x
     * {@code gene_symbols}, CELLxGENE's {@code feature_name}) or ids (scanpy's {@code gene_ids}).
     */
    static final String[] ALIAS_COLUMNS = {"gene_symbols", "feature_name", "gene_symbol", "gene_name", "gene_names",
        "symbol", "gene_ids", "gene_id", "feature_id", "ensembl_id", "ensembl_ids"};

    /** @param matrix the matrix to read; null: X */
    static Dataset read(Path file, MatrixChoice matrix) {
        String src = file.getFileName().toString();
        try (HdfFile h5 = new HdfFile(file)) {
            requireComplete(h5, file, src);
            Located m = locate(h5, matrix, src);
            Meta meta = meta(h5, m.var(), src);
            SparseMatrix x = readX(m.node(), m.path(), src);
            return new Dataset(x, meta.cells, meta.genes, meta.aliases, meta.obs, src);
        } catch (JindException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Hdf5Arrays.unreadable(src, "AnnData", e);
        }
    }

    /** The file's cells in chunks: annotations and genes now, X a range of cells at a time. */
    static CellChunks open(Path file, MatrixChoice matrix) {
        String src = file.getFileName().toString();
        HdfFile h5 = new HdfFile(file);
        try {
            requireComplete(h5, file, src);
            Located m = locate(h5, matrix, src);
            Meta meta = meta(h5, m.var(), src);
            HdfCells.Rows rows = rows(m.node(), m.path(), meta, src);
            return new HdfCells(h5, src, rows, meta.cells, meta.obs, meta.genes, meta.aliases, null, null);
        } catch (RuntimeException e) {
            h5.close();
            if (e instanceof JindException) {
                throw e;
            }
            throw Hdf5Arrays.unreadable(src, "AnnData", e);
        }
    }

    // ---- which matrix: X, raw/X (genes from raw/var) or a layer (genes from var) ----

    /** The chosen matrix, where it is in the file, and the var dataframe naming its genes. */
    private record Located(MatrixChoice choice, Node node, String path, Group var) {
    }

    /** Whether the file is AnnData: it has X, or the obs and var every AnnData file has (X is optional). */
    static boolean isAnnData(HdfFile h5) {
        return h5.getChild("X") != null || h5.getChild("obs") instanceof Group && h5.getChild("var") instanceof Group;
    }

    /**
     * Finds {@code choice} (null: X); a file lacking it gets a sentence listing the matrices it has
     * ({@link NoSuchMatrixException}).
     */
    private static Located locate(HdfFile h5, MatrixChoice choice, String src) {
        MatrixChoice c = choice == null ? MatrixChoice.X : choice;
        Node node = switch (c.kind()) {
            case X -> h5.getChild("X");
            case RAW -> h5.getChild("raw") instanceof Group raw ? raw.getChild("X") : null;
            case LAYER -> h5.getChild("layers") instanceof Group layers ? layers.getChild(c.layer()) : null;
        };
        if (node == null) {
            List<MatrixChoice> all = matrices(h5);
            String problem = src + " has no " + (c.kind() == MatrixChoice.Kind.RAW ? "raw (raw/X)" : c.label());
            if (all.isEmpty()) {
                throw new JindException(problem + ", nor any other matrix (no raw/X, no layers): it holds no"
                        + " expression values.");
            }
            throw new NoSuchMatrixException(problem, all, rawGenes(h5, src));
        }
        Node var = c.kind() == MatrixChoice.Kind.RAW ? ((Group) h5.getChild("raw")).getChild("var") : h5.getChild("var");
        if (!(var instanceof Group g)) {
            throw new JindException(src + " has no '" + c.varPath() + "', which names the genes of " + c.describe()
                    + "; it does not look like an AnnData file.");
        }
        return new Located(c, node, c.path(), g);
    }

    /** The file's matrices, in the order X, raw, the layers (in the file's order). */
    static List<MatrixChoice> matrices(HdfFile h5) {
        List<MatrixChoice> out = new ArrayList<>();
        if (h5.getChild("X") != null) {
            out.add(MatrixChoice.X);
        }
        if (h5.getChild("raw") instanceof Group raw && raw.getChild("X") != null) {
            out.add(MatrixChoice.RAW);
        }
        if (h5.getChild("layers") instanceof Group layers) {
            layers.getChildren().keySet().forEach(name -> out.add(MatrixChoice.layer(name)));
        }
        return out;
    }

    /** How many genes raw/var names, or -1 without raw. */
    private static int rawGenes(HdfFile h5, String src) {
        return h5.getChild("raw") instanceof Group raw && raw.getChild("var") instanceof Group var
                ? index(var, src).length : -1;
    }

    /** What is known without X: cell ids, annotations, genes and their other identifiers. */
    private record Meta(String[] cells, Map<String, String[]> obs, String[] genes, String[] aliases) {
    }

    private static Meta meta(HdfFile h5, Group varGroup, String src) {
        Group obsGroup = frame(h5, "obs", src);
        String[] cells = index(obsGroup, src);
        String[] genes = index(varGroup, src);
        Map<String, String[]> obs = new LinkedHashMap<>();
        columns(obsGroup, cells.length, src).forEach((name, col) -> obs.put(name, col.values()));
        return new Meta(cells, obs, genes, aliases(varGroup, genes, src));
    }

    /** The first var column of {@link #ALIAS_COLUMNS} that names the genes otherwise than the index, or null. */
    private static String[] aliases(Group var, String[] genes, String src) {
        Map<String, AnnDataFrame.Column> columns = columns(var, genes.length, src);
        for (String name : ALIAS_COLUMNS) {
            AnnDataFrame.Column col = columns.get(name);
            if (col != null && !Arrays.equals(col.values(), genes)) {
                return col.values();
            }
        }
        return null;
    }

    private static HdfCells.Rows rows(Node xNode, String path, Meta meta, String src) {
        if (xNode instanceof io.jhdf.api.Dataset ds) {
            requireDims(ds, path, meta, src);
            return HdfCells.dense(ds);
        }
        Sparse sp = sparse((Group) xNode, path, src);
        requireShape(sp.shape, meta, src);
        return sp.csr ? HdfCells.csr(sp.indptr, sp.indices, sp.data, sp.shape[1], src)
                : HdfCells.csc(sp.indptr, sp.indices, sp.data, sp.shape[1], src);
    }

    private static void requireDims(io.jhdf.api.Dataset ds, String path, Meta meta, String src) {
        int[] dims = ds.getDimensions();
        if (dims.length != 2) {
            throw new JindException(src + ": " + path + " has " + dims.length
                    + " dimensions; expected a cells × genes matrix.");
        }
        requireShape(dims, meta, src);
    }

    private static void requireShape(int[] shape, Meta meta, String src) {
        if (shape[0] != meta.cells.length || shape[1] != meta.genes.length) {
            throw new JindException(src + ": the matrix is " + shape[0] + " × " + shape[1] + " but there are "
                    + meta.cells.length + " cell ids and " + meta.genes.length + " gene names.");
        }
    }

    /** An X group's layout: CSR or CSC, its shape (cells, genes) and its three datasets. */
    private record Sparse(boolean csr, int[] shape, io.jhdf.api.Dataset indptr, io.jhdf.api.Dataset indices,
            io.jhdf.api.Dataset data) {
    }

    private static Sparse sparse(Group g, String path, String src) {
        String encoding = stringAttr(g, "encoding-type");
        if (encoding == null) {
            encoding = stringAttr(g, "h5sparse_format");
            encoding = encoding == null ? null : encoding + "_matrix";
        }
        Attribute shapeAttr = g.getAttribute("shape") != null ? g.getAttribute("shape") : g.getAttribute("h5sparse_shape");
        if (shapeAttr == null || encoding == null) {
            throw new JindException(src + ": " + path + " is a group without a sparse encoding and shape; expected"
                    + " csr_matrix or csc_matrix.");
        }
        if (!encoding.equals("csr_matrix") && !encoding.equals("csc_matrix")) {
            throw new JindException(src + ": " + path + " has the unsupported encoding '" + encoding + "'.");
        }
        return new Sparse(encoding.equals("csr_matrix"), toInts(shapeAttr.getData()),
                (io.jhdf.api.Dataset) child(g, "indptr", src), (io.jhdf.api.Dataset) child(g, "indices", src),
                (io.jhdf.api.Dataset) child(g, "data", src));
    }

    /** The var columns offered as gene identifiers hold text with at least this share of genes distinct values. */
    static final double IDENTIFIER_DISTINCT_SHARE = 0.5;

    /**
     * The metadata without X: cells from the obs index, obs columns with their kinds, and as gene identifiers the
     * var index ("var index") and every text var column with distinct values for at least half of the genes
     * (gene_symbols, feature_name, gene_ids, …). Missing entries of such a column take the var index's name, and
     * repeats are made unique as for 10x symbols, so every identifier names each gene once.
     */
    static DatasetInfo info(Path file, MatrixChoice matrix) {
        String src = file.getFileName().toString();
        try (HdfFile h5 = new HdfFile(file)) {
            requireComplete(h5, file, src);
            Located m = locate(h5, matrix, src);
            Group obsGroup = frame(h5, "obs", src);
            Group varGroup = m.var();
            String[] cellIds = index(obsGroup, src);
            int cells = cellIds.length;
            String[] genes = index(varGroup, src);
            Dataset.requireUniqueCellIds(cellIds, src);
            Dataset.requireUniqueGenes(genes, src);
            List<DatasetInfo.Column> obs = new ArrayList<>();
            Map<String, String[]> obsValues = new LinkedHashMap<>();
            columns(obsGroup, cells, src).forEach((name, col) -> {
                obs.add(DatasetInfo.column(name, col.values(), col.numeric()));
                obsValues.put(name, col.values());
            });
            Map<String, String[]> identifiers = new LinkedHashMap<>();
            identifiers.put(VAR_INDEX, genes);
            columns(varGroup, genes.length, src).forEach((name, col) -> {
                if (!col.numeric() && new HashSet<>(Arrays.asList(col.values())).size()
                        >= IDENTIFIER_DISTINCT_SHARE * genes.length) {
                    String[] names = col.values();
                    for (int j = 0; j < names.length; j++) {
                        if (names[j] == null || names[j].isEmpty()) {
                            names[j] = genes[j];
                        }
                    }
                    identifiers.put(name, MtxReader.makeUnique(names));
                }
            });
            return new DatasetInfo(src, "AnnData .h5ad", cells, obs, identifiers, obsValues,
                    new DatasetInfo.Matrices(m.choice(), matrices(h5), rawGenes(h5, src)));
        } catch (JindException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Hdf5Arrays.unreadable(src, "AnnData", e);
        }
    }

    /** The name of the identifier that is the var index. */
    static final String VAR_INDEX = "var index";

    /**
     * The superblock records where the file ends; a shorter file was cut off (an interrupted copy or download).
     * jHDF does not check this itself, and a file missing only its tail may otherwise read without an error.
     */
    static void requireComplete(HdfFile h5, Path file, String src) {
        io.jhdf.Superblock sb = h5.getHdfBackingStorage().getSuperblock();
        long expected = sb.getBaseAddressByte() + sb.getEndOfFileAddress();
        long actual;
        try {
            actual = java.nio.file.Files.size(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (actual < expected) {
            throw new JindException(src + " is truncated: it has " + actual + " bytes but its header says " + expected
                    + " (an interrupted copy or download?); copy or write it again.");
        }
    }

    private static SparseMatrix readX(Node xNode, String path, String src) {
        if (xNode instanceof io.jhdf.api.Dataset ds) {
            int[] dims = ds.getDimensions();
            if (dims.length != 2) {
                throw new JindException(src + ": " + path + " has " + dims.length
                        + " dimensions; expected a cells × genes matrix.");
            }
            SparseMatrix.Builder b = new SparseMatrix.Builder(dims[1]);
            HdfCells.denseInto(ds, 0, dims[0], b);
            return b.build();
        }
        Sparse sp = sparse((Group) xNode, path, src);
        int[] shape = sp.shape;
        // read in slices: jHDF maps a dataset read at once into one buffer, which fails past 2 GB
        int[] indptr = Hdf5Arrays.allInts(sp.indptr, path + "/indptr", src);
        int[] indices = Hdf5Arrays.allInts(sp.indices, path + "/indices", src);
        float[] values = Hdf5Arrays.allFloats(sp.data, path + "/data", src);
        return sp.csr ? withoutZeros(sorted(new SparseMatrix(shape[0], shape[1], indptr, indices, values)))
                : withoutZeros(sorted(new SparseMatrix(shape[1], shape[0], indptr, indices, values)).transpose());
    }

    /** scipy keeps explicitly stored zeros; our matrices store non-zeros only. */
    static SparseMatrix withoutZeros(SparseMatrix m) {
        for (int k = 0; k < m.nonZeros(); k++) {
            if (m.value(k) == 0f) {
                SparseMatrix.Builder b = new SparseMatrix.Builder(m.cols());
                for (int r = 0; r < m.rows(); r++) {
                    for (int j = m.rowStart(r); j < m.rowEnd(r); j++) {
                        b.add(m.colIndex(j), m.value(j));
                    }
                    b.endRow();
                }
                return b.build();
            }
        }
        return m;
    }

    /** scipy allows unsorted indices within a row; our CSR does not. */
    static SparseMatrix sorted(SparseMatrix m) {
        for (int r = 0; r < m.rows(); r++) {
            for (int k = m.rowStart(r) + 1; k < m.rowEnd(r); k++) {
                if (m.colIndex(k) <= m.colIndex(k - 1)) {
                    return m.transpose().transpose();
                }
            }
        }
        return m;
    }

    /** The cell ids (obs) or gene names (var, raw/var): the frame's index. */
    private static String[] index(Group frame, String src) {
        return AnnDataFrame.index(frame, frame.getName().equals("obs") ? "cells" : "genes", src);
    }

    private static Map<String, AnnDataFrame.Column> columns(Group frame, int rows, String src) {
        return AnnDataFrame.columns(frame, rows, src);
    }

    /** obs or var: a data frame group (anndata before 0.7 stored them as one compound dataset). */
    private static Group frame(Group h5, String name, String src) {
        Node n = child(h5, name, src);
        if (n instanceof Group g) {
            return g;
        }
        throw new JindException(src + ": " + name + " is a dataset, not a data frame group (the layout of anndata"
                + " before 0.7); open the file with a current anndata and save it again.");
    }

    private static Node child(Group g, String name, String src) {
        Node n = g.getChild(name);
        if (n == null) {
            throw new JindException(src + " has no '" + name + "' (" + (g.getName().isEmpty() ? "/" : g.getName())
                    + "); it does not look like an AnnData file.");
        }
        return n;
    }

    private static String stringAttr(Node n, String name) {
        return AnnDataFrame.stringAttr(n, name);
    }

    static float[] toFloats(Object a) {
        int n = Array.getLength(a);
        float[] out = new float[n];
        if (a instanceof float[] f) {
            return f;
        }
        for (int i = 0; i < n; i++) {
            out[i] = ((Number) Array.get(a, i)).floatValue();
        }
        return out;
    }

    static int[] toInts(Object a) {
        if (a instanceof int[] i) {
            return i;
        }
        int n = Array.getLength(a);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            long v = ((Number) Array.get(a, i)).longValue();
            if (v > Integer.MAX_VALUE) {
                throw new JindException("an index of " + v + " is too large for this reader (over 2^31 entries).");
            }
            out[i] = (int) v;
        }
        return out;
    }

    static String[] toStrings(Object a) {
        int n = Array.getLength(a);
        String[] out = new String[n];
        for (int i = 0; i < n; i++) {
            Object v = Array.get(a, i);
            out[i] = v instanceof Number num && num.doubleValue() == Math.rint(num.doubleValue())
                    && !(v instanceof Float || v instanceof Double) ? String.valueOf(num.longValue()) : String.valueOf(v);
        }
        return out;
    }

}
