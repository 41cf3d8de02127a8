package org.jind.core.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.jind.core.JindException;

/**
 * The features of a 10x matrix, whether listed in {@code features.tsv} / {@code genes.tsv} or in an {@code .h5}'s
 * {@code features} group, and the one rule for which of them are genes and how they are named, so that a 10x
 * directory and the {@code .h5} of the same data read alike: only "Gene Expression" features are kept when the
 * feature type is given (antibody captures, CRISPR guides … are dropped); genes are named by symbol (repeats suffixed
 * {@code -1}, {@code -2}, … as scanpy's {@code read_10x_mtx} does), and their ids are the other identifier.
 */
final class TenxFeatures {
    static final String GENE_EXPRESSION = "Gene Expression";
    /** The identifiers offered: the symbol (the reader's gene names) and the gene id. */
    static final String SYMBOLS = "gene_symbols";
    static final String IDS = "gene_ids";

    private final int features;
    private final int[] keep;
    private final String[] ids;
    private final String[] genes;
    private final boolean named;

    private TenxFeatures(int features, int[] keep, String[] ids, String[] genes, boolean named) {
        this.features = features;
        this.keep = keep;
        this.ids = ids;
        this.genes = genes;
        this.named = named;
    }

    /**
     * @param ids   the feature ids (first column)
     * @param names the symbols (second column), or null when the file lists ids only
     * @param types the feature types (third column), or null when not given (Cell Ranger 2: every feature a gene)
     */
    static TenxFeatures of(String[] ids, String[] names, String[] types, String src) {
        int[] keep = null;
        if (types != null) {
            List<Integer> k = new ArrayList<>();
            for (int j = 0; j < types.length; j++) {
                if (GENE_EXPRESSION.equals(types[j])) {
                    k.add(j);
                }
            }
            if (k.isEmpty()) {
                throw new JindException(src + " has no \"" + GENE_EXPRESSION + "\" features (only "
                        + String.join(", ", new TreeSet<>(Arrays.asList(types))) + ").");
            }
            if (k.size() < types.length) {
                keep = k.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        String[] keptIds = pick(ids, keep);
        return new TenxFeatures(ids.length, keep, keptIds,
                MtxReader.makeUnique(names == null ? keptIds : pick(names, keep)), names != null);
    }

    /** All features in the file, genes or not (the matrix's declared size). */
    int features() {
        return features;
    }

    /** The features kept as genes, in order, or null when all are. */
    int[] keep() {
        return keep == null ? null : keep.clone();
    }

    /** The genes' names: symbols made unique (ids when the file lists no symbols). */
    String[] genes() {
        return genes.clone();
    }

    /** The genes' ids as their other identifier (as given, not made unique), or null when they are the names. */
    String[] aliases() {
        return !named || Arrays.equals(ids, genes) ? null : ids.clone();
    }

    /** The identifiers for {@link DatasetInfo}: the names first, then the ids when they differ. */
    Map<String, String[]> identifiers() {
        Map<String, String[]> out = new LinkedHashMap<>();
        if (named) {
            out.put(SYMBOLS, genes.clone());
        }
        if (!named || !Arrays.equals(ids, genes)) {
            out.put(IDS, MtxReader.makeUnique(ids));
        }
        return out;
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
}
