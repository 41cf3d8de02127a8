package org.jind.core.prep;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.data.Dataset;

/**
 * Where a model's genes are among a batch's columns: the one place gene identifiers are matched (CLI and KNIME
 * nodes alike). Genes are matched by name; when the model or the batch also knows each gene by its other
 * identifier (symbol ↔ Ensembl id, see {@link Dataset#geneAliases()}), the pairing of identifiers that finds the
 * most genes is used, and {@link #note()} says so. A name that several columns share on the batch side matches
 * none of them (it would be a guess).
 *
 * @param columns for each model gene its column in the batch, or -1
 * @param found   how many model genes were found
 * @param scheme  which identifiers were paired
 */
public record GeneMatch(int[] columns, int found, Scheme scheme) {

    /** Which identifier of the model's genes was looked up among which identifier of the batch's. */
    public enum Scheme {
        NAMES(false, false), MODEL_ALIASES(true, false), DATA_ALIASES(false, true), BOTH_ALIASES(true, true);

        final boolean modelAlias;
        final boolean dataAlias;

        Scheme(boolean modelAlias, boolean dataAlias) {
            this.modelAlias = modelAlias;
            this.dataAlias = dataAlias;
        }
    }

    /**
     * Matches with the best scheme (most genes found; names first on ties).
     *
     * @param modelAliases the model genes' other identifiers (entries may be null), or null
     * @param dataAliases  the batch genes' other identifiers (entries may be null), or null
     */
    public static GeneMatch of(String[] modelGenes, String[] modelAliases, String[] dataGenes, String[] dataAliases) {
        GeneMatch best = null;
        for (Scheme s : Scheme.values()) {
            if ((s.modelAlias && modelAliases == null) || (s.dataAlias && dataAliases == null)) {
                continue;
            }
            GeneMatch m = with(s, modelGenes, modelAliases, dataGenes, dataAliases);
            if (best == null || m.found > best.found) {
                best = m;
            }
        }
        return best;
    }

    /** Matches with a given scheme (e.g. the library genes with the scheme chosen for the selected genes). */
    public static GeneMatch with(Scheme s, String[] modelGenes, String[] modelAliases, String[] dataGenes,
            String[] dataAliases) {
        Map<String, Integer> index = index(s.dataAlias ? dataAliases : dataGenes);
        String[] keys = s.modelAlias ? modelAliases : modelGenes;
        int[] cols = new int[keys.length];
        int found = 0;
        for (int j = 0; j < keys.length; j++) {
            Integer c = keys[j] == null ? null : index.get(keys[j]);
            cols[j] = c == null || c < 0 ? -1 : c;
            found += cols[j] >= 0 ? 1 : 0;
        }
        return new GeneMatch(cols, found, s);
    }

    /** Name → column; names held by several columns map to -1 (ambiguous). */
    private static Map<String, Integer> index(String[] names) {
        Map<String, Integer> m = new HashMap<>(names.length * 2);
        for (int j = 0; j < names.length; j++) {
            if (names[j] != null && m.putIfAbsent(names[j], j) != null) {
                m.put(names[j], -1);
            }
        }
        return m;
    }

    public int missing() {
        return columns.length - found;
    }

    /** The model genes not found, in model order. */
    public List<String> missingGenes(String[] modelGenes) {
        List<String> out = new ArrayList<>();
        for (int j = 0; j < columns.length; j++) {
            if (columns[j] < 0) {
                out.add(modelGenes[j]);
            }
        }
        return out;
    }

    /** A sentence for the user when genes were matched through their other identifier, else null. */
    public String note(String[] modelGenes, String[] modelAliases, String[] dataGenes, String[] dataAliases) {
        if (scheme == Scheme.NAMES) {
            return null;
        }
        String[] modelSide = scheme.modelAlias ? modelAliases : modelGenes;
        String[] dataSide = scheme.dataAlias ? dataAliases : dataGenes;
        return "The data name genes another way than the model (data: " + example(dataGenes) + ", model: "
                + example(modelGenes) + "); matched through " + (scheme.modelAlias ? "the model's" : "the data's")
                + (scheme == Scheme.BOTH_ALIASES ? " and the data's" : "") + " other gene identifiers ("
                + example(scheme.dataAlias && !scheme.modelAlias ? dataSide : modelSide) + "): " + found + " of "
                + columns.length + " model genes found.";
    }

    /** The first few non-null names, quoted, for messages. */
    static String example(String[] names) {
        List<String> some = new ArrayList<>();
        for (String n : names) {
            if (n != null && some.size() < 3) {
                some.add(n);
            }
        }
        return Dataset.firstFew(some, 2);
    }
}
