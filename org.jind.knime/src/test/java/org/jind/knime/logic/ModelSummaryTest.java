package org.jind.knime.logic;

import static org.jind.knime.logic.ColumnChoiceTest.assertMessage;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.junit.Test;

/** The model port's spec content and the configure-time checks made with it. */
public class ModelSummaryTest {
    private static final ModelSummary KNOWN = new ModelSummary("cell_type", Stage.ALIGNED,
            new String[] {"G2", "G1", "G3"}, new String[] {"A", "B"});

    @Test
    public void summaryOfATrainedModel() {
        JindModel m = TinyJind.trained();
        ModelSummary s = ModelSummary.of(m);
        assertEquals(TinyJind.LABEL, s.labelColumn());
        assertEquals(Stage.TRAINED, s.stage());
        assertArrayEquals(m.plan.selectedGenes(), s.genes());
        assertArrayEquals(m.classes, s.cellTypes());
        assertEquals(40, s.genes().length);
        assertTrue(s.describe(), s.describe().startsWith("JIND model, trained: 3 cell types, 40 genes"));
        assertEquals(Stage.ALIGNED, ModelSummary.of(TinyJind.aligned()).stage());
    }

    @Test
    public void storedFieldsRoundTrip() {
        for (ModelSummary s : List.of(KNOWN, ModelSummary.beforeTraining("label"))) {
            // as the port spec saves and loads them: strings and, when known, arrays by key
            Map<String, String> strings = new HashMap<>(s.storedStrings());
            Map<String, String[]> arrays = new HashMap<>(s.storedArrays());
            assertEquals(new HashSet<>(ModelSummary.STRING_KEYS), strings.keySet());
            assertTrue(ModelSummary.ARRAY_KEYS.containsAll(arrays.keySet()));
            ModelSummary back = ModelSummary.fromStored(strings, arrays);
            assertEquals(s, back);
            assertEquals(s.hashCode(), back.hashCode());
            assertEquals(s, ModelSummary.parse(s.labelColumn(), s.stageName(), s.genes(), s.cellTypes()));
        }
        assertEquals(Set.of(), ModelSummary.beforeTraining("l").storedArrays().keySet());
        assertEquals("ALIGNED", KNOWN.storedStrings().get(ModelSummary.KEY_STAGE));
    }

    /** Users read the stage as "self-trained (JIND+)"; the spec stores the constant's name, as before. */
    @Test
    public void theStageReadsAsUsersKnowItAndIsStoredByItsName() {
        ModelSummary plus = KNOWN.withStage(Stage.SELFTRAINED);
        assertEquals("JIND model, self-trained (JIND+): 2 cell types, 3 genes, label column 'cell_type'",
                plus.describe());
        assertEquals("JIND model, aligned: 2 cell types, 3 genes, label column 'cell_type'", KNOWN.describe());
        assertEquals("SELFTRAINED", plus.storedStrings().get(ModelSummary.KEY_STAGE));
        assertEquals(plus, ModelSummary.fromStored(plus.storedStrings(), plus.storedArrays()));
        assertFalse(plus.describe(), plus.describe().toLowerCase(java.util.Locale.ROOT).contains("selftrained"));
        assertMessage(() -> ModelChecks.requireStage(ModelSummary.beforeTraining("l"), Stage.SELFTRAINED, "A node",
                "self-train it first"), "needs a model that is self-trained (JIND+), but the model at its input is"
                + " trained; self-train it first.");
    }

    @Test
    public void unknownUntilTrained() {
        ModelSummary s = ModelSummary.beforeTraining("cell_type");
        assertFalse(s.genesKnown());
        assertFalse(s.cellTypesKnown());
        assertNull(s.genes());
        assertEquals("JIND model, trained: cell types known after training, genes known after training, label column"
                + " 'cell_type'",
                s.describe());
    }

    @Test
    public void equalityComparesArrayContentAndStage() {
        assertEquals(KNOWN, new ModelSummary("cell_type", Stage.ALIGNED, new String[] {"G2", "G1", "G3"},
                new String[] {"A", "B"}));
        assertNotEquals(KNOWN, KNOWN.withStage(Stage.SELFTRAINED));
        assertNotEquals(KNOWN, new ModelSummary("cell_type", Stage.ALIGNED, new String[] {"G1", "G2", "G3"},
                new String[] {"A", "B"}));
        assertNotEquals(KNOWN, ModelSummary.beforeTraining("cell_type").withStage(Stage.ALIGNED));
    }

    @Test
    public void arraysAreDefensivelyCopied() {
        String[] genes = {"G1"};
        ModelSummary s = new ModelSummary("l", Stage.TRAINED, genes, null);
        genes[0] = "X";
        s.genes()[0] = "Y";
        assertArrayEquals(new String[] {"G1"}, s.genes());
    }

