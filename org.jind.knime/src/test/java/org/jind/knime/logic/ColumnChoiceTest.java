package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.jind.core.JindException;
import org.junit.Test;

/** Label column validation, gene column selection and the scorer's column choice. */
public class ColumnChoiceTest {
    private static final List<ColumnInfo> TABLE = List.of(ColumnInfo.numeric("G1"), ColumnInfo.string("cell_type"),
            ColumnInfo.numeric("G2"), new ColumnInfo("when", ColumnInfo.Kind.OTHER), ColumnInfo.numeric("G3"));

    @Test
    public void labelColumnChosenByName() {
        assertEquals(1, LabelColumn.resolve(TABLE, "cell_type"));
    }

    @Test
    public void theOnlyStringColumnIsTakenWhenNoneIsChosen() {
        assertEquals(1, LabelColumn.resolve(TABLE, ""));
        assertEquals(1, LabelColumn.resolve(TABLE, null));
    }

    @Test
    public void labelProblemsAreSentencesThatSayWhatToFix() {
        assertMessage(() -> LabelColumn.resolve(TABLE, "type"), "'type' is not in the input table",
                "'" + NodeParameters.LABEL_COLUMN + "'");
        assertMessage(() -> LabelColumn.resolve(TABLE, "G1"), "'G1' does not hold strings", "Number To String");
        assertMessage(() -> LabelColumn.resolve(List.of(ColumnInfo.numeric("G1")), ""), "no string column");
    }

    @Test
    public void aFreshNodePrefersAColumnNamedLikeCellTypes() {
        // the example's case: 'batch' comes first, but the name says which column holds the cell types
        List<ColumnInfo> t = List.of(ColumnInfo.string("batch", "b0", "b1"), ColumnInfo.numeric("G1"),
                ColumnInfo.string("cell_type", "B", "T", "NK"));
        assertEquals(2, LabelColumn.guess(t));
        assertEquals(2, LabelColumn.resolve(t, ""));
        for (String name : List.of("celltype", "Cell Type", "cell.type", "CellType", "labels", "annotation",
                "cell_ontology_class", "Cell-Types")) {
            assertEquals(name, 1, LabelColumn.guess(List.of(ColumnInfo.string("sample", "s1", "s2"),
                    ColumnInfo.string(name), ColumnInfo.string("donor", "d1", "d2"))));
        }
        // exact names beat names that merely contain "celltype", and "cell type" beats "label"
        assertEquals(1, LabelColumn.guess(List.of(ColumnInfo.string("celltype_l2"), ColumnInfo.string("cell_type"))));
        assertEquals(1, LabelColumn.guess(List.of(ColumnInfo.string("label"), ColumnInfo.string("celltype"))));
        assertEquals(0, LabelColumn.guess(List.of(ColumnInfo.string("predicted_celltype"),
                ColumnInfo.string("sample", "s1", "s2"))));
    }

    @Test
    public void withoutATellingNameAColumnWithSeveralValuesIsPreferred() {
        // one batch only: the batch column has a single value and is never taken when a better one exists
        List<ColumnInfo> t = List.of(ColumnInfo.string("batch", "b0"), ColumnInfo.string("cluster", "c1", "c2"));
        assertEquals(1, LabelColumn.guess(t));
        // a name that says cell type does not make a one-value column win
        assertEquals(1, LabelColumn.guess(List.of(ColumnInfo.string("cell_type", "B"),
                ColumnInfo.string("cluster", "c1", "c2"))));
        // unknown domain (e.g. cell ids: too many values for KNIME's domain) comes after several known values
        assertEquals(1, LabelColumn.guess(List.of(ColumnInfo.string("cell_id"), ColumnInfo.string("cluster", "a",
                "b"))));
        // ... but before a one-value column
        assertEquals(1, LabelColumn.guess(List.of(ColumnInfo.string("batch", "b0"), ColumnInfo.string("cell_id"))));
        // only one-value columns: the first, and training's check then says what is wrong
        assertEquals(0, LabelColumn.guess(List.of(ColumnInfo.string("a", "x"), ColumnInfo.string("b", "y"))));
        // no domains and no telling names: table order
        assertEquals(0, LabelColumn.guess(List.of(ColumnInfo.string("a"), ColumnInfo.string("b"))));
        assertEquals(-1, LabelColumn.guess(List.of(ColumnInfo.numeric("G1"))));
        assertEquals(1, LabelColumn.guess(List.of(ColumnInfo.numeric("G1"), ColumnInfo.string("x"))));
    }

    @Test
    public void thePreselectionIsExplainedNamingTheDialogOption() {
        String w = LabelColumn.preselectedWarning("cell_type");
        assertTrue(w, w.startsWith("'" + NodeParameters.LABEL_COLUMN + "' was not chosen, so 'cell_type' is used"));
    }

    @Test
    public void cellTypesAreKnownFromTheLabelDomainInTheCoresOrder() {
        // the core sorts the distinct labels; blank ones are not cell types
        assertArrayEquals(new String[] {"B", "NK", "T cell"}, LabelColumn.cellTypesFromDomain(ColumnInfo.string(
                "cell_type", "T cell", "B", " ", "NK")));
        assertNull(LabelColumn.cellTypesFromDomain(ColumnInfo.string("cell_type")));
        LabelColumn.requireSeveralTypes(ColumnInfo.string("cell_type", "A", "B"));
        LabelColumn.requireSeveralTypes(ColumnInfo.string("cell_type")); // unknown: training decides
        assertMessage(() -> LabelColumn.requireSeveralTypes(ColumnInfo.string("batch", "b0")),
                "'batch' holds only one cell type ('b0')", "'" + NodeParameters.LABEL_COLUMN + "'");
    }

