package org.jind.core.util;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so that readers see either the old file or the complete new one, never a half-written file:
 * the content goes to a temporary file beside the target, which is then moved over it. The temporary name is
 * short and fixed in length ({@code .jind-<random>.part}), so any name the file system allows for the target
 * works; temporary files still being written when the JVM exits (Ctrl-C, SIGTERM) are deleted by a shutdown hook.
 */
public final class AtomicFiles {
    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::deleteInFlight, "jind-temporary-files"));
    }

    private AtomicFiles() {
    }

    /** Writes the content of a file given its path. */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path tmp) throws IOException;
    }

    public static void write(Path target, Writer writer) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".jind-", ".part");
        IN_FLIGHT.add(tmp);
        boolean done = false;
        try {
            Files.delete(tmp); // some writers insist on creating the file themselves
            writer.writeTo(tmp);
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
            done = true;
        } finally {
            if (!done) {
                Files.deleteIfExists(tmp);
            }
            IN_FLIGHT.remove(tmp);
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        write(target, tmp -> Files.write(tmp, content));
    }

    /** The temporary files being written now (for tests). */
    static Set<Path> inFlight() {
        return Set.copyOf(IN_FLIGHT);
    }

    /** Deletes the temporary files still being written: what the shutdown hook does when the JVM exits. */
    static void deleteInFlight() {
        for (Path p : IN_FLIGHT) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException e) {
                // exiting anyway: nothing better to do than leave it
            }
        }
    }
}
