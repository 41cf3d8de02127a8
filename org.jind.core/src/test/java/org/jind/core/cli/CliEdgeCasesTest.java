package org.jind.core.cli;

import static org.jind.core.cli.CliTest.cli;
import static org.jind.core.cli.CliTest.listing;
import static org.jind.core.cli.CliTest.p;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jind.core.JindException;
import org.jind.core.cli.CliTest.Result;
import org.jind.core.data.Dataset;
import org.jind.core.data.DatasetReader;
import org.jind.core.data.DelimitedWriter;
import org.jind.core.model.ModelFile;
import org.jind.core.sim.Simulator;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonObject;

/**
 * The promises at the edges, through the real entry point ({@link Main#run}): an output that is an input is refused
 * however it is spelled; options are parsed strictly and errors name what the user typed; diverging settings stop
 * with exit 2 and leave nothing; the CSV files quote what needs quoting; labels follow the documented rules; model
 * headers are checked whole. Every failure: exit 2, one {@code error:} line, no file added, every input unchanged.
 */
public class CliEdgeCasesTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path dir;
    static Path data;
    static Path csv;
    static Path model;

    @BeforeClass
    public static void simulateAndTrain() throws Exception {
        dir = tmp.newFolder("edge").toPath();
        Dataset all = Simulator.simulate(new Simulator.Settings(80, 60, 3, 2, 0.3, 0.3, 0.1, false, 1));
        data = dir.resolve("x.h5ad");
        org.jind.core.data.H5adWriter.write(all, data);
        csv = dir.resolve("t.csv");
        DelimitedWriter.write(all.selectBatch("batch", "batch1"), csv);
        model = dir.resolve("m.jind");
        ok("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out", p(model), "--epochs", "2",
                "--quiet");
    }

    static Result ok(String... args) {
        Result r = cli(args);
        assertEquals("exit code of " + String.join(" ", args) + "; stderr: " + r.err(), 0, r.code());
        return r;
    }

    /** SHA-256 of every file under a directory, by relative path. */
    static Map<String, String> checksums(Path root) {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
                    out.put(root.relativize(f).toString(), java.util.HexFormat.of().formatHex(d));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Expects exit 2, one "error:" line with the fragments, and every file of {@code root} as before. */
    static Result fails(Path root, String[] args, String... fragments) {
        Map<String, String> before = checksums(root);
        Result r = cli(args);
        assertEquals("exit code of " + String.join(" ", args) + "; stderr: " + r.err(), JindException.BAD_INPUT,
                r.code());
        String err = r.err().strip();
        assertTrue(err, err.startsWith("error: "));
        assertFalse("one line: " + err, err.contains("\n"));
        for (String f : fragments) {
            assertTrue("stderr should contain '" + f + "': " + err, err.contains(f));
        }
        assertEquals("no file added, changed or removed (inputs unchanged, nothing written)", before, checksums(root));
        return r;
    }

    static Result fails(String[] args, String... fragments) {
        return fails(dir, args, fragments);
    }

    static String[] args(String... a) {
        return a;
    }

    // ---- 1. an output that is an input ----

    @Test
    public void outputThatIsTheInputIsRefusedHoweverSpelled() throws Exception {
        fails(args("train", "--input", p(data), "--out", p(data), "--epochs", "1", "--quiet"), "--out", "x.h5ad",
                "is the input given as --input");
        // the same file through "..", a symbolic link and a hard link
        Path sub = Files.createDirectories(dir.resolve("sub"));
        fails(args("train", "--input", p(data), "--out", p(sub.resolve("..").resolve("x.h5ad")), "--quiet"),
                "is the input given as --input");
        Path link = dir.resolve("link.h5ad");
        Files.createSymbolicLink(link, data);
        Path hard = dir.resolve("hard.h5ad");
        Files.createLink(hard, data);
        try {
            fails(args("train", "--input", p(link), "--out", p(data), "--quiet"), "is the input given as --input");
            fails(args("train", "--input", p(data), "--out", p(hard), "--quiet"), "is the input given as --input");
        } finally {
            Files.delete(link);
            Files.delete(hard);
        }
        fails(args("annotate", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(csv), "--quiet"),
                "is the input given as --input");
        fails(args("annotate", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(model), "--quiet"),
                "is the input given as --model");
        fails(args("align", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(model), "--quiet"),
                "is the input given as --model");
        fails(args("selftrain", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(model), "--quiet"),
                "is the input given as --model");
    }

    @Test
    public void runRefusesAnOutDirThatWouldReplaceAnInput() throws Exception {
        Path out = Files.createDirectories(dir.resolve("runin"));
        Path source = out.resolve("predictions_train.csv");
        Files.copy(csv, source);
        try {
            fails(args("run", "--source", p(source), "--stages", "train", "--out-dir", p(out), "--quiet"),
                    "--out-dir", "would replace the input given as --source", "predictions_train.csv");
            fails(args("run", "--source", p(csv), "--stages", "train", "--out-dir", p(csv), "--quiet"), "--out-dir",
                    "is a file");
        } finally {
            Files.delete(source);
            Files.delete(out);
        }
    }

    // ---- 3 + 4. options ----

    @Test
    public void optionValuesThatLookLikeOptionsAndRepeatedOptionsAreErrors() {
        fails(args("train", "--input", p(data), "--out", "--quiet"), "--out");
        assertFalse(Files.exists(Path.of("--quiet")));
        fails(args("train", "--input", p(data), "--out", "--qiet"), "Unknown option '--qiet'");
        fails(args("train", "--input", p(data), "--out", p(dir.resolve("a.jind")), "--out", p(dir.resolve("b.jind"))),
                "--out", "should be specified only once");
        fails(args("train", "--input", p(data), "--out", p(dir.resolve("a.jind")), "--epochs", "2", "--epochs", "3"),
                "--epochs", "only once");
        fails(args("run", "--source", p(data), "--stages", ",", "--out-dir", p(dir.resolve("r"))),
                "--stages names no stage");
        fails(args("run", "--source", p(data), "--stages", "train,selftrain", "--out-dir", p(dir.resolve("r"))),
                "--stages");
    }

    @Test
    public void settingErrorsNameTheOptionTyped() {
        String[] run = {"run", "--source", p(data), "--source-batch", "batch0", "--target-batch", "batch1",
            "--batch-key", "batch", "--out-dir", p(dir.resolve("never")), "--quiet"};
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("--align-lr must be a positive number", new String[] {"--align-lr", "-1"});
        cases.put("--st-lr must be a positive number", new String[] {"--st-lr", "0"});
        cases.put("--align-batch-size must be at least 1", new String[] {"--align-batch-size", "0"});
        cases.put("--st-batch-size must be at least 1", new String[] {"--st-batch-size", "0"});
        cases.put("--st-epochs must be at least 1", new String[] {"--st-epochs", "0"});
        cases.put("--st-val-fraction must be between 0 and 1", new String[] {"--st-val-fraction", "1"});
        cases.put("--wd-g must be a finite number; it is NaN", new String[] {"--wd-g", "NaN"});
        cases.put("--wd-d must be a finite number; it is Infinity", new String[] {"--wd-d", "Infinity"});
        cases.put("--wd-g must not be negative", new String[] {"--wd-g", "-0.5"});
        cases.put("--lr must be a finite number", new String[] {"--lr", "NaN"});
        cases.put("--max-epochs must be at least 1", new String[] {"--max-epochs", "0"});
        cases.put("--align-lanes must be 1 or 2; it is 3.", new String[] {"--align-lanes", "3"});
        cases.put("--keep-fraction must be above 0 and at most 1", new String[] {"--keep-fraction", "1.5"});
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            String[] a = Stream.concat(Arrays.stream(run), Arrays.stream(c.getValue())).toArray(String[]::new);
            Result r = fails(a, c.getKey());
            String other = c.getKey().startsWith("--align-lr") || c.getKey().startsWith("--st-lr") ? "--lr " : null;
            assertTrue(r.err(), other == null || !r.err().contains(" " + other));
        }
        fails(args("align", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(dir.resolve("a.jind")), "--align-lr",
                "-1"), "--align-lr must be a positive number");
        fails(args("align", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(dir.resolve("a.jind")),
                "--align-lanes", "0"), "--align-lanes must be 1 or 2; it is 0.");
        fails(args("selftrain", "--model", p(model), "--input", p(csv), "--batch-key", "batch", "--out", p(dir.resolve("a.jind")),
                "--st-batch-size", "0"), "--st-batch-size must be at least 1");
    }

    @Test
    public void helpAndUsage() {
        Result h = ok("run", "--help");
        for (String o : new String[] {"--source", "--out-dir", "--stages", "--align-lr", "--st-epochs", "--lr",
            "--threads", "--seed", "--json"}) {
            assertTrue(o + " in " + h.out(), h.out().contains(o));
        }
        Result none = cli();
        assertEquals(JindException.BAD_INPUT, none.code());
        assertTrue(none.out(), none.out().contains("Commands"));
        assertEquals(0, cli("--help").code());
        fails(args("trian"), "Unknown command 'trian'");
    }

    // ---- 5. diverging settings ----

    @Test
    public void divergingTrainingStopsWithExit2AndWritesNothing() {
        fails(args("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out",
                p(dir.resolve("never.jind")), "--lr", "1e30", "--epochs", "3", "--quiet"), "Training diverged",
                "--lr");
        Path out = dir.resolve("never-run");
        fails(args("run", "--source", p(data), "--source-batch", "batch0", "--target-batch", "batch1", "--batch-key",
                "batch", "--stages", "train", "--lr", "1e30", "--epochs", "3", "--out-dir", p(out), "--quiet"),
                "Training diverged", "--lr");
        assertFalse("run removes the out-dir it created", Files.exists(out));
    }

    @Test
    public void divergingAlignmentInRunLeavesNoStageFile() {
        Path out = dir.resolve("never-align");
        fails(args("run", "--source", p(data), "--source-batch", "batch0", "--target-batch", "batch1", "--batch-key",
                "batch", "--stages", "train,align", "--epochs", "2", "--align-lr", "1e6", "--max-epochs", "2",
                "--out-dir", p(out), "--quiet"), "Alignment diverged", "--align-lr");
        assertFalse("the train stage's files are removed with the out-dir", Files.exists(out));
        fails(args("align", "--model", p(model), "--input", p(data), "--batch-key", "batch", "--batch", "batch1",
                "--out", p(dir.resolve("never.jind")), "--align-lr", "1e6", "--max-epochs", "2", "--quiet"),
                "Alignment diverged", "--align-lr");
    }

    // ---- 2. CSV quoting ----

    @Test
    public void cellTypesAndIdsWithCommasQuotesAndNewlinesRoundTrip() throws Exception {
        String[] types = {"T, CD4", "B \"naive\"", "NK\ncell"};
        Dataset sim = Simulator.simulate(new Simulator.Settings(60, 40, 3, 1, 0.3, 0.3, 0.1, false, 2));
        String[] simTypes = sim.obs("cell_type");
        String[] sorted = Arrays.stream(simTypes).distinct().sorted().toArray(String[]::new);
        String[] renamed = new String[simTypes.length];
        String[] ids = new String[simTypes.length];
        for (int i = 0; i < renamed.length; i++) {
            renamed[i] = types[Arrays.asList(sorted).indexOf(simTypes[i])];
            ids[i] = "cell " + i + (i % 3 == 0 ? ",x" : i % 3 == 1 ? "\"q\"" : "\nline");
        }
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", renamed);
        Dataset odd = new Dataset(sim.matrix(), ids, sim.genes(), obs, "odd");
        Path dirOdd = tmp.newFolder("odd").toPath();
        Path in = dirOdd.resolve("odd.csv");
        DelimitedWriter.write(odd, in);
        Dataset back = DatasetReader.read(in, null, java.util.Set.of("cell_type"));
        assertArrayEquals("cell ids round-trip", ids, back.cellIds());
        assertArrayEquals("cell types round-trip", renamed, back.obs("cell_type"));
        assertArrayEquals(odd.genes(), back.genes());
        Path m = dirOdd.resolve("odd.jind");
        ok("train", "--input", p(in), "--out", p(m), "--epochs", "2", "--genes", "40", "--quiet");
        Path pred = dirOdd.resolve("pred.csv");
        ok("annotate", "--model", p(m), "--input", p(in), "--out", p(pred), "--probabilities", "--quiet");
        List<CSVRecord> rows;
        try (Reader r = Files.newBufferedReader(pred, StandardCharsets.UTF_8);
                CSVParser parser = PredictionsCsv.FORMAT.parse(r)) {
            rows = parser.getRecords();
        }
        String[] expectedTypes = Arrays.stream(types).sorted().toArray(String[]::new);
        List<String> header = new ArrayList<>(List.of("cell_id", "raw_prediction", "prediction", "confidence"));
        for (String t : expectedTypes) {
            header.add("prob_" + t);
        }
        assertEquals("each prob_<type> header is one field", header, List.of(rows.get(0).values()));
        assertEquals(ids.length + 1, rows.size());
        for (int i = 0; i < ids.length; i++) {
            CSVRecord r = rows.get(i + 1);
            assertEquals(header.size(), r.size());
            assertEquals(ids[i], r.get(0));
            assertTrue(r.get(1), Arrays.asList(types).contains(r.get(1)));
        }
        String text = Files.readString(pred);
        assertTrue(text, text.startsWith("cell_id,raw_prediction,prediction,confidence,\"prob_B \"\"naive\"\"\","
                + "\"prob_NK\ncell\",\"prob_T, CD4\"\n"));
    }

    // ---- 6. labels ----

    @Test
    public void runWithAPartlyLabelledTargetAnnotatesEveryCellWithoutScoring() throws Exception {
        Dataset sim = Simulator.simulate(new Simulator.Settings(40, 30, 2, 2, 0.3, 0.3, 0.1, false, 3));
        Path folder = tmp.newFolder("partly").toPath();
        Path source = folder.resolve("source.csv");
        DelimitedWriter.write(sim.selectBatch("batch", "batch0"), source);
        Dataset target = sim.selectBatch("batch", "batch1");
        String[] types = target.obs("cell_type");
        types[5] = "";
        Path targetFile = folder.resolve("target.csv");
        DelimitedWriter.write(new Dataset(target.matrix(), target.cellIds(), target.genes(),
                Map.of("cell_type", types), "target"), targetFile);
        Path out = folder.resolve("run");
        Result r = ok("run", "--source", p(source), "--target", p(targetFile), "--batch-key", "batch", "--stages",
                "train", "--epochs", "1",
                "--out-dir", p(out));
        assertTrue(r.err(), r.err().contains("1 target cell has no label in 'cell_type'; the stages are not scored."));
        assertTrue(r.out(), r.out().startsWith("train      rejected "));
        List<String> ids = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(out.resolve("predictions_train.csv"));
                CSVParser csv = CSVParser.parse(in, org.apache.commons.csv.CSVFormat.DEFAULT)) {
            csv.stream().skip(1).forEach(rec -> ids.add(rec.get(0)));
        }
        assertEquals("every target cell, in order", List.of(target.cellIds()), ids);
    }

    @Test
    public void missingLabelsAndTheReservedNameAreRefused() throws Exception {
        Dataset sim = Simulator.simulate(new Simulator.Settings(40, 30, 2, 1, 0.3, 0.3, 0.1, false, 3));
        Path labels = tmp.newFolder("labels").toPath();
        Path good = labels.resolve("good.csv");
        DelimitedWriter.write(sim, good);
        Path m = labels.resolve("m.jind");
        ok("train", "--input", p(good), "--batch-key", "batch", "--out", p(m), "--epochs", "1", "--quiet");
        String[] types = sim.obs("cell_type").clone();
        types[3] = "NaN";
        types[7] = "";
        Map<String, String[]> obs = new LinkedHashMap<>();
        obs.put("cell_type", types);
        Path f = labels.resolve("nan.csv");
        DelimitedWriter.write(new Dataset(sim.matrix(), sim.cellIds(), sim.genes(), obs, "nan"), f);
        fails(labels, args("train", "--input", p(f), "--out", p(labels.resolve("never.jind")), "--quiet"),
                "2 of 40 cells have no label (empty or NaN)", "'cell_type'", "remove those cells or fill in");
        String[] reserved = sim.obs("cell_type").clone();
        for (int i = 0; i < reserved.length; i++) {
            reserved[i] = reserved[i].equals(reserved[0]) ? "Unassigned" : reserved[i];
        }
        obs.put("cell_type", reserved);
        Path g = labels.resolve("reserved.csv");
        DelimitedWriter.write(new Dataset(sim.matrix(), sim.cellIds(), sim.genes(), obs, "reserved"), g);
        fails(labels, args("train", "--input", p(g), "--out", p(labels.resolve("never.jind")), "--quiet"),
                "'Unassigned'", "the name JIND gives rejected cells", "rename");
        // evaluation follows the same rule for the true labels
        obs.put("cell_type", types);
        fails(labels, args("evaluate", "--model", p(m), "--input", p(f), "--json"), "2 of 40 cells have no true"
                + " label");
    }

    @Test
    public void typesThatDifferOnlyInEndSpacesOrSpellUnassignedAreRefused() throws Exception {
        Dataset sim = Simulator.simulate(new Simulator.Settings(40, 30, 2, 1, 0.3, 0.3, 0.1, false, 3));
        Path labels = tmp.newFolder("spaced-labels").toPath();
        String[] types = sim.obs("cell_type");
        String first = types[0];
        String[] spaced = types.clone();
        int changed = 0;
        for (int i = 0; i < spaced.length && changed < 3; i++) {
            if (spaced[i].equals(first) && i > 0) {
                spaced[i] = first + " "; // the same type with a trailing space, as a hand-edited sheet has it
                changed++;
            }
        }
        Path f = labels.resolve("spaced.csv");
        DelimitedWriter.write(new Dataset(sim.matrix(), sim.cellIds(), sim.genes(), Map.of("cell_type", spaced), "s"),
                f);
        assertTrue("the file holds both spellings", Files.readString(f).contains(first + " "));
        fails(labels, args("train", "--input", p(f), "--out", p(labels.resolve("never.jind")), "--quiet"),
                "'cell_type' has the cell types '" + first + "' and '" + first + " '",
                "differ only in spaces at their ends");
        for (String reserved : new String[] {"unassigned", "UNASSIGNED", " Unassigned"}) {
            String[] r = types.clone();
            for (int i = 0; i < r.length; i++) {
                r[i] = r[i].equals(first) ? reserved : r[i];
            }
            Path g = labels.resolve("reserved.csv");
            DelimitedWriter.write(new Dataset(sim.matrix(), sim.cellIds(), sim.genes(), Map.of("cell_type", r), "r"),
                    g);
            fails(labels, args("train", "--input", p(g), "--out", p(labels.resolve("never.jind")), "--quiet"),
                    "a cell type named '" + reserved + "'", "the name JIND gives rejected cells (in any letter case)");
        }
    }

    @Test
    public void textInACsvGeneColumnNamesTheOptionsThatMakeItAnAnnotation() throws Exception {
        Path folder = tmp.newFolder("csv-options").toPath();
        Path f = folder.resolve("t.csv");
        Files.writeString(f, "cell,g1,g2,donor,cell_type\nc1,1,2,d1,T\nc2,0,1,d2,B\nc3,1,0,d1,T\nc4,2,0,d2,B\n");
        fails(folder, args("train", "--input", p(f), "--out", p(folder.resolve("m.jind")), "--quiet"), "t.csv, line 2,"
                + " column 'donor': 'd1' is not a number; every column after the cell id is a gene and holds numbers:"
                + " name text columns with --label-key or --batch-key.");
    }

    // ---- 7. files ----

    @Test
    public void a245CharacterOutputNameWorksAndLeavesNoTemporaryFile() throws Exception {
        Path d = tmp.newFolder("long").toPath();
        String name = "m".repeat(240) + ".jind";
        assertEquals(245, name.length());
        ok("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out", p(d.resolve(name)),
                "--epochs", "1", "--quiet");
        assertEquals(java.util.Set.of(name), listing(d));
    }

    /** A model file with a changed header and a valid checksum. */
    static Path rewritten(String fileName, java.util.function.Consumer<JsonObject> edit, int version) throws Exception {
        ModelFile.Content c = ModelFile.read(model);
        JsonObject h = c.header().deepCopy();
        edit.accept(h);
        byte[] b = ModelFile.toBytes(new ModelFile.Content(h, c.arrays()));
        ByteBuffer.wrap(b).putInt("JIND-MODEL\n".length(), version);
        int body = b.length - 32;
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        md.update(b, 0, body);
        System.arraycopy(md.digest(), 0, b, body, 32);
        Path f = tmp.getRoot().toPath().resolve(fileName);
        Files.write(f, b);
        return f;
    }

    @Test
    public void modelHeadersAreCheckedWhole() throws Exception {
        Map<Path, String> cases = new LinkedHashMap<>();
        cases.put(rewritten("v0.jind", h -> { }, 0), "format version 0");
        cases.put(rewritten("vneg.jind", h -> { }, -1), "format version -1");
        cases.put(rewritten("stage.jind", h -> h.addProperty("stage", "POLISHED"), 1), "stage 'POLISHED' is unknown");
        cases.put(rewritten("nosettings.jind", h -> h.remove("trainSettings"), 1), "lacks 'trainSettings'");
        cases.put(rewritten("noepochs.jind", h -> h.getAsJsonObject("trainSettings").remove("epochs"), 1),
                "training settings lack 'epochs'");
        cases.put(rewritten("badlr.jind", h -> h.getAsJsonObject("trainSettings").addProperty("learningRate", -1), 1),
                "training settings are out of range");
        cases.put(rewritten("noclasses.jind", h -> h.remove("classes"), 1), "lacks the list 'classes'");
        cases.put(rewritten("aligned.jind", h -> h.addProperty("stage", "ALIGNED"), 1), "lacks 'alignment'");
        for (Map.Entry<Path, String> c : cases.entrySet()) {
            fails(args("annotate", "--model", p(c.getKey()), "--input", p(csv), "--batch-key", "batch", "--out", p(dir.resolve("never.csv")),
                    "--quiet"), c.getKey().getFileName().toString(), "is not a valid JIND model file", c.getValue());
        }
        // the unchanged header passes the same path
        Path same = rewritten("same.jind", h -> { }, 1);
        Path out = tmp.getRoot().toPath().resolve("same.csv");
        ok("annotate", "--model", p(same), "--input", p(csv), "--batch-key", "batch", "--out", p(out), "--quiet");
    }
}