    @Test
    public void trainingPublishesTheCellTypesAndGenesItCanKnowBeforeRunning() {
        List<ColumnInfo> t = List.of(ColumnInfo.numeric("G2"), ColumnInfo.string("cell_type", "T", "B"),
                ColumnInfo.numeric("G1"), ColumnInfo.numeric("G3"));
        TrainingColumns c = TrainingColumns.of(t, "cell_type", null);
        ModelSummary all = c.expectedModel(t, 3);
        assertArrayEquals(new String[] {"B", "T"}, all.cellTypes());
        assertArrayEquals(new String[] {"G2", "G1", "G3"}, all.genes()); // every gene is kept: known (table order)
        assertEquals("cell_type", all.labelColumn());
        ModelSummary some = c.expectedModel(t, 2);
        assertFalse(some.genesKnown()); // which 2 depends on the data
        assertTrue(some.cellTypesKnown());
        List<ColumnInfo> noDomain = List.of(ColumnInfo.numeric("G1"), ColumnInfo.string("cell_type"));
        assertFalse(TrainingColumns.of(noDomain, "cell_type", null).expectedModel(noDomain, 5000).cellTypesKnown());
        List<ColumnInfo> one = List.of(ColumnInfo.numeric("G1"), ColumnInfo.string("batch", "b0"));
        assertMessage(() -> TrainingColumns.of(one, "batch", null).expectedModel(one, 5000), "only one cell type");
    }

    @Test
    public void messagesNameTheGeneColumnsGroupOfTheDialog() {
        // the dialog shows the gene column filter in a group titled NodeParameters.GENE_COLUMNS
        assertEquals("Gene columns", NodeParameters.GENE_COLUMNS);
        assertMessage(() -> GeneColumns.forTraining(TABLE, "cell_type", new String[0]),
                "'" + NodeParameters.GENE_COLUMNS + "'");
    }

    @Test
    public void genesDefaultToAllNumericColumnsButTheLabel() {
        assertArrayEquals(new int[] {0, 2, 4}, GeneColumns.forTraining(TABLE, "cell_type", null));
        // a numeric label column (refused elsewhere) would still never be a gene
        assertArrayEquals(new int[] {2, 4}, GeneColumns.forTraining(TABLE, "G1", null));
    }

    @Test
    public void genesFollowTheColumnFilterInTableOrder() {
        assertArrayEquals(new int[] {0, 4}, GeneColumns.forTraining(TABLE, "cell_type", new String[] {"G3", "G1"}));
        assertArrayEquals(new int[] {2}, GeneColumns.forTraining(TABLE, "cell_type", new String[] {"G2", "cell_type"}));
    }

    @Test
    public void geneSelectionProblems() {
        assertMessage(() -> GeneColumns.forTraining(TABLE, "cell_type", new String[] {"when"}),
                "'when' is not numeric");
        assertMessage(() -> GeneColumns.forTraining(TABLE, "cell_type", new String[0]), "No gene columns are selected");
        assertMessage(() -> GeneColumns.forTraining(List.of(ColumnInfo.string("cell_type")), "cell_type", null),
                "no numeric columns");
    }

    @Test
    public void trainingColumnsCombineLabelAndGenes() {
        TrainingColumns c = TrainingColumns.of(TABLE, "", null);
        assertEquals(1, c.labelIndex());
        assertEquals("cell_type", c.label());
        assertArrayEquals(new int[] {0, 2, 4}, c.geneIndices());
        assertArrayEquals(new String[] {"G1", "G2", "G3"}, c.genes());
    }

    @Test
    public void modelGenesAreFoundByNameAmongNumericColumns() {
        assertArrayEquals(new int[] {0, 4}, GeneColumns.forModel(TABLE, List.of("G3", "G1", "cell_type", "G9")));
        assertEquals(List.of("G9", "cell_type"), GeneColumns.absent(TABLE, new String[] {"G3", "G9", "cell_type"}));
    }

    @Test
    public void scorerColumnsMustBeDistinctStringColumns() {
        List<ColumnInfo> t = List.of(ColumnInfo.string("truth"), ColumnInfo.string("Prediction"),
                ColumnInfo.string("Raw prediction"), ColumnInfo.numeric("x"));
        assertArrayEquals(new int[] {0, 1, 2}, ScorerColumns.resolve(t, "truth", "Prediction", "Raw prediction"));
        // the only other string column is the truth when none is chosen
        assertArrayEquals(new int[] {0, 1, 2}, ScorerColumns.resolve(t, "", "Prediction", "Raw prediction"));
        List<ColumnInfo> two = List.of(ColumnInfo.string("truth"), ColumnInfo.string("batch"),
                ColumnInfo.string("Prediction"), ColumnInfo.string("Raw prediction"));
        assertMessage(() -> ScorerColumns.resolve(two, "", "Prediction", "Raw prediction"),
                "Choose the true label column in '" + NodeParameters.TRUTH_COLUMN + "'");
        assertMessage(() -> ScorerColumns.resolve(t, "truth", "x", "Raw prediction"), "'x' does not hold strings");
        assertMessage(() -> ScorerColumns.resolve(t, "Prediction", "Prediction", "Raw prediction"),
                "must be another column");
    }

    static void assertMessage(org.junit.function.ThrowingRunnable r, String... parts) {
        JindException e = assertThrows(JindException.class, r);
        for (String p : parts) {
            assertTrue("'" + e.getMessage() + "' lacks '" + p + "'", e.getMessage().contains(p));
        }
        assertTrue("one sentence: " + e.getMessage(), e.getMessage().endsWith("."));
    }
}
