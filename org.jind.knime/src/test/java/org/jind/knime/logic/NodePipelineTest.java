package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.jind.core.Jind;
import org.jind.core.annotate.Annotation;
import org.jind.core.data.Dataset;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.junit.Test;

/**
 * The nodes' path through the logic without KNIME: table rows with a label column → Train JIND → model spec →
 * Annotate &amp; Reject's configure-time columns and execute-time values → JIND Scorer.
 */
public class NodePipelineTest {

    @Test
    public void trainAnnotateAndScoreFromTableRows() {
        Dataset src = TinyJind.source();
        List<ColumnInfo> columns = new ArrayList<>();
        for (String g : src.genes()) {
            columns.add(ColumnInfo.numeric(g));
        }
        columns.add(ColumnInfo.string("cell_type"));
        columns.add(ColumnInfo.string("batch"));

        // Train JIND: configure, then execute
        TrainingColumns c = TrainingColumns.of(columns, "cell_type", null);
        assertEquals(src.genes().length, c.genes().length);
        TrainSettings s = NodeParameters.train(40, 4, 32, 1e-3, 0.2, 0);
        DatasetBuilder b = new DatasetBuilder(c.genes(), new String[] {c.label()}, MissingValuePolicy.FAIL, "t");
        for (TinyJind.Row r : TinyJind.rows(src, "cell_type")) {
            b.addRow(r.id(), r.values(), r.strings());
        }
        JindModel model = Jind.train(b.build(), c.label(), null, s, new ProgressAdapter(
                new PayloadAndProgressTest.Recorder(Integer.MAX_VALUE)));
        ModelSummary summary = ModelSummary.of(model);
        assertEquals(ModelSummary.beforeTraining("cell_type").labelColumn(), summary.labelColumn());

        // Annotate & Reject on the other batch: configure from the spec, execute on the rows
        Dataset tgt = TinyJind.target();
        List<String> existing = Arrays.asList(tgt.genes());
        List<OutputColumn> out = AnnotateOutput.columns(existing, summary, AnnotateOutput.Names.defaults(), true);
        assertEquals(3 + summary.cellTypes().length, out.size());
        assertEquals(null, ModelChecks.checkGenes(summary, columns, false));
        Annotation a = Jind.annotate(model, tgt, 0.05, false, new ProgressAdapter(
                new PayloadAndProgressTest.Recorder(Integer.MAX_VALUE)));
        String[] truth = tgt.obs("cell_type");
        String[] pred = new String[tgt.cells()];
        String[] raw = new String[tgt.cells()];
        for (int i = 0; i < tgt.cells(); i++) {
            Object[] v = AnnotateOutput.values(a, i, true);
            assertEquals(out.size(), v.length);
            raw[i] = (String) v[0];
            pred[i] = (String) v[1];
            double sum = 0;
            for (int k = 3; k < v.length; k++) {
                sum += (Double) v[k];
            }
            assertEquals(1.0, sum, 1e-4);
        }

        // JIND Scorer
        Scorer.Scores scores = Scorer.score(truth, pred, raw);
        assertTrue("raw accuracy " + scores.raw(), scores.raw() > 0.5);
        assertArrayEquals(summary.cellTypes(), Arrays.copyOf(scores.trueLabels(), scores.trueLabels().length));
    }
}
