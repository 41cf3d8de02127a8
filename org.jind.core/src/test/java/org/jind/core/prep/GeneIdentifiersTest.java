package org.jind.core.prep;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.junit.Test;

/** Genes named both ways (symbols and Ensembl ids): matching through the other name, overlap rules, value types. */
public class GeneIdentifiersTest {
    static final String[] SYMBOLS = {"CD3E", "LYZ", "MS4A1", "NKG7"};
    static final String[] IDS = {"ENSG1", "ENSG2", "ENSG3", "ENSG4"};

    static Dataset data(float[][] x, String[] genes, String[] aliases) {
        String[] cells = new String[x.length];
        for (int i = 0; i < cells.length; i++) {
            cells[i] = "c" + i;
        }
        return new Dataset(SparseMatrix.fromDense(x), cells, genes, aliases, Map.of(), "test");
    }

    static final float[][] COUNTS = {{1, 9, 0, 2}, {2, 0, 2, 5}, {0, 4, 4, 1}};

    /** A plan fitted on symbols with ids as the other identifier. */
    static Preprocessing.Plan symbolPlan() {
        Preprocessing.Plan p = Preprocessing.fit(data(COUNTS, SYMBOLS, IDS), null, 4).plan();
        assertArrayEquals(IDS, p.libraryAliases()); // library genes are in name order, as the symbols are here
        return p;
    }

    @Test
    public void theModelRecordsTheOtherIdentifierOfItsGenes() {
        Preprocessing.Plan p = symbolPlan();
        String[] sel = p.selectedAliases();
        for (int j = 0; j < sel.length; j++) {
            assertEquals(IDS[List.of(SYMBOLS).indexOf(p.selectedGenes()[j])], sel[j]);
        }
        assertNull(Preprocessing.fit(data(COUNTS, SYMBOLS, null), null, 4).plan().selectedAliases());
    }

