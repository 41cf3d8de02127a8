package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.junit.Test;

/** The nodes match gene columns as the core does: by name, or through the other identifier the model records. */
public class GeneIdentifierColumnsTest {
    /** "ENSG…" ids for the simulated gene names. */
    static String[] ids(String[] genes) {
        String[] out = new String[genes.length];
        for (int j = 0; j < genes.length; j++) {
            out[j] = "ENSG" + (5000 + j);
        }
        return out;
    }

    @Test
    public void columnsNamedByIdsAreReadUnderTheModelsGeneNames() {
        Dataset src = TinyJind.source();
        Dataset both = new Dataset(src.matrix(), src.cellIds(), src.genes(), ids(src.genes()),
                Map.of(TinyJind.LABEL, src.obs(TinyJind.LABEL)), "both");
        JindModel model = Jind.train(both, TinyJind.LABEL, null, TinyJind.trainSettings(), Progress.NONE);
        ModelSummary summary = ModelSummary.of(model);
        assertEquals("the port spec carries the other identifiers", summary,
                ModelSummary.fromStored(summary.storedStrings(), summary.storedArrays()));

        // a table whose gene columns are the ids, plus an unrelated text column
        String[] allIds = ids(src.genes());
        List<ColumnInfo> columns = new ArrayList<>();
        columns.add(ColumnInfo.string("batch"));
        for (String id : allIds) {
            columns.add(ColumnInfo.numeric(id));
        }
        String warning = ModelChecks.checkGenes(summary, columns, false);
        assertTrue(warning, warning.contains("matched through the model's other gene identifiers"));
        GeneColumns.ForModel read = GeneColumns.readForModel(columns, model);
        assertEquals(model.plan.libraryGenes().length, read.columns().length);
        for (int i = 0; i < read.columns().length; i++) {
            String name = read.names()[i];
            int gene = List.of(src.genes()).indexOf(name);
            assertEquals("column of " + name, allIds[gene], columns.get(read.columns()[i]).name());
        }

        // named like the model: no note, same columns
        List<ColumnInfo> bySymbol = new ArrayList<>();
        for (String g : src.genes()) {
            bySymbol.add(ColumnInfo.numeric(g));
        }
        assertNull(ModelChecks.checkGenes(summary, bySymbol, false));
        assertArrayEquals(model.plan.libraryGenes(), GeneColumns.readForModel(bySymbol, model).names());
    }

    @Test
    public void aModelWithoutTheOtherIdentifierRefusesIdNamedColumnsEvenWhenAbsentGenesMayBeZero() {
        JindModel model = TinyJind.trained();
        List<ColumnInfo> columns = new ArrayList<>();
        for (String id : ids(TinyJind.source().genes())) {
            columns.add(ColumnInfo.numeric(id));
        }
        ModelSummary summary = ModelSummary.of(model);
        assertEquals(Stage.TRAINED, summary.stage());
        try {
            ModelChecks.checkGenes(summary, columns, true);
            throw new AssertionError("accepted");
        } catch (org.jind.core.JindException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("None of the model's"));
        }
    }
}
