package org.jind.knime.logic;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.prep.GeneMatch;

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
     * What to read for a model: the table's numeric {@code columns} named like model genes (table order) and
     * {@code names}, their names followed by the model genes absent from the table (model order), which are read
     * as 0.
     */
    public record ForModel(int[] columns, String[] names) {
    }

    /** The columns to read for the model's genes and the names of the matrix columns; see {@link ForModel}. */
    public static ForModel readForModel(List<ColumnInfo> columns, Collection<String> modelGenes) {
        int[] present = forModel(columns, modelGenes);
        List<String> names = new ArrayList<>(List.of(names(columns, present)));
        names.addAll(absent(columns, modelGenes.toArray(new String[0])));
        return new ForModel(present, names.toArray(new String[0]));
    }

    /** The names of the numeric columns, in table order. */
    public static String[] numericNames(List<ColumnInfo> columns) {
        return columns.stream().filter(ColumnInfo::isNumeric).map(ColumnInfo::name).toArray(String[]::new);
    }

    /**
     * The core's gene matching ({@link GeneMatch}) of the model's genes (and their other identifiers, or null)
     * against the table's numeric columns; its columns index {@link #numericNames}.
     */
    public static GeneMatch match(List<ColumnInfo> columns, String[] genes, String[] aliases) {
        return GeneMatch.of(genes, aliases, numericNames(columns), null);
    }

    /**
     * What to read for a model, matched as the core matches genes: for every gene the model reads (the library
     * genes, which include the selected ones), the numeric column holding it, by name or by the gene's other
     * identifier, read under the model's name; then the genes found in no column, read as 0.
     */
    public static ForModel readForModel(List<ColumnInfo> columns, JindModel model) {
        String[] numeric = numericNames(columns);
        int[] numericIndex = java.util.stream.IntStream.range(0, columns.size())
                .filter(i -> columns.get(i).isNumeric()).toArray();
        var plan = model.plan;
        GeneMatch selected = GeneMatch.of(plan.selectedGenes(), plan.selectedAliases(), numeric, null);
        GeneMatch library = GeneMatch.with(selected.scheme(), plan.libraryGenes(), plan.libraryAliases(), numeric,
                null);
        List<Integer> read = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        for (int j = 0; j < plan.libraryGenes().length; j++) {
            if (library.columns()[j] >= 0) {
                read.add(numericIndex[library.columns()[j]]);
                names.add(plan.libraryGenes()[j]);
            } else {
                absent.add(plan.libraryGenes()[j]);
            }
        }
        names.addAll(absent);
        return new ForModel(read.stream().mapToInt(Integer::intValue).toArray(), names.toArray(new String[0]));
    }

    /** Every gene the model reads: those it normalises the library size over, then those it selected. */
    public static Set<String> ofModel(JindModel model) {
        Set<String> genes = new LinkedHashSet<>(List.of(model.plan.libraryGenes()));
        genes.addAll(List.of(model.plan.selectedGenes()));
        return genes;
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
