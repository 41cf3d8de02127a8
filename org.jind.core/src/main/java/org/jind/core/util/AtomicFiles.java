package org.jind.core.util;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jind.core.Progress;

/**
 * Writes outputs so that readers see either the old file or the complete new one, never a half-written file: the
 * content goes to a temporary file beside the target, which is then moved over it. Only a regular file (or
 * nothing) is ever replaced so: a symbolic link is followed and the file it names is replaced (the link stays a
 * link); a device, a named pipe (FIFO) and standard output ({@code -}, {@code /dev/stdout}) are written directly,
 * as a shell's {@code >} would; a directory is refused. The temporary name is short and fixed in length
 * ({@code .jind-<random>.part}), so any name the file system allows for the target works.
 * <p>
 * When the JVM exits before the work is done (Ctrl-C, SIGTERM), a shutdown hook deletes the temporary files still
 * being written and takes back what an unfinished {@link Undo} recorded; no write completes after that.
 */
public final class AtomicFiles {
    private static final Object LOCK = new Object();
    /** Guarded by {@link #LOCK}, as are the next two. */
    private static final Set<Path> IN_FLIGHT = new HashSet<>();
    private static final List<Undo> OPEN = new ArrayList<>();
    private static boolean exiting;

    /** Descriptor links: {@code /dev/stdout}, {@code /dev/fd/1}, {@code /proc/self/fd/1}, {@code /proc/<pid>/fd/1}. */
    private static final Pattern DESCRIPTOR = Pattern.compile("/dev/(stdout|stderr)|(/dev|/proc/(self|\\d+))/fd/(\\d+)");

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(AtomicFiles::exit, "jind-temporary-files"));
    }

    private AtomicFiles() {
    }

    /** Writes the content of a file given its path: for formats that need a file to seek in (HDF5). */
    @FunctionalInterface
    public interface Writer {
        void writeTo(Path tmp) throws IOException;
    }

    /** Writes the content to a stream: any destination, also a pipe, a device or standard output. */
    @FunctionalInterface
    public interface StreamWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    /** What a path names for writing. */
    public enum Kind {
        /** A regular file or nothing yet: replaced atomically. */
        FILE,
        /** The process's standard output or error stream (also through a descriptor link). */
        STANDARD_OUTPUT, STANDARD_ERROR,
        /** A device, a named pipe or a socket: written directly, never replaced. */
        DEVICE,
        /** A directory: refused. */
        DIRECTORY
    }

    /**
     * Where a write to a path goes.
     *
     * @param path the file to replace, the device to write into, or the directory; symbolic links followed
     */
    public record Destination(Path path, Kind kind) {
    }

    /**
     * What {@code target} names: {@code -} is standard output; symbolic links are followed, except descriptor links
     * ({@code /dev/stdout}, {@code /proc/self/fd/N}), which name a stream of this process whatever it is connected to.
     */
    public static Destination destination(Path target) throws IOException {
        if (target.toString().equals("-")) {
            return new Destination(target, Kind.STANDARD_OUTPUT);
        }
        Path p = target.toAbsolutePath().normalize();
        for (int links = 0;; links++) {
            Matcher m = DESCRIPTOR.matcher(p.toString());
            if (m.matches()) {
                String fd = m.group(1) != null ? m.group(1) : m.group(4);
                if (fd.equals("stdout") || fd.equals("1")) {
                    return new Destination(p, Kind.STANDARD_OUTPUT);
                }
                if (fd.equals("stderr") || fd.equals("2")) {
                    return new Destination(p, Kind.STANDARD_ERROR);
                }
                return new Destination(p, Kind.DEVICE);
            }
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            } catch (NoSuchFileException e) {
                return new Destination(p, Kind.FILE);
            }
            if (a.isSymbolicLink()) {
                if (links >= 40) {
                    throw new IOException(target + " is a loop of symbolic links");
                }
                p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
            } else {
                return new Destination(p, a.isDirectory() ? Kind.DIRECTORY
                        : a.isRegularFile() ? Kind.FILE : Kind.DEVICE);
            }
        }
    }

    /**
     * Refuses, before any work, a destination that cannot be written: a directory, a device or pipe without write
     * permission, or a file whose folder (the nearest one that exists when folders are to be created) is not
     * writable or is a file. Tried, not guessed from permission bits: a temporary file is created and deleted there.
     * The message completes a sentence that starts with the target's name.
     */
    public static void checkWritable(Path target) throws IOException {
        Destination d = destination(target);
        switch (d.kind()) {
            case DIRECTORY -> throw new IOException("is a directory; give a file name");
            case DEVICE -> {
                if (!Files.isWritable(d.path())) {
                    throw new IOException("is a device or pipe without write permission");
                }
            }
            case FILE -> {
                Path dir = d.path().getParent();
                while (dir != null && !Files.exists(dir)) {
                    dir = dir.getParent();
                }
                if (dir == null) {
                    return;
                }
                if (!Files.isDirectory(dir)) {
                    throw new IOException("cannot be created: " + dir + " is a file, not a folder");
                }
                try {
                    Files.delete(Files.createTempFile(dir, ".jind-", ".part"));
                } catch (IOException e) {
                    throw new IOException("cannot be written: the folder " + dir + " does not let us create files"
                            + " (read-only?)", e);
                }
            }
            default -> {
                // the process's own streams are always open
            }
        }
    }

    /** Writes a file that needs a path (HDF5): only to a regular file, which is replaced atomically. */
    public static void write(Path target, Writer writer) throws IOException {
        Destination d = destination(target);
        if (d.kind() != Kind.FILE) {
            throw new IOException(target + (d.kind() == Kind.DIRECTORY ? " is a directory"
                    : " is not a regular file (a pipe, a device or standard output); this format can only be written"
                            + " to a file"));
        }
        replace(d.path(), writer);
    }

    /**
     * Writes a stream's content: a regular file atomically, a device, pipe or standard stream directly (never
     * closing the process's own streams).
     */
    public static void writeStream(Path target, StreamWriter writer) throws IOException {
        Destination d = destination(target);
        switch (d.kind()) {
            case FILE -> replace(d.path(), tmp -> {
                try (OutputStream out = Files.newOutputStream(tmp)) {
                    writer.writeTo(out);
                }
            });
            case STANDARD_OUTPUT -> intoStream(System.out, writer);
            case STANDARD_ERROR -> intoStream(System.err, writer);
            case DEVICE -> {
                try (OutputStream out = Files.newOutputStream(d.path(), StandardOpenOption.WRITE)) {
                    writer.writeTo(out);
                }
            }
            default -> throw new IOException(target + " is a directory");
        }
    }

    public static void write(Path target, byte[] content) throws IOException {
        writeStream(target, out -> out.write(content));
    }

    private static void intoStream(PrintStream stream, StreamWriter writer) throws IOException {
        OutputStream kept = new FilterOutputStream(stream) {
            @Override
            public void write(byte[] b, int off, int len) {
                stream.write(b, off, len);
            }

            @Override
            public void close() {
                stream.flush(); // the process's stream stays open
            }
        };
        writer.writeTo(kept);
        stream.flush();
        if (stream.checkError()) {
            throw new IOException("the output stream was closed (a pipe whose reader stopped?)");
        }
    }

    /** The atomic replacement of a regular file (or nothing) at {@code abs}. */
    private static void replace(Path abs, Writer writer) throws IOException {
        Path dir = abs.getParent();
        Path tmp;
        synchronized (LOCK) {
            refuseWhenExiting();
            if (dir != null) {
                createDirectories(dir);
            }
            tmp = Files.createTempFile(dir, ".jind-", ".part");
            IN_FLIGHT.add(tmp);
        }
        boolean done = false;
        try {
            Files.delete(tmp); // some writers insist on creating the file themselves
            writer.writeTo(tmp);
            synchronized (LOCK) { // the exit hook cannot run between the move and its recording
                refuseWhenExiting();
                try {
                    Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
                }
                done = true;
                for (Undo u : OPEN) {
                    if (u.owner == Thread.currentThread()) {
                        u.files.add(abs);
                    }
                }
            }
        } finally {
            synchronized (LOCK) {
                if (!done) {
                    Files.deleteIfExists(tmp);
                }
                IN_FLIGHT.remove(tmp);
            }
        }
    }

    /** Creates the missing folders of {@code dir}, recording them in the calling thread's open undos. */
    /** Creates the folder and its missing parents, recorded by the calling thread's undos; returns those created. */
    private static List<Path> createDirectories(Path dir) throws IOException {
        List<Path> missing = new ArrayList<>();
        for (Path d = dir; d != null && !Files.exists(d); d = d.getParent()) {
            missing.add(d);
        }
        Files.createDirectories(dir);
        for (Undo u : OPEN) {
            if (u.owner == Thread.currentThread()) {
                u.dirs.addAll(0, missing); // deepest first: the order they are removed in
            }
        }
        return missing;
    }

    private static void refuseWhenExiting() {
        if (exiting) { // the JVM is going down (Ctrl-C, SIGTERM): nothing more is written
            throw new Progress.CancelledException();
        }
    }

    /**
     * The regular files (replaced or created) and folders this class writes from the thread that started it, taken
     * back unless the work is {@link #keep kept}: by {@link #revert}, or by the exit hook when the JVM exits first.
     * For work that writes several files, such as a pipeline run, that must leave all of them or none.
     */
    public static final class Undo {
        private final Thread owner = Thread.currentThread();
        private final List<Path> files = new ArrayList<>();
        private final List<Path> dirs = new ArrayList<>();

        private Undo() {
        }

        /** Starts recording what the calling thread writes. */
        public static Undo start() {
            Undo u = new Undo();
            synchronized (LOCK) {
                refuseWhenExiting();
                OPEN.add(u);
            }
            return u;
        }

        /** Creates a folder (and its missing parents), recording those created. */
        public void createDirectories(Path dir) throws IOException {
            synchronized (LOCK) {
                refuseWhenExiting();
                List<Path> created = AtomicFiles.createDirectories(dir.toAbsolutePath());
                if (owner != Thread.currentThread()) { // a worker thread's: recorded here too
                    dirs.addAll(0, created);
                }
            }
        }

        /**
         * Records a regular file written by another thread (a worker of this work), so that it is taken back with
         * the rest; the starting thread's own writes are recorded as they are written.
         */
        public void record(Path file) {
            synchronized (LOCK) {
                Path f = file.toAbsolutePath();
                if (!files.contains(f)) {
                    files.add(f);
                }
            }
        }

        /** The work is complete: what it wrote stays. */
        public void keep() {
            synchronized (LOCK) {
                OPEN.remove(this);
                files.clear();
                dirs.clear();
            }
        }

        /**
         * Deletes the files recorded, then the folders created if they are empty (never what someone else put
         * there meanwhile). Devices and pipes written directly are not recorded, so never deleted.
         */
        public void revert() throws IOException {
            synchronized (LOCK) {
                OPEN.remove(this);
                IOException failed = null;
                for (Path p : files) {
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        failed = e;
                    }
                }
                for (Path d : dirs) {
                    try (var entries = Files.list(d)) {
                        if (entries.findAny().isEmpty()) {
                            Files.delete(d);
                        }
                    } catch (NoSuchFileException e) {
                        // already gone
                    } catch (IOException e) {
                        failed = e;
                    }
                }
                files.clear();
                dirs.clear();
                if (failed != null) {
                    throw failed;
                }
            }
        }
    }

    /** The temporary files being written now (for tests). */
    static Set<Path> inFlight() {
        synchronized (LOCK) {
            return Set.copyOf(IN_FLIGHT);
        }
    }

    /** Deletes the temporary files still being written: part of what the shutdown hook does. */
    static void deleteInFlight() {
        synchronized (LOCK) {
            for (Path p : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // exiting anyway: nothing better to do than leave it
                }
            }
        }
    }

    /** The shutdown hook: no write completes from now on; temporary files and unfinished work are taken back. */
    private static void exit() {
        synchronized (LOCK) {
            exiting = true;
            deleteInFlight();
            for (Undo u : List.copyOf(OPEN)) {
                try {
                    u.revert();
                } catch (IOException e) {
                    // exiting anyway
                }
            }
        }
    }
}
