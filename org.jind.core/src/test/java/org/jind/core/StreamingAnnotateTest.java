package org.jind.core;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jind.core.annotate.Annotation;
import org.jind.core.data.CellChunks;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.H5adWriter;
import org.jind.core.model.JindModel;
import org.jind.core.model.TrainSettings;
import org.jind.core.testutil.TestData;
import org.junit.BeforeClass;
import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Annotating chunk by chunk equals annotating the whole batch; gene naming and value type across steps. */
public class StreamingAnnotateTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    private static Dataset source;
    private static Dataset target;
    private static JindModel model;

    @BeforeClass
    public static void train() {
        source = TestData.twoBatches().selectBatch("batch", "batch0");
        target = TestData.twoBatches().selectBatch("batch", "batch1");
        model = Jind.train(source, "cell_type", null, new TrainSettings(5000, 3, 128, 1e-3, 0.2, 1), Progress.NONE);
    }

    /** The target's annotation read from {@code file} in chunks of {@code size} cells, and the cell ids seen. */
    static Annotation streamed(JindModel m, Path file, int size, List<String> ids) throws Exception {
        return streamed(m, file, size, 1, ids);
    }

    /** As {@link #streamed(JindModel, Path, int, List)}, with {@code workers} threads preparing and predicting. */
    static Annotation streamed(JindModel m, Path file, int size, int workers, List<String> ids) throws Exception {
        List<Annotation> parts = new ArrayList<>();
        try (CellChunks c = DatasetReader.open(file, null, Set.of("cell_type", "batch"))) {
            long n = Jind.annotate(m, c, size, workers, 0.05, false, Progress.NONE, (cells, a) -> {
                assertTrue(cells.cells() <= size);
                ids.addAll(List.of(cells.cellIds()));
                parts.add(a);
            });
            assertTrue("several chunks", parts.size() > 2);
            assertEquals(n, parts.stream().mapToInt(Annotation::cells).sum());
        }
        return Annotation.concat(parts);
    }

    @Test
    public void streamedAnnotationEqualsTheWholeBatchAnnotation() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("target.h5ad");
        H5adWriter.write(target, f);
        Annotation whole = Jind.annotate(model, target, 0.05, false, Progress.NONE);
        List<String> ids = new ArrayList<>();
        Annotation parts = streamed(model, f, 37, ids);
        assertEquals(List.of(target.cellIds()), ids);
        assertArrayEquals(whole.raw(), parts.raw());
        assertArrayEquals(whole.predicted(), parts.predicted());
        // chunks of 37 cells: matrix products of other row counts may round the last bit differently
        assertArrayEquals(whole.probabilities(), parts.probabilities(), 1e-6f);
        assertTrue("some cells are rejected, some kept", whole.rejectedFraction() < 0.9);
    }

    @Test
    public void workersGiveTheSameAnnotationInTheSameOrder() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("target-workers.h5ad");
        H5adWriter.write(target, f);
        List<String> oneIds = new ArrayList<>();
        Annotation one = streamed(model, f, 37, 1, oneIds);
        List<String> threeIds = new ArrayList<>();
        Annotation three = streamed(model, f, 37, 3, threeIds);
        assertEquals(List.of(target.cellIds()), threeIds);
        assertEquals(oneIds, threeIds);
        assertArrayEquals(one.predicted(), three.predicted());
        assertArrayEquals(one.probabilities(), three.probabilities(), 0f);
    }

    @Test
    public void chunksOfWholeForwardPassesAreBitIdentical() throws Exception {
        // 2 × 2,500 cells: chunks of one forward pass (1,024 cells) split a batch in three
        Dataset big = org.jind.core.sim.Simulator.simulate(new org.jind.core.sim.Simulator.Settings(2500, 300, 4, 2, 0.3,
                0.3, 0.05, false, 7));
        Dataset t = big.selectBatch("batch", "batch1");
        Path f = tmp.getRoot().toPath().resolve("big.h5ad");
        H5adWriter.write(t, f);
        Annotation whole = Jind.annotate(model, t, 0.05, false, Progress.NONE);
        Annotation parts = streamed(model, f, org.jind.core.annotate.Predictor.CHUNK, new ArrayList<>());
        assertEquals(t.cells(), parts.cells());
        assertArrayEquals(whole.predicted(), parts.predicted());
        assertArrayEquals(whole.probabilities(), parts.probabilities(), 0f);
        assertArrayEquals(whole.confidence(), parts.confidence(), 0f);
    }

    @Test
    public void preparingWhileReadingEqualsPreparingTheWholeBatch() throws Exception {
        Path f = tmp.getRoot().toPath().resolve("both.h5ad");
        H5adWriter.write(TestData.twoBatches(), f);
        org.jind.core.data.SparseMatrix whole = Jind.prepare(model, target, false, Progress.NONE)
                .matrixFor(model.plan);
        org.jind.core.prep.PreparedBatch read;
        try (CellChunks c = DatasetReader.open(f, null, "cell_type", "batch", "batch1")) {
            read = Jind.prepare(model, c, 37, false, Progress.NONE); // 9 chunks
        }
        assertEquals(target.cellIdFingerprint(), read.fingerprint());
        assertEquals(whole.rows(), read.matrixFor(model.plan).rows());
        assertEquals(whole.nonZeros(), read.matrixFor(model.plan).nonZeros());
        for (int r = 0; r < whole.rows(); r++) {
            assertEquals(whole.rowEnd(r), read.matrixFor(model.plan).rowEnd(r));
            for (int k = whole.rowStart(r); k < whole.rowEnd(r); k++) {
                assertEquals(whole.colIndex(k), read.matrixFor(model.plan).colIndex(k));
                assertEquals(whole.value(k), read.matrixFor(model.plan).value(k), 0f);
            }
        }
    }

    @Test
    public void dataNamedByIdsAreMatchedThroughTheIdsTheModelRecorded() {
        String[] ids = new String[source.genes().length];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = "ENSG" + (1000 + j);
        }
        java.util.Map<String, String> idOf = new java.util.HashMap<>();
        for (int j = 0; j < ids.length; j++) {
            idOf.put(source.genes()[j], ids[j]);
        }
        Dataset sourceBoth = new Dataset(source.matrix(), source.cellIds(), source.genes(), ids,
                java.util.Map.of("cell_type", source.obs("cell_type")), "s");
        JindModel both = Jind.train(sourceBoth, "cell_type", null, new TrainSettings(5000, 3, 128, 1e-3, 0.2, 1),
                Progress.NONE);
        String[] targetIds = new String[target.genes().length];
        for (int j = 0; j < targetIds.length; j++) {
            targetIds[j] = idOf.get(target.genes()[j]);
        }
        Dataset targetByIds = new Dataset(target.matrix(), target.cellIds(), targetIds, java.util.Map.of(), "t");
        List<String> warnings = new ArrayList<>();
        Progress p = new Progress() {
            @Override
            public void report(String stage, double fraction, String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
        Annotation a = Jind.annotate(both, targetByIds, 0.05, false, p);
        assertArrayEquals(Jind.annotate(both, target, 0.05, false, Progress.NONE).probabilities(), a.probabilities(), 0f);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0), warnings.get(0).contains("300 of 300 model genes found"));
        // the model without the ids refuses, even when missing genes may be zero (before: all cells Unassigned)
        try {
            Jind.annotate(model, targetByIds, 0.05, true, Progress.NONE);
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().startsWith("Only 0 of the model's 300 genes"));
        }
    }

    @Test
    public void aModelTrainedOnLogValuesRefusesCounts() {
        Dataset logSource = new Dataset(source.matrix().mapValues((r, v) -> (float) Math.log1p(v)), source.cellIds(),
                source.genes(), java.util.Map.of("cell_type", source.obs("cell_type")), "log");
        JindModel logModel = Jind.train(logSource, "cell_type", null, new TrainSettings(5000, 2, 128, 1e-3, 0.2, 1),
                Progress.NONE);
        assertTrue(!logModel.plan.counts());
        try {
            Jind.annotate(logModel, target, 0.05, false, Progress.NONE);
            fail();
        } catch (JindException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("they look like raw counts"));
        }
    }
}
