package org.jind.core.cli;

import static org.jind.core.cli.CliTest.cli;
import static org.jind.core.cli.CliTest.listing;
import static org.jind.core.cli.CliTest.ok;
import static org.jind.core.cli.CliTest.p;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jind.core.JindException;
import org.jind.core.cli.CliTest.Result;
import org.jind.core.model.BatchModels;
import org.jind.core.model.JindModel;
import org.jind.core.model.ModelFile;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Several target batches in one call: a run over two batches with two workers gives each batch exactly what a run
 * of that batch alone gives (predictions byte for byte, models array for array); align, selftrain and annotate do
 * the same with a folder of batch models; a batch without its model is refused.
 */
public class CliBatchesTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path dir;
    static Path data;
    static Path multi;

    static final String[] SMALL = {"--epochs", "1", "--max-epochs", "1", "--st-epochs", "1", "--quiet"};

    static String[] with(String[] a, String... more) {
        String[] out = java.util.Arrays.copyOf(a, a.length + more.length);
        System.arraycopy(more, 0, out, a.length, more.length);
        return out;
    }

    static Path runAlone(String batch) {
        Path out = dir.resolve("alone_" + batch);
        if (!Files.isDirectory(out)) {
            ok(with(new String[] {"run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
                "--target-batch", batch, "--out-dir", p(out)}, SMALL));
        }
        return out;
    }

    @BeforeClass
    public static void simulateAndRun() {
        dir = tmp.getRoot().toPath();
        data = dir.resolve("x.h5ad");
        ok("simulate", "--out", p(data), "--cells", "120", "--genes", "150", "--types", "3", "--batches", "3");
        multi = dir.resolve("multi");
        Result r = ok(with(new String[] {"run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
            "--target-batch", "all", "--threads", "2", "--out-dir", p(multi)}, SMALL));
        assertTrue(r.out(), r.out().contains("align      batch1") && r.out().contains("selftrain  batch2"));
    }

    static byte[] bytes(Path f) {
        try {
            return Files.readAllBytes(f);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The lines of a CSV without its header. */
    static List<String> rows(Path f) throws IOException {
        List<String> l = Files.readAllLines(f, StandardCharsets.UTF_8);
        return l.subList(1, l.size());
    }

    static void sameArrays(Path expected, Path actual) {
        Map<String, ModelFile.Tensor> e = JindModel.load(expected).encode().arrays();
        Map<String, ModelFile.Tensor> a = JindModel.load(actual).encode().arrays();
        assertEquals(e.keySet(), a.keySet());
        for (String k : e.keySet()) {
            assertArrayEquals(k + " of " + actual, e.get(k).floats(), a.get(k).floats(), 0f);
            assertArrayEquals(k + " of " + actual, e.get(k).ints(), a.get(k).ints());
        }
    }

    @Test
    public void eachBatchOfARunIsWhatItGivesAlone() throws IOException {
        assertEquals(Set.of("model.jind", "aligned", "jindplus", "predictions_train.csv", "predictions_align.csv",
                "predictions_selftrain.csv"), listing(multi));
        Path one = runAlone("batch1");
        Path two = runAlone("batch2");
        for (String stage : Pipeline.STAGES) {
            String f = Pipeline.predictionsFile(stage);
            List<String> expected = new ArrayList<>(rows(one.resolve(f)));
            expected.addAll(rows(two.resolve(f)));
            assertEquals(Files.readAllLines(one.resolve(f)).get(0), Files.readAllLines(multi.resolve(f)).get(0));
            assertEquals(stage, expected, rows(multi.resolve(f)));
            assertEquals(240, expected.size());
        }
        sameArrays(one.resolve("model.jind"), multi.resolve("model.jind"));
        sameArrays(one.resolve("aligned.jind"), multi.resolve("aligned/batch1.jind"));
        sameArrays(two.resolve("jindplus.jind"), multi.resolve("jindplus/batch2.jind"));
        JindModel m = JindModel.load(multi.resolve("jindplus/batch2.jind"));
        assertEquals("batch2", BatchModels.batchOf(m));
        assertEquals(Set.of("batch1.jind", "batch2.jind"), listing(multi.resolve("aligned")));
    }

    @Test
    public void alignAndSelftrainSeveralGiveWhatRunGives() {
        Path aligned = dir.resolve("aligned2");
        Result r = ok("align", "--model", p(multi.resolve("model.jind")), "--input", p(data), "--batch-key", "batch",
                "--batch", "batch2,batch1", "--threads", "2", "--max-epochs", "1", "--out", p(aligned), "--quiet");
        assertTrue(r.out(), r.out().contains("aligned to batch2"));
        sameArrays(multi.resolve("aligned/batch1.jind"), aligned.resolve("batch1.jind"));
        sameArrays(multi.resolve("aligned/batch2.jind"), aligned.resolve("batch2.jind"));
        Path plus = dir.resolve("plus2");
        ok("selftrain", "--model", p(aligned), "--input", p(data), "--threads", "2", "--st-epochs", "1",
                "--out", p(plus), "--quiet");
        sameArrays(multi.resolve("jindplus/batch1.jind"), plus.resolve("batch1.jind"));
        sameArrays(multi.resolve("jindplus/batch2.jind"), plus.resolve("batch2.jind"));
    }

    @Test
    public void annotateTakesEachBatchThroughItsModel() throws IOException {
        Path out = dir.resolve("annotated.csv");
        Result r = ok("annotate", "--model", p(multi.resolve("jindplus")), "--input", p(data), "--batch", "batch1,batch2",
                "--probabilities", "--out", p(out), "--quiet");
        assertTrue(r.out(), r.out().contains("240 cells of 2 batches"));
        List<String> expected = new ArrayList<>();
        for (String b : List.of("batch1", "batch2")) {
            Path alone = dir.resolve("alone_" + b + ".csv");
            ok("annotate", "--model", p(multi.resolve("jindplus/" + b + ".jind")), "--input", p(data), "--batch-key",
                    "batch", "--batch", b, "--probabilities", "--out", p(alone), "--quiet");
            expected.addAll(rows(alone));
        }
        assertEquals(expected, rows(out));
    }

    @Test
    public void aBatchWithoutItsModelIsRefused() {
        Path out = dir.resolve("never.csv");
        Result r = cli("annotate", "--model", p(multi.resolve("aligned")), "--input", p(data), "--out", p(out),
                "--quiet");
        assertEquals(r.err(), JindException.BAD_INPUT, r.code());
        assertTrue(r.err(), r.err().contains("No model in") && r.err().contains("batch 'batch0'")
                && r.err().contains("batch1, batch2"));
        assertFalse(Files.exists(out));
    }

    @Test
    public void badBatchListsAreRefusedByName() {
        Path out = dir.resolve("never");
        for (String[] c : new String[][] {{"batch1,,batch2", "empty batch name"}, {"batch1,batch1", "twice"},
            {"batch0,batch1", "source batch 'batch0'"}}) {
            Result r = cli(with(new String[] {"run", "--source", p(data), "--batch-key", "batch", "--source-batch",
                "batch0", "--target-batch", c[0], "--out-dir", p(out)}, SMALL));
            assertEquals(r.err(), JindException.BAD_INPUT, r.code());
            assertTrue(r.err(), r.err().startsWith("error: --target-batch") && r.err().contains(c[1]));
            assertFalse(Files.exists(out));
        }
        Result r = cli("run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
                "--target-batch", "batch1,nowhere", "--out-dir", p(out), "--quiet", "--epochs", "1");
        assertEquals(r.err(), JindException.BAD_INPUT, r.code());
        assertTrue(r.err(), r.err().contains("--target-batch names batch 'nowhere', which is not in the column 'batch'"));
        assertFalse("a failed run leaves nothing", Files.exists(out));
        assertNotNull(r.out());
    }
}
