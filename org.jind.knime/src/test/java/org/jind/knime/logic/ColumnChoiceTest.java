package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
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
        assertMessage(() -> LabelColumn.resolve(List.of(ColumnInfo.string("a"), ColumnInfo.string("b")), " "),
                "Choose the label");
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
