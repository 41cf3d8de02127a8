package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.prep.GeneMatch;
import org.jind.core.prep.Preprocessing;

/** Which columns of a table are genes (rows are cells, one numeric column per gene). */
public final class GeneColumns {
    private GeneColumns() {
    }

    /**
     * Gene columns for training, in table order: the columns the gene column filter includes ({@code includes};
     * null means "all numeric columns", the filter's default), never the label column.
     */
    public static int[] forTraining(List<ColumnInfo> columns, String labelColumn, String[] includes) {
        Set<String> wanted = includes == null ? null : new HashSet<>(List.of(includes));
        List<Integer> genes = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            ColumnInfo c = columns.get(i);
            if (c.name().equals(labelColumn) || (wanted != null && !wanted.contains(c.name()))) {
                continue;
            }
            if (!c.isNumeric()) {
                if (wanted != null) {
                    throw new JindException("The gene column '" + c.name() + "' is not numeric; remove it from '"
                            + NodeParameters.GENE_COLUMNS + "'.");
                }
                continue;
            }
            genes.add(i);
        }
        if (genes.isEmpty()) {
            boolean anyNumeric = columns.stream().anyMatch(c -> c.isNumeric() && !c.name().equals(labelColumn));
            throw new JindException(anyNumeric
                    ? "No gene columns are selected; include the numeric gene columns in '"
                            + NodeParameters.GENE_COLUMNS + "'."
                    : "The input table has no numeric columns; JIND needs one numeric column per gene and one row per"
                            + " cell.");
        }
        return genes.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The numeric columns named like one of the model's genes, in table order (other columns are ignored). */
    public static int[] forModel(List<ColumnInfo> columns, Collection<String> modelGenes) {
        Set<String> genes = new HashSet<>(modelGenes);
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).isNumeric() && genes.contains(columns.get(i).name())) {
                out.add(i);
            }
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * What to read for a model: the table's numeric {@code columns} holding model genes (table order) and
     * {@code names}, the model's names of those genes followed by the model genes absent from the table, which are
     * read as 0. The core then finds every gene by its model name.
     */
    public record ForModel(int[] columns, String[] names) {
    }

    /**
     * The numeric columns' names, null for the other columns (so positions are column indices), as the data side
     * of the core's {@link GeneMatch}.
     */
    public static String[] numericNames(List<ColumnInfo> columns) {
        String[] names = new String[columns.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = columns.get(i).isNumeric() ? columns.get(i).name() : null;
        }
        return names;
    }

    /**
     * Where the model's genes are among the table's numeric columns: by name, or through the model's other gene
     * identifiers (symbol ↔ Ensembl id) when that finds more; the core's {@link GeneMatch}, the one place genes are
     * matched.
     *
     * @param modelAliases the genes' other identifiers (entries may be null), or null
     */
    public static GeneMatch match(List<ColumnInfo> columns, String[] modelGenes, String[] modelAliases) {
        return GeneMatch.of(modelGenes, modelAliases, numericNames(columns), null);
    }

    /**
     * The columns to read for every gene the model reads (those it selected and, for counts, those it normalises
     * the library size over), matched as {@link #match} matches the selected genes; see {@link ForModel}.
     */
    public static ForModel readForModel(List<ColumnInfo> columns, JindModel model) {
        Preprocessing.Plan plan = model.plan;
        String[] numeric = numericNames(columns);
        GeneMatch selected = GeneMatch.of(plan.selectedGenes(), plan.selectedAliases(), numeric, null);
        GeneMatch library = GeneMatch.with(selected.scheme(), plan.libraryGenes(), plan.libraryAliases(), numeric,
                null);
        Map<String, Integer> column = new LinkedHashMap<>();
        for (int j = 0; j < plan.libraryGenes().length; j++) {
            column.put(plan.libraryGenes()[j], library.columns()[j]);
        }
        for (int j = 0; j < plan.selectedGenes().length; j++) {
            column.putIfAbsent(plan.selectedGenes()[j], selected.columns()[j]);
        }
        List<Map.Entry<String, Integer>> present = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (Map.Entry<String, Integer> e : column.entrySet()) {
            if (e.getValue() >= 0) {
                present.add(e);
            } else {
                absent.add(e.getKey());
            }
        }
        present.sort(Map.Entry.comparingByValue());
        int[] read = present.stream().mapToInt(Map.Entry::getValue).toArray();
        List<String> names = new ArrayList<>(present.stream().map(Map.Entry::getKey).toList());
        names.addAll(absent);
        return new ForModel(read, names.toArray(new String[0]));
    }

    /** The model genes that are not numeric columns of the table, in the model's order. */
    public static List<String> absent(List<ColumnInfo> columns, String[] modelGenes) {
        Set<String> numeric = new HashSet<>();
        for (ColumnInfo c : columns) {
            if (c.isNumeric()) {
                numeric.add(c.name());
            }
        }
        List<String> missing = new ArrayList<>();
        for (String g : new LinkedHashSet<>(List.of(modelGenes))) {
            if (!numeric.contains(g)) {
                missing.add(g);
            }
        }
        return missing;
    }

    /** Names of the given columns. */
    public static String[] names(List<ColumnInfo> columns, int[] indices) {
        String[] names = new String[indices.length];
        for (int i = 0; i < indices.length; i++) {
            names[i] = columns.get(indices[i]).name();
        }
        return names;
    }

    /** "'A', 'B', 'C', …" for messages. */
    static String firstFew(List<String> items, int n) {
        return Dataset.firstFew(items, n);
    }
}
