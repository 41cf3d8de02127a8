package org.jind.core.cli;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.jind.core.JindException;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

import com.google.gson.JsonParser;

/** {@code plot} and {@code --plots} through the real entry point: which files, and refusals that write nothing. */
public class PlotCliTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path dir;
    static Path data;
    static Path model;

    @BeforeClass
    public static void simulateAndTrain() {
        System.setProperty("java.awt.headless", "true");
        dir = tmp.getRoot().toPath();
        data = dir.resolve("x.h5ad");
        CliTest.ok("simulate", "--out", data.toString(), "--cells", "150", "--genes", "200", "--types", "3",
                "--batches", "2");
        model = dir.resolve("m.jind");
        CliTest.ok("train", "--input", data.toString(), "--batch-key", "batch", "--batch", "batch0", "--out",
                model.toString(), "--epochs", "3", "--quiet");
    }

    static Set<String> files(String... names) {
        Set<String> s = new TreeSet<>();
        for (String n : names) {
            s.add(n + ".png");
            s.add(n + ".svg");
        }
        return s;
    }

    @Test
    public void plotDrawsWhatTheModelAloneAllows() {
        Path out = dir.resolve("model-plots");
        CliTest.Result r = CliTest.ok("plot", "--model", model.toString(), "--out", out.toString());
        assertEquals(files("training", "confidence-validation", "latent-source"), CliTest.listing(out));
        assertTrue(r.out(), r.out().contains("Wrote 3 figures"));
    }

    @Test
    public void evaluateWithPlotsKeepsStdoutForTheJson() throws Exception {
        Path out = dir.resolve("eval-plots");
        CliTest.Result r = CliTest.ok("evaluate", "--model", model.toString(), "--input", data.toString(),
                "--batch-key", "batch", "--batch", "batch1", "--json", "--plots", out.toString());
        assertTrue(JsonParser.parseString(r.out().strip()).getAsJsonObject().has("raw"));
        assertEquals(files("training", "confusion", "confidence", "latent-before"), CliTest.listing(out));
        assertTrue(Files.size(out.resolve("confusion.png")) > 5000);
    }

    @Test
    public void plotRefusesBeforeAnyWork() {
        Path file = dir.resolve("m.jind");
        Set<String> before = CliTest.listing(dir);
        CliTest.Result r = CliTest.cli("plot", "--model", model.toString(), "--out", file.toString());
        assertEquals(r.err(), JindException.BAD_INPUT, r.code());
        assertTrue(r.err(), r.err().startsWith("error: --out") && r.err().contains("is a file"));
        r = CliTest.cli("plot", "--model", model.toString(), "--batch", "batch1", "--out", dir.resolve("n").toString());
        assertEquals(r.err(), JindException.BAD_INPUT, r.code());
        assertTrue(r.err(), r.err().contains("--input"));
        r = CliTest.cli("plot", "--model", model.toString(), "--input", data.toString(), "--label-key", "nope",
                "--out", dir.resolve("n").toString());
        assertEquals(r.err(), JindException.BAD_INPUT, r.code());
        assertTrue(r.err(), r.err().contains("nope"));
        assertFalse(r.err().strip().contains("\n"));
        assertEquals("nothing written", before, CliTest.listing(dir));
    }
}
