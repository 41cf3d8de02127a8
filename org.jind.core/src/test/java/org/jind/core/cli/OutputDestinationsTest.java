package org.jind.core.cli;

import static org.jind.core.cli.CliTest.cli;
import static org.jind.core.cli.CliTest.listing;
import static org.jind.core.cli.CliTest.p;
import static org.jind.core.cli.CliEdgeCasesTest.checksums;
import static org.jind.core.cli.CliEdgeCasesTest.fails;
import static org.jind.core.cli.CliEdgeCasesTest.ok;
import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jind.core.cli.CliTest.Result;
import org.jind.core.data.Dataset;
import org.jind.core.data.DelimitedWriter;
import org.jind.core.sim.Simulator;
import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/**
 * Outputs onto what is not a regular file: a named pipe, a device behind a symbolic link and standard output are
 * written directly and stay what they are; a symbolic link to a file stays a link; a directory and a folder that
 * cannot be written are refused before any work; a run stopped by SIGTERM takes back every file it wrote.
 */
public class OutputDestinationsTest {
    @ClassRule
    public static TemporaryFolder tmp = new TemporaryFolder();

    static Path dir;
    static Path data;
    static Path model;
    /** The predictions annotate writes to a regular file: what every other destination must receive. */
    static byte[] expected;

    @BeforeClass
    public static void simulateAndTrain() throws Exception {
        dir = tmp.newFolder("out").toPath();
        Dataset all = Simulator.simulate(new Simulator.Settings(60, 40, 3, 2, 0.3, 0.3, 0.1, false, 1));
        data = dir.resolve("x.csv");
        DelimitedWriter.write(all, data);
        model = dir.resolve("m.jind");
        ok("train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out", p(model), "--epochs",
                "2", "--quiet");
        Path file = dir.resolve("expected.csv");
        ok(annotate(file));
        expected = Files.readAllBytes(file);
        Files.delete(file);
    }

    static String[] annotate(Path out) {
        return new String[] {"annotate", "--input", p(data), "--batch-key", "batch", "--model", p(model), "--out",
                out.toString(), "--quiet"};
    }

    static BasicFileAttributes attributes(Path p) throws IOException {
        return Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    }

    static void mkfifo(Path p) throws Exception {
        Process mk = new ProcessBuilder("mkfifo", p.toString()).inheritIO().start();
        assertEquals("mkfifo " + p, 0, mk.waitFor());
    }

    @Test
    public void aNamedPipeGetsThePredictionsAndStaysAPipe() throws Exception {
        Path fifo = tmp.newFolder("fifo").toPath().resolve("predictions.csv");
        mkfifo(fifo);
        // a reader at the other end, as `cat fifo` would be: opening a pipe for writing waits for it
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Result r = ok(annotate(fifo));
        assertArrayEquals("the pipe's reader gets the predictions", expected, read.get(60, TimeUnit.SECONDS));
        BasicFileAttributes a = attributes(fifo);
        assertTrue("still a pipe", a.isOther());
        assertFalse(a.isRegularFile());
        assertEquals("only the pipe in its folder (no temporary file left)", List.of("predictions.csv"),
                List.copyOf(listing(fifo.getParent())));
        assertTrue(r.out(), r.out().contains("Annotated 120 cells"));
    }

