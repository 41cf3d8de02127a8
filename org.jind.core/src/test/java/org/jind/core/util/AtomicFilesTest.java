package org.jind.core.util;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;

/** Temporary files of atomic writes: short names, registered while written, deleted when the JVM exits. */
public class AtomicFilesTest {
    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    public void temporaryFileIsShortRegisteredAndGoneAfterTheWrite() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Path target = dir.resolve("t".repeat(250));
        Path[] seen = new Path[1];
        AtomicFiles.write(target, t -> {
            seen[0] = t;
            assertTrue("registered while written", AtomicFiles.inFlight().contains(t));
            assertTrue(t.getFileName().toString(), t.getFileName().toString().length() < 40);
            Files.writeString(t, "content");
        });
        assertEquals(List.of(target.getFileName().toString()), names(dir));
        assertEquals("content", Files.readString(target));
        assertFalse(AtomicFiles.inFlight().contains(seen[0]));
    }

    @Test
    public void theExitHookDeletesAFileStillBeingWritten() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Path target = dir.resolve("model.jind");
        try {
            AtomicFiles.write(target, t -> {
                Files.writeString(t, "half");
                AtomicFiles.deleteInFlight(); // what the shutdown hook does when the JVM exits now
                assertFalse(Files.exists(t));
            });
            fail("the move of a deleted temporary file cannot succeed");
        } catch (IOException expected) {
            // the write fails: there is nothing to move
        }
        assertEquals("neither the target nor a .part file", List.of(), names(dir));
        assertTrue(AtomicFiles.inFlight().isEmpty());
    }

    @Test
    public void destinationsFollowLinksToWhatTheyName() throws Exception {
        Path dir = tmp.getRoot().toPath();
        assertEquals(AtomicFiles.Kind.STANDARD_OUTPUT, AtomicFiles.destination(Path.of("-")).kind());
        assertEquals(AtomicFiles.Kind.STANDARD_OUTPUT, AtomicFiles.destination(Path.of("/dev/stdout")).kind());
        assertEquals(AtomicFiles.Kind.STANDARD_OUTPUT, AtomicFiles.destination(Path.of("/proc/self/fd/1")).kind());
        assertEquals(AtomicFiles.Kind.STANDARD_ERROR, AtomicFiles.destination(Path.of("/dev/stderr")).kind());
        assertEquals(AtomicFiles.Kind.DEVICE, AtomicFiles.destination(Path.of("/dev/null")).kind());
        Path fifo = dir.resolve("pipe");
        assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor());
        assertEquals(AtomicFiles.Kind.DEVICE, AtomicFiles.destination(fifo).kind());
        assertEquals(AtomicFiles.Kind.DIRECTORY, AtomicFiles.destination(dir).kind());
        Path file = Files.writeString(dir.resolve("real.csv"), "x");
        Files.createSymbolicLink(dir.resolve("a"), Path.of("b"));
        Files.createSymbolicLink(dir.resolve("b"), file);
        assertEquals(new AtomicFiles.Destination(file, AtomicFiles.Kind.FILE),
                AtomicFiles.destination(dir.resolve("a")));
        Files.createSymbolicLink(dir.resolve("loop1"), Path.of("loop2"));
        Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));
        try {
            AtomicFiles.destination(dir.resolve("loop1"));
            fail("a loop of links names nothing");
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().endsWith("loop1 is a loop of symbolic links"));
        }
        // a format that needs a file to seek in is not written to a pipe (which would wait for a reader)
        try {
            AtomicFiles.write(fifo, t -> Files.writeString(t, "never"));
            fail();
        } catch (IOException e) {
            assertTrue(e.getMessage(), e.getMessage().contains("is not a regular file"));
        }
        assertTrue(Files.readAttributes(fifo, java.nio.file.attribute.BasicFileAttributes.class,
                java.nio.file.LinkOption.NOFOLLOW_LINKS).isOther());
    }

    @Test
    public void anUndoTakesBackTheFilesAndFoldersItsThreadWroteAndNothingElse() throws Exception {
        Path dir = tmp.getRoot().toPath();
        Path mine = Files.writeString(dir.resolve("mine.txt"), "kept");
        AtomicFiles.Undo undo = AtomicFiles.Undo.start();
        AtomicFiles.write(dir.resolve("new/deeper/a.csv"), "a".getBytes());
        AtomicFiles.write(mine, "replaced".getBytes());
        Thread other = new Thread(() -> {
            try {
                AtomicFiles.write(dir.resolve("other.csv"), "b".getBytes());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        other.start();
        other.join();
        undo.revert();
        assertEquals("the new folders and the replaced file are gone; another thread's file stays",
                List.of("other.csv"), names(dir));
        AtomicFiles.Undo kept = AtomicFiles.Undo.start();
        AtomicFiles.write(dir.resolve("k.csv"), "k".getBytes());
        kept.keep();
        AtomicFiles.write(dir.resolve("after.csv"), "z".getBytes()); // not recorded once kept
        kept.revert();
        assertEquals(List.of("after.csv", "k.csv", "other.csv"), names(dir));
    }
}
