package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jind.core.Jind;
import org.jind.core.Progress;
import org.jind.core.data.Dataset;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.jind.core.plot.LatentMap;
import org.jind.core.plot.ModelFigures;
import org.junit.Test;

/**
 * Which types colour the target cells of the Align Batch view: the true ones when the table has the model's label
 * column (a string column, every row filled), else the prediction; the map's title says which.
 */
public class TrueTypesTest {

    @Test
    public void theLabelColumnIsTheStringColumnNamedAsTheModelsOne() {
        List<ColumnInfo> columns = List.of(ColumnInfo.numeric("G1"), ColumnInfo.string("batch"),
                ColumnInfo.string("cell_type"));
        assertEquals(2, TrueTypes.column(columns, "cell_type"));
        assertEquals(-1, TrueTypes.column(columns, "celltype"));
        // a numeric column of that name (e.g. type codes) is not the types the model knows
        assertEquals(-1, TrueTypes.column(List.of(ColumnInfo.numeric("cell_type")), "cell_type"));
    }

    @Test
    public void withTheLabelColumnTheTargetCellsAreColouredByTheirTrueType() {
        JindModel model = TinyJind.aligned();
        Dataset target = read(TinyJind.target(), TinyJind.LABEL);
        String[] truth = TrueTypes.of(target, model.labelKey);
        assertArrayEquals(TinyJind.target().obs(TinyJind.LABEL), truth);

        List<LatentMap.Data> maps = latentMaps(model, target, truth);
        assertEquals(2, maps.size()); // before and after alignment
        for (LatentMap.Data d : maps) {
            assertTrue(d.title(), d.title().contains("coloured by their true type"));
            assertEquals(counts(truth), targetCounts(d));
        }
    }

    @Test
    public void withoutTheLabelColumnTheyAreColouredByThePrediction() {
        JindModel model = TinyJind.aligned();
        Dataset target = read(TinyJind.target());
        assertNull(TrueTypes.of(target, model.labelKey));
        for (LatentMap.Data d : latentMaps(model, target, null)) {
            assertTrue(d.title(), d.title().contains("coloured by the prediction"));
        }
    }

    /** A label column with an empty cell: truth for some cells only would mislead, so the prediction colours. */
    @Test
    public void aLabelColumnWithAMissingCellGivesNoTrueTypes() {
        Dataset full = TinyJind.target();
        DatasetBuilder b = new DatasetBuilder(full.genes(), new String[] {TinyJind.LABEL}, MissingValuePolicy.FAIL, "t");
        List<TinyJind.Row> rows = TinyJind.rows(full, TinyJind.LABEL);
        for (int i = 0; i < rows.size(); i++) {
            b.addRow(rows.get(i).id(), rows.get(i).values(), i == 5 ? new String[] {null} : rows.get(i).strings());
        }
        assertNull(TrueTypes.of(b.build(), TinyJind.LABEL));
    }

    /** The target as a node reads it: gene columns and, when given, the label column as its annotation. */
    private static Dataset read(Dataset d, String... obsKeys) {
        DatasetBuilder b = new DatasetBuilder(d.genes(), obsKeys, MissingValuePolicy.FAIL, "t");
        for (TinyJind.Row r : TinyJind.rows(d, obsKeys)) {
            b.addRow(r.id(), r.values(), r.strings());
        }
        return b.build();
    }

    private static List<LatentMap.Data> latentMaps(JindModel model, Dataset target, String[] truth) {
        SparseMatrix x = Jind.prepare(model, target, false, Progress.NONE).matrixFor(model.plan);
        return ModelFigures.latentMaps(model, x, truth, 0.05, 0);
    }

    private static Map<String, Integer> counts(String[] types) {
        Map<String, Integer> out = new TreeMap<>();
        for (String t : types) {
            out.merge(t, 1, Integer::sum);
        }
        return out;
    }

    private static Map<String, Integer> targetCounts(LatentMap.Data d) {
        Map<String, Integer> out = new TreeMap<>();
        for (int i = 0; i < d.cells(); i++) {
            if (d.target()[i]) {
                out.merge(d.types()[d.type()[i]], 1, Integer::sum);
            }
        }
        return out;
    }
}
