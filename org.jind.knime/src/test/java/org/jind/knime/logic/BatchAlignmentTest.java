package org.jind.knime.logic;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.jind.core.Jind;
import org.jind.core.JindException;
import org.jind.core.Progress;
import org.jind.core.align.AlignSettings;
import org.jind.core.align.SelfTrainSettings;
import org.jind.core.align.SelfTrainer;
import org.jind.core.data.Dataset;
import org.jind.core.model.AlignedModel;
import org.jind.core.model.BatchModels;
import org.jind.core.model.JindModel;
import org.jind.core.model.Stage;
import org.jind.core.sim.Simulator;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * Align Batch and Self-train JIND+ with a batch column: two target batches aligned two at a time give, batch by
 * batch, bit for bit the models of aligning (self-training) each batch's rows alone, and name their batch.
 */
public class BatchAlignmentTest {
    private static final String BATCH = "donor";
    private static Dataset table; // the two target batches, as a node reads a table with a batch column
    private static JindModel trained;
    private static final AlignSettings ALIGN = new AlignSettings(1e-4, 1e-2, 1e-3, 32, 2, 1, 0.05, 3, false);
    private static final SelfTrainSettings SELF = new SelfTrainSettings(1e-4, 32, 2, 0.2, 0.9, 3);

    @BeforeClass
    public static void data() {
        Dataset all = Simulator.simulate(new Simulator.Settings(80, 60, 3, 3, 0.5, 0.3, 0.1, false, 11));
        trained = Jind.train(all.selectBatch("batch", "batch0"), TinyJind.LABEL, null, TinyJind.trainSettings(),
                Progress.NONE);
        // batch1 and batch2 interleaved row by row under another column name: a batch's rows are not contiguous
        Dataset b1 = all.selectBatch("batch", "batch1");
        Dataset b2 = all.selectBatch("batch", "batch2");
        DatasetBuilder b = new DatasetBuilder(all.genes(), new String[] {TinyJind.LABEL, BATCH},
                MissingValuePolicy.FAIL, "table");
        List<TinyJind.Row> r1 = TinyJind.rows(b1, TinyJind.LABEL, "batch");
        List<TinyJind.Row> r2 = TinyJind.rows(b2, TinyJind.LABEL, "batch");
        for (int i = 0; i < Math.max(r1.size(), r2.size()); i++) {
            for (List<TinyJind.Row> rows : List.of(r1, r2)) {
                if (i < rows.size()) {
                    b.addRow(rows.get(i).id(), rows.get(i).values(), rows.get(i).strings());
                }
            }
        }
        table = b.build();
    }

    /** The rows of one batch only, as a node reads a table holding nothing else. */
    private static Dataset alone(String batch) {
        Dataset d = table.selectBatch(BATCH, batch);
        DatasetBuilder b = new DatasetBuilder(d.genes(), new String[] {TinyJind.LABEL}, MissingValuePolicy.FAIL, "t");
        for (TinyJind.Row r : TinyJind.rows(d, TinyJind.LABEL)) {
            b.addRow(r.id(), r.values(), r.strings());
        }
        return b.build();
    }

    private static JindModel copy(JindModel m) {
        return JindModel.fromBytes(m.toBytes(), "copy");
    }

    @Test
    public void eachBatchAlignedTwoAtATimeEqualsAligningItsRowsAlone() {
        List<String> batches = PerBatchRun.batches(table, BATCH, "batch column '" + BATCH + "'");
        assertEquals(List.of("batch1", "batch2"), batches);
        AtomicInteger reports = new AtomicInteger();
        ProgressSink sink = new ProgressSink() {
            @Override
            public void progress(double fraction, String message) {
                reports.incrementAndGet();
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        PerBatchRun.Results<BatchAlignment.Aligned> both = BatchAlignment.alignEach(b -> copy(trained), table, BATCH,
                batches, false, ALIGN, true, 2, sink);
        assertFalse(reports.get() == 0);
        for (int i = 0; i < 2; i++) {
            String b = batches.get(i);
            BatchAlignment.Aligned alone = BatchAlignment.alignOne(copy(trained), alone(b), false, ALIGN, BATCH, b,
                    true, Progress.NONE);
            BatchAlignment.Aligned side = both.results().get(i);
            assertEquals(b, side.batch());
            assertEquals(b, BatchModels.batchOf(side.model()));
            assertArrayEquals("batch " + b, alone.model().toBytes(), side.model().toBytes());
            assertEquals(alone.result().history(), side.result().history());
            assertEquals(alone.result().bestRejection(), side.result().bestRejection(), 0);
            assertEquals(alone.maps().size(), side.maps().size());
            assertArrayEquals(alone.maps().get(1).xy(), side.maps().get(1).xy(), 0f);
        }
        // the two batches' generators differ (each learnt its own batch)
        assertFalse(Arrays.equals(both.results().get(0).model().toBytes(), both.results().get(1).model().toBytes()));

        // self-training each from its own aligned model, two at a time = each alone
        List<AlignedModel> aligned = both.results().stream().map(BatchAlignment.Aligned::model).toList();
        PerBatchRun.Results<SelfTrainer.Result> plus = BatchAlignment.selfTrainEach(
                b -> (AlignedModel) copy(aligned.get(batches.indexOf(b))), table, BATCH, batches, false, SELF, 2,
                ProgressSink.NONE);
        for (int i = 0; i < 2; i++) {
            String b = batches.get(i);
            SelfTrainer.Result alone = BatchAlignment.selfTrainOne((AlignedModel) copy(aligned.get(i)), alone(b),
                    false, SELF, BATCH, b, Progress.NONE);
            SelfTrainer.Result side = plus.results().get(i);
            assertEquals(Stage.SELFTRAINED, side.model().stage);
            assertEquals(b, BatchModels.batchOf(side.model()));
            assertArrayEquals("batch " + b, alone.model().toBytes(), side.model().toBytes());
        }
    }

    @Test
    public void workersFollowTheSettingTheCoresAndTheKernelThreads() {
        assertEquals(2, PerBatchRun.workers(PerBatchRun.AUTOMATIC, 2, 1, 16)); // no more than batches
        assertEquals(4, PerBatchRun.workers(PerBatchRun.AUTOMATIC, 9, 1, 4)); // no more than cores
        assertEquals(3, PerBatchRun.workers(3, 9, 1, 2)); // as set, even beyond the cores
        assertEquals(1, PerBatchRun.workers(PerBatchRun.AUTOMATIC, 9, 4, 16)); // multi-threaded kernels: one by one
        assertEquals(null, PerBatchRun.workersWarning(PerBatchRun.AUTOMATIC, 9, 1));
        assertNotNull(PerBatchRun.workersWarning(3, 9, 4));
    }

    @Test
    public void aRowWithoutABatchIsRefusedByItsId() {
        Dataset d = table.selectBatch(BATCH, "batch1");
        DatasetBuilder b = new DatasetBuilder(d.genes(), new String[] {BATCH}, MissingValuePolicy.FAIL, "t");
        List<TinyJind.Row> rows = TinyJind.rows(d, BATCH);
        b.addRow(rows.get(0).id(), rows.get(0).values(), rows.get(0).strings());
        b.addRow("Row9", rows.get(1).values(), new String[] {null});
        JindException e = assertThrows(JindException.class, () -> PerBatchRun.batches(b.build(), BATCH,
                "batch column 'donor'"));
        assertEquals("Row 'Row9' has no value in the batch column 'donor'; filter such rows out or give them a batch"
                + " (e.g. with a Missing Value node).", e.getMessage());
    }
}