    @Test
    public void aSymbolicLinkToTheNullDeviceStaysALinkAndTheDeviceADevice() throws Exception {
        Path devNull = Path.of("/dev/null");
        Object modeBefore = Files.getAttribute(devNull, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        Object inodeBefore = Files.getAttribute(devNull, "unix:ino", LinkOption.NOFOLLOW_LINKS);
        Path link = tmp.newFolder("devlink").toPath().resolve("null.csv");
        Files.createSymbolicLink(link, devNull);
        ok(annotate(link));
        assertTrue("still a link", attributes(link).isSymbolicLink());
        assertEquals(devNull, Files.readSymbolicLink(link));
        int mode = (Integer) Files.getAttribute(devNull, "unix:mode", LinkOption.NOFOLLOW_LINKS);
        assertEquals("/dev/null is still a character device (S_IFCHR)", 0020000, mode & 0170000);
        assertEquals(modeBefore, mode);
        assertEquals("the same device, not a file put in its place", inodeBefore,
                Files.getAttribute(devNull, "unix:ino", LinkOption.NOFOLLOW_LINKS));
        assertEquals(List.of("null.csv"), List.copyOf(listing(link.getParent())));
    }

    @Test
    public void aSymbolicLinkToAFileStaysALinkAndTheFileItNamesIsReplaced() throws Exception {
        Path folder = tmp.newFolder("filelink").toPath();
        Path target = folder.resolve("real.csv");
        Files.writeString(target, "old content\n");
        Path link = folder.resolve("latest.csv");
        Files.createSymbolicLink(link, Path.of("real.csv")); // relative, as `ln -s real.csv latest.csv` makes it
        ok(annotate(link));
        assertTrue("still a link", attributes(link).isSymbolicLink());
        assertEquals(Path.of("real.csv"), Files.readSymbolicLink(link));
        assertArrayEquals(expected, Files.readAllBytes(target));
        assertEquals(List.of("latest.csv", "real.csv"), List.copyOf(listing(folder)));
        // a link to a file not there yet: the file is created where the link points
        Path dangling = folder.resolve("next.csv");
        Files.createSymbolicLink(dangling, Path.of("made.csv"));
        ok(annotate(dangling));
        assertTrue(attributes(dangling).isSymbolicLink());
        assertArrayEquals(expected, Files.readAllBytes(folder.resolve("made.csv")));
    }

    @Test
    public void dashAndDevStdoutStreamThePredictionsToStandardOutputAndTheSummaryToStandardError() {
        for (String out : new String[] {"-", "/dev/stdout"}) {
            Result r = ok(annotate(Path.of(out)));
            assertEquals("standard output holds exactly the predictions (" + out + ")",
                    new String(expected, StandardCharsets.UTF_8), r.out());
            assertTrue(r.err(), r.err().contains("Annotated 120 cells (") && r.err().contains("to " + out));
        }
        assertTrue("/dev/stdout is still a link", Files.isSymbolicLink(Path.of("/dev/stdout")));
    }

    @Test
    public void aModelWrittenToStandardOutputIsTheModelFile() {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream messages = new java.io.ByteArrayOutputStream();
        int code;
        try { // the bytes as written: the model is binary
            System.setOut(new java.io.PrintStream(bytes, true));
            System.setErr(new java.io.PrintStream(messages, true, StandardCharsets.UTF_8));
            code = Main.run(new String[] {"train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0",
                "--out", "-", "--epochs", "2", "--quiet"});
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        String said = messages.toString(StandardCharsets.UTF_8);
        assertEquals(said, 0, code);
        org.jind.core.model.JindModel m = org.jind.core.model.JindModel.fromBytes(bytes.toByteArray(), "stdout");
        assertArrayEquals(new String[] {"type_A", "type_B", "type_C"}, m.classes);
        assertTrue(said, said.startsWith("Saved JIND model, trained") && said.contains("to -"));
    }

    @Test
    public void aDirectoryOrALinkToOneIsRefusedBeforeAnyWork() throws Exception {
        Path folder = tmp.newFolder("dirs").toPath();
        Path sub = Files.createDirectory(folder.resolve("predictions.csv"));
        Files.createSymbolicLink(folder.resolve("link.csv"), sub);
        fails(folder, annotate(sub), "--out " + sub + " is a directory; give a file name.");
        fails(folder, annotate(folder.resolve("link.csv")), "--out " + folder.resolve("link.csv")
                + " is a directory; give a file name.");
        // run: a stage file that is a directory is refused before training, not after it
        Path outDir = tmp.newFolder("run-dirs").toPath();
        Files.createDirectory(outDir.resolve("aligned.jind"));
        fails(outDir, new String[] {"run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
            "--target-batch", "batch1", "--out-dir", p(outDir), "--epochs", "2", "--max-epochs", "2", "--quiet"},
                "--out-dir " + outDir + ": " + outDir.resolve("aligned.jind") + " is a directory");
    }

    @Test
    public void aFolderThatCannotBeWrittenIsRefusedBeforeTraining() throws Exception {
        // /proc takes no new files, not even from root: refused up front, training never starts
        String[] train = {"train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out",
            "/proc/jind-test/m.jind", "--epochs", "2"};
        Result r = fails(dir, train, "--out /proc/jind-test/m.jind cannot be written: the folder /proc does not let"
                + " us create files (read-only?).");
        assertFalse("no training progress: " + r.err(), r.err().contains("epoch"));
        fails(dir, new String[] {"run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
            "--target-batch", "batch1", "--out-dir", "/proc/jind-test", "--epochs", "2"}, "--out-dir /proc/jind-test:",
                "the folder /proc does not let us create files");
        // a folder without write permission: refused exactly when the system refuses to create a file there
        // (root may write anyway, and then the model is written)
        Path ro = tmp.newFolder("read-only").toPath();
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("r-xr-xr-x"));
        boolean systemAllows;
        try {
            Files.delete(Files.createFile(ro.resolve("probe")));
            systemAllows = true;
        } catch (IOException e) {
            systemAllows = false;
        }
        String[] intoRo = {"train", "--input", p(data), "--batch-key", "batch", "--batch", "batch0", "--out",
            p(ro.resolve("m.jind")), "--epochs", "2", "--quiet"};
        if (systemAllows) {
            ok(intoRo);
            assertEquals(List.of("m.jind"), List.copyOf(listing(ro)));
        } else {
            fails(ro, intoRo, "--out " + ro.resolve("m.jind") + " cannot be written: the folder " + ro);
            assertEquals(List.of(), List.copyOf(listing(ro)));
        }
        Files.setPosixFilePermissions(ro, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    @Test
    public void anH5adOntoAPipeIsRefused() throws Exception {
        Path folder = tmp.newFolder("h5ad-pipe").toPath();
        Path fifo = folder.resolve("sim.h5ad");
        mkfifo(fifo);
        fails(folder, new String[] {"simulate", "--out", p(fifo), "--cells", "10"}, "--out " + fifo
                + " is not a regular file (a pipe, a device or standard output); an .h5ad file can only be written to"
                + " a file");
        assertTrue(attributes(fifo).isOther());
    }

    /**
     * run stopped by SIGTERM during alignment, in a JVM of its own (the CLI's main class on the test class path): it
     * exits 143 and the --out-dir it created is gone with the stage files it had written.
     */
    @Test
    public void aRunStoppedDuringAlignmentTakesBackWhatItWrote() throws Exception {
        Path parent = tmp.newFolder("stopped").toPath();
        Path outDir = parent.resolve("run");
        Path log = parent.resolve("..").resolve("stopped-stderr.txt").normalize();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
                "--target-batch", "batch1", "--out-dir", p(outDir), "--epochs", "2", "--max-epochs", "1000000",
                "--patience", "1000000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            // alignment has started when its progress shows; by then the train stage's files are written
            while (!Files.readString(log).contains("\nalign ") && System.nanoTime() < deadline && run.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue("alignment started: " + Files.readString(log), Files.readString(log).contains("\nalign "));
            assertEquals(List.of("model.jind", "predictions_train.csv"), List.copyOf(listing(outDir)));
            run.destroy(); // SIGTERM
            assertTrue("exited", run.waitFor(60, TimeUnit.SECONDS));
            assertEquals("the exit code of SIGTERM", 143, run.exitValue());
        } finally {
            run.destroyForcibly();
        }
        assertFalse("the --out-dir this run created is gone", Files.exists(outDir));
        assertEquals("nothing else is left", List.of(), List.copyOf(listing(parent)));
        Files.delete(log);
    }

    @Test
    public void aRunStoppedInAnExistingFolderLeavesWhatWasThereBefore() throws Exception {
        Path outDir = tmp.newFolder("existing").toPath();
        Files.writeString(outDir.resolve("notes.txt"), "mine\n");
        var before = checksums(outDir);
        Path log = outDir.getParent().resolve("existing-stderr.txt");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process run = new ProcessBuilder(java, "-Xmx1g", "-cp", System.getProperty("java.class.path"),
                Main.class.getName(), "run", "--source", p(data), "--batch-key", "batch", "--source-batch", "batch0",
                "--target-batch", "batch1", "--out-dir", p(outDir), "--epochs", "2", "--max-epochs", "1000000",
                "--patience", "1000000")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(log.toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.readString(log).contains("\nalign ") && System.nanoTime() < deadline && run.isAlive()) {
                Thread.sleep(100);
            }
            assertTrue("alignment started: " + Files.readString(log), Files.readString(log).contains("\nalign "));
            assertTrue(listing(outDir).contains("model.jind"));
            run.destroy();
            assertTrue(run.waitFor(60, TimeUnit.SECONDS));
            assertEquals(143, run.exitValue());
        } finally {
            run.destroyForcibly();
        }
        assertEquals("only what was there before", before, checksums(outDir));
        Files.delete(log);
    }
}
