package org.jind.knime.logic;

import java.util.List;

/** The label and gene columns of a training table, decided once and used by configure and execute alike. */
public record TrainingColumns(int labelIndex, String label, int[] geneIndices, String[] genes) {

    /**
     * @param labelSetting the label column chosen in the dialog (blank: the only string column)
     * @param includes     the gene columns the column filter includes, or null for all numeric columns
     */
    public static TrainingColumns of(List<ColumnInfo> columns, String labelSetting, String[] includes) {
        int label = LabelColumn.resolve(columns, labelSetting);
        String labelName = columns.get(label).name();
        int[] genes = GeneColumns.forTraining(columns, labelName, includes);
        return new TrainingColumns(label, labelName, genes, GeneColumns.names(columns, genes));
    }

    /**
     * The model spec configure can publish: the cell types when the label column's domain lists them, and the
     * genes (in table order; the trained model orders them by variance) when {@code genesKept} keeps every gene
     * column. Fails when the domain shows fewer than two cell types.
     */
    public ModelSummary expectedModel(List<ColumnInfo> columns, int genesKept) {
        ColumnInfo labelInfo = columns.get(labelIndex);
        LabelColumn.requireSeveralTypes(labelInfo);
        return ModelSummary.beforeTraining(label, genesKept >= genes.length ? genes : null,
                LabelColumn.cellTypesFromDomain(labelInfo));
    }
}