    @Test
    public void dataNamedByIdsMatchThroughTheModelsIdsAndSaySo() {
        Preprocessing.Plan p = symbolPlan();
        // same cells, genes named by id only (e.g. a CSV or KNIME table), in another column order
        float[][] permuted = new float[3][4];
        String[] ids = {"ENSG4", "ENSG3", "ENSG2", "ENSG1"};
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 4; j++) {
                permuted[r][j] = COUNTS[r][3 - j];
            }
        }
        List<String> warnings = new ArrayList<>();
        SparseMatrix byIds = Preprocessing.apply(p, data(permuted, ids, null), false, warnings);
        SparseMatrix bySymbols = Preprocessing.apply(p, data(COUNTS, SYMBOLS, null), false, new ArrayList<>());
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("matched through the model's other gene identifiers"));
        assertTrue(warnings.get(0), warnings.get(0).contains("4 of 4 model genes found"));
        for (int r = 0; r < 3; r++) {
            for (int j = 0; j < 4; j++) {
                assertEquals(bySymbols.get(r, j), byIds.get(r, j), 0f);
            }
        }
    }

    @Test
    public void aModelNamedOneWayMatchesDataThatAlsoKnowItsNaming() {
        Preprocessing.Plan p = Preprocessing.fit(data(COUNTS, IDS, null), null, 4).plan(); // ids only
        List<String> warnings = new ArrayList<>();
        SparseMatrix x = Preprocessing.apply(p, data(COUNTS, SYMBOLS, IDS), false, warnings);
        assertTrue(warnings.get(0), warnings.get(0).contains("matched through the data's other gene identifiers"));
        assertEquals(Preprocessing.apply(p, data(COUNTS, IDS, null), false, warnings).get(1, 0), x.get(1, 0), 0f);
    }

    @Test
    public void fewerThanHalfTheGenesIsRefusedEvenWhenMissingGenesMayBeZero() {
        Preprocessing.Plan p = Preprocessing.fit(data(COUNTS, SYMBOLS, null), null, 4).plan();
        // Ensembl-named data against a symbol model that does not know the ids: nothing in common
        for (boolean fill : new boolean[] {false, true}) {
            try {
                Preprocessing.apply(p, data(COUNTS, IDS, null), fill, new ArrayList<>());
                fail();
            } catch (JindException e) {
                assertTrue(e.getMessage(), e.getMessage().startsWith("Only 0 of the model's 4 genes (0%) are in the data,"
                        + " fewer than the 50% JIND needs"));
                assertTrue(e.getMessage(), e.getMessage().contains("'ENSG1'"));
                assertTrue(e.getMessage(), e.getMessage().contains("records both identifiers"));
            }
        }
        // one of four genes: still refused; two of four (half): zero-filled with a warning
        String[] oneKnown = {"CD3E", "X2", "X3", "X4"};
        try {
            Preprocessing.apply(p, data(COUNTS, oneKnown, null), true, new ArrayList<>());
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Only 1 of the model's 4 genes (25%)"));
        }
        List<String> warnings = new ArrayList<>();
        Preprocessing.apply(p, data(COUNTS, new String[] {"CD3E", "LYZ", "X3", "X4"}, null), true, warnings);
        assertEquals(List.of("2 of the model's 4 genes are missing from the data (first: 'MS4A1', 'NKG7'); they are"
                + " treated as zero."), warnings);
    }

    @Test
    public void aTargetNamedByIdsKeepsTheSourceGenesItHasThroughTheirIds() {
        Dataset source = data(COUNTS, SYMBOLS, IDS);
        Preprocessing.Plan p = Preprocessing.fit(source, List.of(java.util.Set.of("ENSG1", "ENSG3", "ENSG4")), 4).plan();
        assertArrayEquals(new String[] {"CD3E", "MS4A1", "NKG7"}, p.libraryGenes());
        assertArrayEquals(new String[] {"ENSG1", "ENSG3", "ENSG4"}, p.libraryAliases());
    }

    @Test
    public void aSymbolSharedByTwoColumnsMatchesNeither() {
        GeneMatch m = GeneMatch.of(new String[] {"ENSG1", "ENSG2"}, new String[] {"A", "B"},
                new String[] {"A", "A-1", "B"}, new String[] {"A", "A", "B"});
        assertEquals(GeneMatch.Scheme.MODEL_ALIASES, m.scheme());
        assertArrayEquals(new int[] {0, 2}, m.columns()); // by data names: 'A' is unique among the names
        GeneMatch both = GeneMatch.with(GeneMatch.Scheme.BOTH_ALIASES, new String[] {"ENSG1", "ENSG2"},
                new String[] {"A", "B"}, new String[] {"x", "y", "z"}, new String[] {"A", "A", "B"});
        assertArrayEquals(new int[] {-1, 2}, both.columns());
    }

    @Test
    public void countsGivenToAModelOfNormalisedValuesAreRefused() {
        float[][] logValues = {{0.5f, 1.2f, 0, 2.25f}, {1.5f, 0, 3.1f, 0.1f}};
        Preprocessing.Plan p = Preprocessing.fit(data(logValues, SYMBOLS, null), null, 4).plan();
        try {
            Preprocessing.apply(p, data(new float[][] {{0, 31, 2, 1}}, SYMBOLS, null), false, new ArrayList<>());
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("The model was trained on normalised values, but these"
                    + " data are whole numbers up to 31: they look like raw counts."));
        }
        // whole numbers that small are plausible normalised values (e.g. binarised data): used as given
        assertEquals(3f, Preprocessing.apply(p, data(new float[][] {{0, 3, 2, 1}}, SYMBOLS, null), false,
                new ArrayList<>()).get(0, List.of(p.selectedGenes()).indexOf("LYZ")), 0f);
    }

    @Test
    public void normalisedValuesGivenToACountsModelAreRefused() {
        Preprocessing.Plan p = symbolPlan();
        try {
            Preprocessing.apply(p, data(new float[][] {{0.5f, 1, 2, 3}}, SYMBOLS, null), false, new ArrayList<>());
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("The model was trained on raw counts, but these data"
                    + " are not whole numbers (e.g. 0.5): they look normalised."));
        }
    }
}
