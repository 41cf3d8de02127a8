package org.jind.knime.logic;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jind.core.JindException;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.core.util.Plural;

/**
 * What downstream nodes must know about a model before it exists: the label column it was trained on, the
 * stage it reached, its genes (in the model's order) and its cell types. This is the content of the model
 * port's spec. Genes and cell types are null while unknown, i.e. before the training node has run (they
 * depend on the data); downstream nodes then postpone the checks and columns that need them.
 */
public final class ModelSummary {
    /** Keys under which the port spec stores the fields: two strings, and two string arrays when known. */
    public static final String KEY_LABEL = "labelColumn";
    public static final String KEY_STAGE = "stage";
    public static final String KEY_GENES = "genes";
    public static final String KEY_CELL_TYPES = "cellTypes";
    /** The genes' other identifiers (symbol ↔ id), when the model records them; "" where one is unknown. */
    public static final String KEY_GENE_ALIASES = "geneAliases";
    public static final List<String> STRING_KEYS = List.of(KEY_LABEL, KEY_STAGE);
    public static final List<String> ARRAY_KEYS = List.of(KEY_GENES, KEY_CELL_TYPES, KEY_GENE_ALIASES);

    private final String labelColumn;
    private final Stage stage;
    private final String[] genes;
    private final String[] cellTypes;
    private final String[] geneAliases;

    public ModelSummary(String labelColumn, Stage stage, String[] genes, String[] cellTypes) {
        this(labelColumn, stage, genes, cellTypes, null);
    }

    /** @param geneAliases the genes under their other identifier (entries may be null), or null */
    public ModelSummary(String labelColumn, Stage stage, String[] genes, String[] cellTypes, String[] geneAliases) {
        this.labelColumn = Objects.requireNonNull(labelColumn);
        this.stage = Objects.requireNonNull(stage);
        this.genes = genes == null ? null : genes.clone();
        this.cellTypes = cellTypes == null ? null : cellTypes.clone();
        this.geneAliases = genes == null || geneAliases == null || geneAliases.length != genes.length ? null
                : geneAliases.clone();
    }

    public static ModelSummary of(JindModel m) {
        return new ModelSummary(m.labelKey, m.stage, m.plan.selectedGenes(), m.classes, m.plan.selectedAliases());
    }

    /** What a training node promises before it has seen the data: nothing about genes and cell types. */
    public static ModelSummary beforeTraining(String labelColumn) {
        return beforeTraining(labelColumn, null, null);
    }

    /**
     * What a training node promises before it has seen the data, with the genes and cell types it can already
     * know (null where it cannot).
     */
    public static ModelSummary beforeTraining(String labelColumn, String[] genes, String[] cellTypes) {
        return new ModelSummary(labelColumn, Stage.TRAINED, genes, cellTypes);
    }

    /** The string fields as the port spec stores them, by key ({@link #STRING_KEYS}). */
    public Map<String, String> storedStrings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEY_LABEL, labelColumn);
        m.put(KEY_STAGE, stage.name());
        return m;
    }

    /** The array fields as the port spec stores them; unknown ones are left out rather than stored as null. */
    public Map<String, String[]> storedArrays() {
        Map<String, String[]> m = new LinkedHashMap<>();
        if (genes != null) {
            m.put(KEY_GENES, genes.clone());
        }
        if (cellTypes != null) {
            m.put(KEY_CELL_TYPES, cellTypes.clone());
        }
        if (geneAliases != null) {
            String[] stored = geneAliases.clone();
            for (int i = 0; i < stored.length; i++) {
                stored[i] = stored[i] == null ? "" : stored[i];
            }
            m.put(KEY_GENE_ALIASES, stored);
        }
        return m;
    }

    /** Reads what {@link #storedStrings()} and {@link #storedArrays()} gave (absent arrays: unknown). */
    public static ModelSummary fromStored(Map<String, String> strings, Map<String, String[]> arrays) {
        ModelSummary s = parse(strings.get(KEY_LABEL), strings.get(KEY_STAGE), arrays.get(KEY_GENES),
                arrays.get(KEY_CELL_TYPES));
        String[] aliases = arrays.get(KEY_GENE_ALIASES);
        if (aliases == null) {
            return s;
        }
        aliases = aliases.clone();
        for (int i = 0; i < aliases.length; i++) {
            aliases[i] = aliases[i] == null || aliases[i].isEmpty() ? null : aliases[i];
        }
        return new ModelSummary(s.labelColumn, s.stage, s.genes, s.cellTypes, aliases);
    }

    /** Reads the stored fields back; a damaged spec gets a sentence, not a stack trace. */
    public static ModelSummary parse(String labelColumn, String stage, String[] genes, String[] cellTypes) {
        if (labelColumn == null || stage == null) {
            throw new JindException("The JIND model specification is incomplete (no label column or stage).");
        }
        try {
            return new ModelSummary(labelColumn, Stage.valueOf(stage), genes, cellTypes);
        } catch (IllegalArgumentException e) {
            throw new JindException("The JIND model specification names an unknown stage '" + stage
                    + "'; it was written by a newer version of JIND.");
        }
    }

    public ModelSummary withStage(Stage s) {
        return new ModelSummary(labelColumn, s, genes, cellTypes, geneAliases);
    }

    public String labelColumn() {
        return labelColumn;
    }

    public Stage stage() {
        return stage;
    }

    /** The stage's name as stored ("TRAINED", …). */
    public String stageName() {
        return stage.name();
    }

    /** The model's genes, or null while unknown. */
    public String[] genes() {
        return genes == null ? null : genes.clone();
    }

    /** The model's cell types (sorted, as the core orders classes), or null while unknown. */
    public String[] cellTypes() {
        return cellTypes == null ? null : cellTypes.clone();
    }

    /** The genes under their other identifier (entries may be null), or null when the model records none. */
    public String[] geneAliases() {
        return geneAliases == null ? null : geneAliases.clone();
    }

    public boolean genesKnown() {
        return genes != null;
    }

    public boolean cellTypesKnown() {
        return cellTypes != null;
    }

    /** One line for the port's tooltip and summary. */
    public String describe() {
        String what = (cellTypes == null ? "cell types known after training"
                : Plural.of(cellTypes.length, "cell type")) + ", "
                + (genes == null ? "genes known after training" : Plural.of(genes.length, "gene"));
        return "JIND model, " + stage.label() + ": " + what + ", label column '" + labelColumn
                + "'";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModelSummary s && labelColumn.equals(s.labelColumn) && stage == s.stage
                && Arrays.equals(genes, s.genes) && Arrays.equals(cellTypes, s.cellTypes)
                && Arrays.equals(geneAliases, s.geneAliases);
    }

    @Override
    public int hashCode() {
        return Objects.hash(labelColumn, stage, Arrays.hashCode(genes), Arrays.hashCode(cellTypes),
                Arrays.hashCode(geneAliases));
    }

    @Override
    public String toString() {
        return describe();
    }
}
