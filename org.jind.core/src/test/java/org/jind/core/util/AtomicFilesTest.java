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
}