    @Test
    public void damagedSpecsGetSentences() {
        assertMessage(() -> ModelSummary.parse("l", "TUNED", null, null), "unknown stage 'TUNED'");
        assertMessage(() -> ModelSummary.parse(null, "TRAINED", null, null), "incomplete");
    }

    @Test
    public void stageChecksNameTheFix() {
        ModelChecks.requireStage(KNOWN, Stage.ALIGNED, "Self-train JIND+", "align it first");
        ModelChecks.requireStage(KNOWN, Stage.TRAINED, "Annotate", "-");
        assertMessage(() -> ModelChecks.requireStage(KNOWN.withStage(Stage.TRAINED), Stage.ALIGNED, "Self-train JIND+",
                "align it first"), "Self-train JIND+ needs a model that is aligned", "is trained; align it first");
    }

    @Test
    public void aStreamedAnnotationNeedsTheCellTypesTheSpecAnnounced() {
        ModelSummary model = new ModelSummary("cell_type", Stage.TRAINED, new String[] {"G1"}, new String[] {"A", "B"});
        ModelChecks.requireAnnouncedCellTypes(ModelSummary.beforeTraining("cell_type", null, new String[] {"A", "B"}),
                model);
        ModelChecks.requireAnnouncedCellTypes(ModelSummary.beforeTraining("cell_type"), model); // nothing announced
        // a row filter left the domain with a type the rows no longer hold
        assertMessage(() -> ModelChecks.requireAnnouncedCellTypes(ModelSummary.beforeTraining("cell_type", null,
                new String[] {"A", "B", "C"}), model), "'A', 'B'", "'A', 'B', 'C'", "Domain Calculator");
    }

    @Test
    public void treatingAbsentGenesAs0NeedsEnoughOfThemPresent() {
        ModelSummary model = new ModelSummary("cell_type", Stage.TRAINED, new String[] {"G4", "G3", "G2", "G1"},
                new String[] {"A", "B"});
        // none present: refused even when absent genes are to be treated as 0 (every cell would look alike)
        List<ColumnInfo> none = List.of(ColumnInfo.numeric("ENSG1"), ColumnInfo.numeric("ENSG2"));
        assertMessage(() -> ModelChecks.checkGenes(model, none, true), "None of the model's 4 genes",
                "'" + NodeParameters.FILL_ABSENT_GENES + "'", "'G4', 'G3', 'G2', 'G1'");
        // below half present: refused, naming the threshold
        List<ColumnInfo> quarter = List.of(ColumnInfo.numeric("G1"), ColumnInfo.numeric("ENSG2"));
        assertMessage(() -> ModelChecks.checkGenes(model, quarter, true), "3 of the model's 4 genes have no",
                "only 1 of them present", "at least 50 %");
        // half present: one warning, absent genes listed in the model's order (not the table's, not sorted)
        List<ColumnInfo> half = List.of(ColumnInfo.numeric("G1"), ColumnInfo.numeric("G2"));
        assertEquals("2 of the model's 4 genes have no numeric column in the table (first, in the model's order:"
                + " 'G4', 'G3'); they are treated as 0.", ModelChecks.checkGenes(model, half, true));
        assertEquals(0.5, ModelChecks.MIN_PRESENT_GENE_FRACTION, 0);
    }

    @Test
    public void geneChecksFailOrWarn() {
        List<ColumnInfo> table = List.of(ColumnInfo.numeric("G1"), ColumnInfo.string("G2"), ColumnInfo.numeric("G3"));
        assertMessage(() -> ModelChecks.checkGenes(KNOWN, table, false),
                "1 of the model's 3 genes has no numeric column in the table", "'G2'",
                NodeParameters.FILL_ABSENT_GENES);
        assertEquals("1 of the model's 3 genes has no numeric column in the table (first, in the model's order: 'G2');"
                + " they are treated as 0.",
                ModelChecks.checkGenes(KNOWN, table, true));
        assertNull(ModelChecks.checkGenes(KNOWN, List.of(ColumnInfo.numeric("G1"), ColumnInfo.numeric("G2"),
                ColumnInfo.numeric("G3")), false));
        // one gene, one absent: singular nouns
        ModelSummary one = new ModelSummary("cell_type", Stage.TRAINED, new String[] {"G9"}, new String[] {"A", "B"});
        assertMessage(() -> ModelChecks.checkGenes(one, table, false), "1 of the model's 1 gene has no numeric");
        // before training the genes are unknown: nothing to check yet
        assertNull(ModelChecks.checkGenes(ModelSummary.beforeTraining("l"), List.of(), false));
    }
}
