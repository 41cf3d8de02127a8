package org.jind.core.cli;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jind.core.JindException;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.SparseMatrix;
import org.jind.core.model.JindModel;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The command line end to end on a small simulated file: simulate, train, annotate, evaluate, run; and exit code 2
 * with a one-line message and no output file for bad input. One model is trained for the whole class.
 */
public class CliTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path dir;
    static Path data;
    static Path model;
    static String[] classes = {"type_A", "type_B", "type_C"};

    /** What a command printed and how it ended. */
    record Result(int code, String out, String err) {
    }

    /** Runs a command through {@link Main#run}, the entry point, with stdout and stderr captured. */
    static Result cli(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(args);
            return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static Result main(String... args) {
        return cli(args);
    }

    static Result ok(String... args) {
        Result r = cli(args);
        assertEquals("exit code of " + String.join(" ", args) + "; stderr: " + r.err(), 0, r.code());
        return r;
    }

    static String p(Path path) {
        return path.toString();
    }

    static Set<String> listing(Path d) {
        try (Stream<Path> s = Files.list(d)) {
            return s.map(x -> x.getFileName().toString()).collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @BeforeClass
    public static void simulateAndTrain() throws Exception {
        dir = tmp.getRoot().toPath();
        data = dir.resolve("x.h5ad");
        Result sim = ok("simulate", "--out", p(data), "--cells", "150", "--genes", "200", "--types", "3", "--batches", "2");
        assertTrue(sim.out(), sim.out().contains("300 cells × 200 genes"));
        model = dir.resolve("m.jind");
        Result train = ok("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out", p(model),
                "--epochs", "3", "--quiet");
        assertTrue(train.out(), train.out().contains("Saved") && train.out().contains(p(model)));
    }

    // ---- what the commands produce ----

    @Test
    public void simulateWritesTwoBatchesOfThreeTypes() {
        Dataset d = DatasetReader.read(data, null, "cell_type", "batch", null);
        assertEquals(300, d.cells());
        assertEquals(200, d.genes().length);
        assertEquals(Set.of("batch0", "batch1"), new TreeSet<>(List.of(d.obs("batch"))));
        assertEquals(Set.of(classes), new TreeSet<>(List.of(d.obs("cell_type"))));
        assertEquals(150, DatasetReader.read(data, null, "cell_type", "batch", "batch1").cells());
        SparseMatrix x = d.matrix();
        for (int k = 0; k < x.nonZeros(); k++) {
            float v = x.value(k);
            assertTrue("simulated counts are positive whole numbers: " + v, v > 0 && v == Math.rint(v));
        }
    }

    @Test
    public void trainedModelDescribesTheSource() {
        JindModel m = JindModel.load(model);
        assertArrayEquals(classes, m.classes);
        assertEquals("cell_type", m.labelKey);
        assertEquals(200, m.genes());
        assertEquals(3, m.trainSettings.epochs());
    }

    /** Parsed predictions CSV: header plus rows of fields. */
    static List<String[]> csv(Path f) throws IOException {
        List<String[]> rows = new ArrayList<>();
        for (String line : Files.readAllLines(f, StandardCharsets.UTF_8)) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    @Test
    public void annotateWithProbabilitiesWritesOneRowPerCell() throws Exception {
        Path out = dir.resolve("p.csv");
        Result r = ok("annotate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1",
                "--out", p(out), "--probabilities", "--quiet");
        assertTrue(r.out(), r.out().startsWith("Annotated 150 cells"));
        List<String[]> rows = csv(out);
        assertArrayEquals(new String[] {"cell_id", "raw_prediction", "prediction", "confidence", "prob_type_A",
                "prob_type_B", "prob_type_C"}, rows.get(0));
        assertEquals("header + one row per batch1 cell", 151, rows.size());
        String[] ids = DatasetReader.read(data, null, "cell_type", "batch", "batch1").cellIds();
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i);
            assertEquals(7, f.length);
            assertEquals("cells in input order", ids[i - 1], f[0]);
            assertTrue(f[1], List.of(classes).contains(f[1]));
            assertTrue("prediction is the raw one or Unassigned: " + Arrays.toString(f),
                    f[2].equals(f[1]) || f[2].equals("Unassigned"));
            float conf = Float.parseFloat(f[3]);
            double sum = 0;
            int argmax = 0;
            for (int c = 0; c < 3; c++) {
                float pc = Float.parseFloat(f[4 + c]);
                assertTrue(pc >= 0 && pc <= 1);
                sum += pc;
                if (pc > Float.parseFloat(f[4 + argmax])) {
                    argmax = c;
                }
            }
            assertEquals("probabilities sum to 1", 1.0, sum, 1e-4);
            assertEquals("raw prediction is the most probable type", classes[argmax], f[1]);
            assertEquals("confidence is the top probability", Float.parseFloat(f[4 + argmax]), conf, 0f);
        }
        // without --probabilities: the four base columns only
        Path out2 = dir.resolve("p2.csv");
        ok("annotate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1", "--out",
                p(out2), "--quiet");
        List<String[]> rows2 = csv(out2);
        assertArrayEquals(new String[] {"cell_id", "raw_prediction", "prediction", "confidence"}, rows2.get(0));
        assertEquals(151, rows2.size());
        for (int i = 1; i < rows2.size(); i++) {
            assertArrayEquals("same predictions with and without probabilities", Arrays.copyOf(rows.get(i), 4),
                    rows2.get(i));
        }
    }

    @Test
    public void evaluateJsonAgreesWithThePredictionsFile() throws Exception {
        Result r = ok("evaluate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1",
                "--json");
        String[] lines = r.out().strip().split("\n");
        assertEquals("one JSON object: " + r.out(), 1, lines.length);
        JsonObject j = JsonParser.parseString(lines[0]).getAsJsonObject();
        for (String k : new String[] {"raw", "rej", "eff", "n_cells"}) {
            assertTrue("key " + k + " in " + j, j.has(k));
        }
        assertEquals(150, j.get("n_cells").getAsInt());
        double raw = j.get("raw").getAsDouble();
        double rej = j.get("rej").getAsDouble();
        double eff = j.get("eff").getAsDouble();
        for (double v : new double[] {raw, rej, eff}) {
            assertTrue("in [0, 1]: " + j, v >= 0 && v <= 1);
        }
        assertTrue("3 epochs on well-separated types beat chance (1/3): " + j, raw > 0.4);
        assertTrue("rejection is not total: " + j, rej < 0.9);

        // the same numbers from the predictions and the true labels
        Path out = dir.resolve("pe.csv");
        ok("annotate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1", "--out",
                p(out), "--quiet");
        String[] truth = DatasetReader.read(data, null, "cell_type", "batch", "batch1").obs("cell_type");
        List<String[]> rows = csv(out);
        int rawRight = 0;
        int rejected = 0;
        int keptRight = 0;
        for (int i = 1; i < rows.size(); i++) {
            String[] f = rows.get(i);
            rawRight += f[1].equals(truth[i - 1]) ? 1 : 0;
            if (f[2].equals("Unassigned")) {
                rejected++;
            } else if (f[2].equals(truth[i - 1])) {
                keptRight++;
            }
        }
        assertEquals(rawRight / 150.0, raw, 1e-6);
        assertEquals(rejected / 150.0, rej, 1e-6);
        assertEquals((double) keptRight / (150 - rejected), eff, 1e-6);
    }

    @Test
    public void evaluateReportWithoutJson() {
        Result r = ok("evaluate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1",
                "--quiet");
        assertTrue(r.out(), r.out().startsWith("cells 150"));
        for (String c : classes) {
            assertTrue(r.out(), r.out().contains(c));
        }
        assertTrue(r.out(), r.out().contains("Unassigned"));
    }

    @Test
    public void runTrainStagePrintsOneJsonLinePerStageAndTotal() throws Exception {
        Path out = dir.resolve("run");
        Result r = ok("run", "--source", p(data), "--source-batch", "batch0", "--target-batch", "batch1", "--batch-key",
                "batch", "--stages", "train", "--epochs", "3", "--json", "--out-dir", p(out));
        String[] lines = r.out().strip().split("\n");
        assertEquals("train + total: " + r.out(), 2, lines.length);
        JsonObject train = JsonParser.parseString(lines[0]).getAsJsonObject();
        JsonObject total = JsonParser.parseString(lines[1]).getAsJsonObject();
        assertEquals("train", train.get("stage").getAsString());
        assertEquals(150, train.get("n_cells").getAsInt());
        for (String k : new String[] {"raw", "rej", "eff"}) {
            double v = train.get(k).getAsDouble();
            assertTrue(k + " in [0, 1]: " + train, v >= 0 && v <= 1);
        }
        assertTrue(train.get("seconds").getAsDouble() > 0);
        assertEquals("total", total.get("stage").getAsString());
        assertTrue("total covers the stage: " + r.out(),
                total.get("seconds").getAsDouble() >= train.get("seconds").getAsDouble());
        assertEquals(Set.of("model.jind", "predictions_train.csv"), listing(out));
        List<String[]> rows = csv(out.resolve("predictions_train.csv"));
        assertEquals(151, rows.size());
        assertEquals("prob_type_A", rows.get(0)[4]);
        // the stage's metrics are those of the model it wrote
        Result e = ok("evaluate", "--model", p(out.resolve("model.jind")), "--input", p(data), "--batch-key", "batch",
                "--batch", "batch1", "--json");
        JsonObject j = JsonParser.parseString(e.out().strip()).getAsJsonObject();
        for (String k : new String[] {"raw", "rej", "eff"}) {
            assertEquals(k, j.get(k).getAsDouble(), train.get(k).getAsDouble(), 0);
        }
    }

    @Test
    public void runPreparesTheTargetOnceAndEachStageScoresTheModelItWrote() throws Exception {
        Path out = dir.resolve("run3");
        Result r = ok("run", "--source", p(data), "--source-batch", "batch0", "--target-batch", "batch1", "--batch-key",
                "batch", "--epochs", "2", "--max-epochs", "1", "--st-epochs", "1", "--out-dir", p(out));
        // progress (stderr) names the preparation once: one prepared batch serves align, selftrain and 3 annotations
        long preparations = r.err().lines().filter(l -> l.startsWith("prepare ")).count();
        assertEquals(r.err(), 1, preparations);
        // reading the source is reported too, up to all of its cells
        assertTrue(r.err(), r.err().lines().anyMatch(l -> l.startsWith("read ") && l.contains("100%")
                && l.endsWith(" source cells read")));
        List<String> lines = r.out().lines().toList();
        assertEquals(r.out(), 4, lines.size());
        String[] files = {"model.jind", "aligned.jind", "jindplus.jind"};
        String[] stages = {"train", "align", "selftrain"};
        for (int i = 0; i < 3; i++) {
            String[] f = lines.get(i).trim().split("\\s+"); // stage raw R rej R eff E (s) -> file
            assertEquals(lines.get(i), stages[i], f[0]);
            Result e = ok("evaluate", "--model", p(out.resolve(files[i])), "--input", p(data), "--batch-key", "batch",
                    "--batch", "batch1", "--json");
            JsonObject j = JsonParser.parseString(e.out().strip()).getAsJsonObject();
            for (int k = 0; k < 3; k++) {
                assertEquals(lines.get(i), new String[] {"raw", "rej", "eff"}[k], f[1 + 2 * k]);
                assertEquals(lines.get(i), j.get(f[1 + 2 * k]).getAsDouble(), Double.parseDouble(f[2 + 2 * k]), 5e-5);
            }
        }
    }

    @Test
    public void selfTrainingATrainedModelSaysItNeedsAnAlignedOne() {
        Path out = dir.resolve("never-plus.jind");
        Result r = cli("selftrain", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch",
                "batch1", "--out", p(out), "--quiet");
        assertEquals(r.err(), 2, r.code());
        assertTrue(r.err(), r.err().contains("Self-training needs a model that is aligned, but this one is only"
                + " trained."));
        assertFalse(Files.exists(out));
    }

    @Test
    public void sameDataAndSeedGiveTheSamePredictions() throws Exception {
        Path m2 = dir.resolve("m2.jind");
        Result train = ok("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out", p(m2),
                "--epochs", "3");
        // the same model as the --quiet one of setUp, and reading the source was reported: all 150 cells of batch0
        assertTrue(train.err(), train.err().lines().anyMatch(l -> l.startsWith("read ") && l.contains("100%")
                && l.endsWith(" 150 source cells read")));
        Path a = dir.resolve("det1.csv");
        Path b = dir.resolve("det2.csv");
        ok("annotate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1", "--out",
                p(a), "--probabilities", "--quiet");
        ok("annotate", "--model", p(m2), "--input", p(data), "--batch-key", "batch", "--batch", "batch1", "--out",
                p(b), "--probabilities", "--quiet");
        assertEquals(Files.readString(a), Files.readString(b));
    }

    @Test
    public void csvInputGivesTheSamePredictionsAsH5ad() throws Exception {
        Dataset d = DatasetReader.read(data, null, "cell_type", "batch", "batch1");
        Path csv = dir.resolve("batch1.csv");
        String[] genes = d.genes();
        StringBuilder sb = new StringBuilder("cell,cell_type");
        for (String g : genes) {
            sb.append(',').append(g);
        }
        sb.append('\n');
        for (int i = 0; i < d.cells(); i++) {
            sb.append(d.cellId(i)).append(',').append(d.obs("cell_type")[i]);
            for (int j = 0; j < genes.length; j++) {
                sb.append(',').append((int) d.matrix().get(i, j));
            }
            sb.append('\n');
        }
        Files.writeString(csv, sb);
        Path fromCsv = dir.resolve("pcsv.csv");
        Path fromH5ad = dir.resolve("ph5ad.csv");
        ok("annotate", "--model", p(model), "--input", p(csv), "--out", p(fromCsv), "--probabilities", "--quiet");
        ok("annotate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1", "--out",
                p(fromH5ad), "--probabilities", "--quiet");
        assertEquals(Files.readString(fromH5ad), Files.readString(fromCsv));
    }

    @Test
    public void helpListsEveryCommandAndOption() {
        String usage = Main.usage();
        for (String c : new String[] {"train", "annotate", "evaluate", "run", "simulate", "align", "selftrain", "demo"}) {
            assertTrue(c, usage.contains("\n  " + c + " "));
        }
        Result r = ok("annotate", "--help");
        for (String o : new String[] {"--model", "--input", "--out", "--theta", "--probabilities", "--batch-key"}) {
            assertTrue(o + " in " + r.out(), r.out().contains(o));
        }
    }

    @Test
    public void annotateReadsA10xHdf5FileAndMatchesGenesThroughTheirOtherIdentifier() throws Exception {
        Dataset b1 = DatasetReader.read(data, null, "cell_type", "batch", "batch1");
        String[] ids = new String[b1.genes().length];
        for (int j = 0; j < ids.length; j++) {
            ids[j] = "ENSG" + (10000 + j);
        }
        String[] types = new String[ids.length];
        Arrays.fill(types, "Gene Expression");
        Path both = dir.resolve("both.h5");
        org.jind.core.data.TenxH5Files.writeV3(both, b1.matrix(), b1.cellIds(), ids, b1.genes(), types);
        Path fromH5ad = dir.resolve("h5ad.csv");
        Path from10x = dir.resolve("10x.csv");
        ok("annotate", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1", "--out",
                p(fromH5ad), "--quiet");
        ok("annotate", "--model", p(model), "--input", p(both), "--out", p(from10x), "--quiet");
        assertEquals("the same cells give the same predictions from 10x HDF5 as from h5ad",
                Files.readAllLines(fromH5ad), Files.readAllLines(from10x));

        // named by id only, against a model that knows only the symbols: refused, naming both namings
        Path idsOnly = dir.resolve("ids.h5");
        org.jind.core.data.TenxH5Files.writeV3(idsOnly, b1.matrix(), b1.cellIds(), ids, ids, types);
        fails(args("annotate", "--model", p(model), "--input", p(idsOnly), "--out", p(dir.resolve("never.csv")),
                "--fill-missing-genes"), "Only 0 of the model's 200 genes", "'ENSG10000'");
        Files.delete(both);
        Files.delete(idsOnly);
        Files.delete(fromH5ad);
        Files.delete(from10x);
    }

    // ---- bad input: exit code 2, one line on stderr, nothing written ----

    /** Runs through Main.run; expects exit 2, an "error:" line containing the fragments, and no new file in dir. */
    static void fails(String[] args, String... fragments) {
        Set<String> before = listing(dir);
        Result r = main(args);
        assertEquals("exit code; stderr: " + r.err(), JindException.BAD_INPUT, r.code());
        String err = r.err().strip();
        assertTrue(err, err.startsWith("error: "));
        assertFalse("one line: " + err, err.contains("\n"));
        for (String f : fragments) {
            assertTrue("stderr should contain '" + f + "': " + err, err.contains(f));
        }
        assertEquals("nothing written (not even a temporary file)", before, listing(dir));
    }

    static String[] args(String... a) {
        return a;
    }

    @Test
    public void missingInput() {
        fails(args("train", "--input", p(dir.resolve("missing.h5ad")), "--out", p(dir.resolve("never.jind")),
                "--epochs", "1", "--quiet"), "Input not found", "missing.h5ad");
        fails(args("annotate", "--model", p(model), "--input", p(dir.resolve("missing.csv")), "--out",
                p(dir.resolve("never.csv")), "--quiet"), "Input not found", "missing.csv");
    }

    @Test
    public void threadsAreAProcessSettingCheckedBeforeAnyWork() {
        Path never = dir.resolve("never.jind");
        fails(args("train", "--input", p(data), "--out", p(never), "--threads", "0", "--quiet"),
                "--threads must be at least 1; it is 0");
        // once this process computes, another count is refused instead of changing work that may be running
        int n = org.jind.core.nn.Backend.threads();
        fails(args("train", "--input", p(data), "--out", p(never), "--threads", String.valueOf(n + 1), "--quiet"),
                "already computes with " + n + " thread(s)");
        assertTrue("nothing written", !Files.exists(never));
    }

    @Test
    public void missingRequiredOption() {
        fails(args("train", "--input", p(data), "--quiet"), "Missing required option", "--out", "./jind train --help");
        fails(args("annotate", "--input", p(data), "--out", p(dir.resolve("never.csv"))), "Missing required option",
                "--model");
    }

    @Test
    public void unknownOptionAndCommand() {
        fails(args("train", "--inptu", p(data), "--out", p(dir.resolve("never.jind"))), "Unknown option '--inptu'",
                "train");
        fails(args("trian", "--input", p(data)), "Unknown command 'trian'");
        fails(args("train", "--input", p(data), "--out"), "--out", "Missing required parameter");
        fails(args("train", "--input", p(data), "--out", p(dir.resolve("never.jind")), "--epochs", "three"),
                "--epochs", "'three'");
    }

    @Test
    public void damagedModelFile() throws Exception {
        byte[] b = Files.readAllBytes(model);
        Path bad = tmp.newFolder("damaged").toPath().resolve("bad.jind");
        b[b.length / 2] ^= 0x01;
        Files.write(bad, b);
        fails(args("annotate", "--model", p(bad), "--input", p(data), "--batch-key", "batch", "--batch", "batch1",
                "--out", p(dir.resolve("never.csv")), "--quiet"), "bad.jind", "damaged");
        fails(args("evaluate", "--model", p(bad), "--input", p(data), "--json"), "bad.jind", "damaged");
        // cut short
        Files.write(bad, Arrays.copyOf(Files.readAllBytes(model), 200));
        fails(args("annotate", "--model", p(bad), "--input", p(data), "--out", p(dir.resolve("never.csv")), "--quiet"),
                "bad.jind", "damaged");
    }

    @Test
    public void nonModelFileAsModel() {
        fails(args("annotate", "--model", p(data), "--input", p(data), "--out", p(dir.resolve("never.csv")), "--quiet"),
                "x.h5ad", "not a JIND model file");
        fails(args("annotate", "--model", p(dir.resolve("nomodel.jind")), "--input", p(data), "--out",
                p(dir.resolve("never.csv")), "--quiet"), "nomodel.jind", "not found");
    }

    @Test
    public void thetaOutOfRange() {
        fails(args("annotate", "--model", p(model), "--input", p(data), "--out", p(dir.resolve("never.csv")), "--theta",
                "1.5", "--quiet"), "--theta", "[0, 1)", "1.5");
        fails(args("evaluate", "--model", p(model), "--input", p(data), "--theta", "-0.1"), "--theta");
        fails(args("run", "--source", p(data), "--source-batch", "batch0", "--target-batch", "batch1", "--batch-key",
                "batch", "--stages", "train", "--theta", "1.5", "--out-dir", p(dir.resolve("neverdir"))), "--theta");
    }

    @Test
    public void badSelectionOrLabelColumn() {
        fails(args("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch7", "--out",
                p(dir.resolve("never.jind")), "--quiet"), "'batch7'", "available: batch0, batch1");
        fails(args("train", "--input", p(data), "--label-key", "celltype", "--out", p(dir.resolve("never.jind")),
                "--epochs", "1", "--quiet"), "'celltype'", "batch, cell_type");
        fails(args("evaluate", "--model", p(model), "--input", p(data), "--label-key", "truth", "--json"), "'truth'");
    }

    @Test
    public void badRunArguments() {
        fails(args("run", "--source", p(data), "--stages", "align", "--out-dir", p(dir.resolve("neverdir"))),
                "--stages", "'align'");
        fails(args("run", "--source", p(data), "--source-batch", "batch0", "--stages", "train", "--out-dir",
                p(dir.resolve("neverdir"))), "--source-batch needs --batch-key");
        fails(args("simulate", "--out", p(dir.resolve("never.h5ad")), "--types", "1"), "2 cell types");
    }
}
