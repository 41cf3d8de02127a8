package org.jind.knime.logic;

import static org.jind.knime.logic.ColumnChoiceTest.assertMessage;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.jind.core.annotate.Annotation;
import org.jind.core.model.Stage;
import org.junit.Test;

/** Output column naming and the columns and values Annotate & Reject appends. */
public class OutputColumnsTest {
    private static final ModelSummary MODEL = new ModelSummary("cell_type", Stage.TRAINED, new String[] {"G1", "G2"},
            new String[] {"B cell", "T cell"});

    @Test
    public void namesAreMadeUniqueAgainstTheTableAndEachOther() {
        assertEquals(List.of("Prediction (#1)", "Confidence", "Confidence (#1)", "x (#2)"), OutputColumnNames.unique(
                List.of("Prediction", "x", "x (#1)"), List.of("Prediction", "Confidence", "Confidence", "x")));
        assertEquals(List.of("a", "b"), OutputColumnNames.unique(List.of(), List.of("a", "b")));
    }

    @Test
    public void blankNamesAreRefusedNamingTheOption() {
        assertEquals("Pred", OutputColumnNames.require(" Pred ", "Prediction column"));
        assertMessage(() -> OutputColumnNames.require("  ", "Prediction column"),
                "'Prediction column' must not be empty");
    }

    @Test
    public void appendedColumnsComeFromTheModelSpec() {
        List<OutputColumn> c = AnnotateOutput.columns(List.of("G1", "G2"), MODEL, AnnotateOutput.Names.defaults(),
                true);
        assertEquals(List.of(new OutputColumn("Raw prediction", OutputColumn.Kind.STRING),
                new OutputColumn("Prediction", OutputColumn.Kind.STRING),
                new OutputColumn("Confidence", OutputColumn.Kind.DOUBLE),
                new OutputColumn("P (B cell)", OutputColumn.Kind.DOUBLE),
                new OutputColumn("P (T cell)", OutputColumn.Kind.DOUBLE)), c);
        assertEquals(3, AnnotateOutput.columns(List.of(), MODEL, AnnotateOutput.Names.defaults(), false).size());
    }

    @Test
    public void annotatingTwiceNeverReplacesColumns() {
        List<String> once = List.of("G1", "Raw prediction", "Prediction", "Confidence", "P (B cell)", "P (T cell)");
        List<OutputColumn> c = AnnotateOutput.columns(once, MODEL, AnnotateOutput.Names.defaults(), true);
        assertEquals("Raw prediction (#1)", c.get(0).name());
        assertEquals("P (T cell) (#1)", c.get(4).name());
    }

    @Test
    public void probabilityColumnsWaitForTheCellTypes() {
        ModelSummary untrained = ModelSummary.beforeTraining("cell_type");
        assertNull(AnnotateOutput.columns(List.of(), untrained, AnnotateOutput.Names.defaults(), true));
        assertEquals(3, AnnotateOutput.columns(List.of(), untrained, AnnotateOutput.Names.defaults(), false).size());
    }

    @Test
    public void nameSettingsAreValidated() {
        AnnotateOutput.Names d = AnnotateOutput.Names.defaults();
        assertEquals(d, new AnnotateOutput.Names(" Raw prediction", "Prediction ", "Confidence", "P ({type})")
                .validated());
        assertMessage(() -> new AnnotateOutput.Names("", "p", "c", "{type}").validated(), NodeParameters.RAW_COLUMN);
        assertMessage(() -> new AnnotateOutput.Names("p", "p", "c", "{type}").validated(), "three different names");
        assertMessage(() -> new AnnotateOutput.Names("r", "p", "c", "P_").validated(), "must contain {type}");
    }

    @Test
    public void rowValuesFollowTheColumns() {
        Annotation a = Annotation.of(new String[] {"B cell", "T cell"}, new float[] {0.9f, 0.1f, 0.45f, 0.55f},
                new double[] {0.5, 0.6});
        assertArrayEquals(new Object[] {"B cell", "B cell", (double) 0.9f, (double) 0.9f, (double) 0.1f},
                AnnotateOutput.values(a, 0, true));
        assertArrayEquals(new Object[] {"T cell", "Unassigned", (double) 0.55f}, AnnotateOutput.values(a, 1, false));
    }
}
