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
 * {@code features/id}, {@code features/name}, {@code features/feature_type}. Cell Ranger 2: one group per genome
 * with {@code genes} (ids) and {@code gene_names} (symbols) instead of {@code features}; a file with several genomes
 * is read for the genome chosen ({@link ReadOptions#genome()}), never silently for the first. The matrix is genes ×
 * cells compressed by cell, which read the other way round is cells × genes compressed by row, so cells stream like
 * an AnnData CSR X. Which features are genes and how they are named: {@link TenxFeatures}, as for 10x directories;
 * cell annotations come from an optional CSV keyed by barcode.
 */
final class TenxH5Reader {
    private TenxH5Reader() {
    }

    /** Whether an HDF5 file has the 10x layout: a Cell Ranger 3 'matrix' group, or Cell Ranger 2 genome groups. */
    static boolean isTenx(HdfFile h5) {
        return v3(h5) != null || !v2Genomes(h5).isEmpty();
    }

    private static Group v3(HdfFile h5) {
        Node m = h5.getChild("matrix");
        return m instanceof Group g && g.getChild("indptr") != null && g.getChild("features") != null ? g : null;
    }

    /** Cell Ranger 2: /<genome>/{genes, gene_names, indptr, …}, one group per genome, by name (as h5py lists them). */
    private static List<Group> v2Genomes(HdfFile h5) {
        List<Group> out = new ArrayList<>();
        for (Node n : h5.getChildren().values()) {
            if (n instanceof Group g && g.getChild("indptr") != null && g.getChild("genes") != null) {
                out.add(g);
            }
        }
        out.sort(java.util.Comparator.comparing(Group::getName));
        return out;
    }

    /** The matrix group to read: Cell Ranger 3's, or the chosen (or only) genome's of Cell Ranger 2. */
    private static Group matrixGroup(HdfFile h5, String genome, String src) {
        Group g = v3(h5);
        if (g != null) {
            if (genome != null) {
                throw new JindException("The genome '" + genome + "' was chosen, but " + src + " is a Cell Ranger 3"
                        + " file (one matrix holding every genome's genes); genomes are chosen in Cell Ranger 2"
                        + " files only.");
            }
            return g;
        }
        List<Group> groups = v2Genomes(h5);
        List<String> names = groups.stream().map(Group::getName).toList();
        if (genome != null) {
            int i = names.indexOf(genome);
            if (i < 0) {
                throw new JindException(src + " has no genome '" + genome + "'; its genomes are: "
                        + String.join(", ", names) + ".");
            }
            return groups.get(i);
        }
        if (groups.size() > 1) {
            throw new GenomeChoiceException(src, names);
        }
        if (groups.isEmpty()) {
            throw new JindException(src + " is an HDF5 file but neither AnnData (.h5ad) nor a 10x Cell Ranger"
                    + " matrix (a 'matrix' group or a genome group with indptr).");
        }
        return groups.get(0);
    }

    static Dataset read(Path file, ReadOptions options) throws IOException {
        try (CellChunks c = open(file, options)) {
            Dataset all = c.next(Integer.MAX_VALUE);
            if (all == null) {
                throw new JindException(file.getFileName() + " holds no cells.");
            }
            return all;
        }
    }

    /** The genes (Gene Expression features) and barcodes, read without the matrix. */
    private record Layout(Group group, String where, TenxFeatures features, String[] barcodes) {
    }

    private static Layout layout(HdfFile h5, String genome, String src) {
        Group g = matrixGroup(h5, genome, src);
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
            names = g.getChild("gene_names") != null ? strings(g, "gene_names", src, where) : null;
        }
        String[] barcodes = strings(g, "barcodes", src, where);
        int[] shape = H5adReader.toInts(ds(g, "shape", src, where).getData());
        if (shape.length != 2 || shape[0] != ids.length || shape[1] != barcodes.length
                || (names != null && names.length != ids.length) || (types != null && types.length != ids.length)) {
            throw new JindException(src + ": the matrix shape " + java.util.Arrays.toString(shape) + " does not"
                    + " match its " + ids.length + " features and " + barcodes.length + " barcodes (damaged file?).");
        }
        return new Layout(g, where, TenxFeatures.of(ids, names, types, src), barcodes);
    }

    static CellChunks open(Path file, ReadOptions options) throws IOException {
        String src = file.getFileName().toString();
        HdfFile h5 = new HdfFile(file);
        try {
            H5adReader.requireComplete(h5, file, src);
            Layout l = layout(h5, options.genome(), src);
            Map<String, String[]> obs = options.labels() == null ? Map.of()
                    : MtxReader.readLabels(options.labels(), l.barcodes);
            Group g = l.group;
            HdfCells.Rows rows = HdfCells.csr(ds(g, "indptr", src, l.where), ds(g, "indices", src, l.where),
                    ds(g, "data", src, l.where), l.features.features(), src);
            return new HdfCells(h5, src, rows, l.barcodes, obs, l.features.genes(), l.features.aliases(),
                    l.features.keep(), null);
        } catch (IOException | JindException e) {
            h5.close();
            throw e;
        } catch (RuntimeException e) {
            h5.close();
            throw Hdf5Arrays.unreadable(src, "10x HDF5", e);
        }
    }

    /** Cells and genes without the matrix: genes named by symbol (as read), with the ids as second identifier. */
    static DatasetInfo info(Path file, ReadOptions options) {
        String src = file.getFileName().toString();
        try (HdfFile h5 = new HdfFile(file)) {
            H5adReader.requireComplete(h5, file, src);
            Layout l = layout(h5, options.genome(), src);
            Dataset.requireUniqueCellIds(l.barcodes, src); // as a full read would; chunks are checked one by one
            return new DatasetInfo(src, "10x Cell Ranger HDF5", l.barcodes.length, List.of(),
                    l.features.identifiers());
        } catch (JindException e) {
            throw e;
        } catch (RuntimeException e) {
            throw Hdf5Arrays.unreadable(src, "10x HDF5", e);
        }
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
