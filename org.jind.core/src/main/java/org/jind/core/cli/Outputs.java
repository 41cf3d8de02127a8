package org.jind.core.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jind.core.JindException;
import org.jind.core.util.AtomicFiles;

/**
 * The one place that refuses, before any work, an output that would replace an input: the same file however it
 * is spelled (relative or absolute, through symbolic or hard links), or an existing file inside an input
 * directory (a 10x folder); and an output that cannot be written (a directory, a read-only folder), so that a
 * command does not fail only after its work. A command names its inputs and outputs by the option the user typed.
 * How each output is written (a file atomically, a device, pipe or standard output directly) is
 * {@link AtomicFiles}'s.
 */
final class Outputs {
    private final Map<String, Path> inputs = new LinkedHashMap<>();

    /** Records an input (null: not given). */
    Outputs input(String option, Path path) {
        if (path != null) {
            inputs.put(option, path);
        }
        return this;
    }

    /** Checks an output file against every input and that it can be written. */
    Path output(String option, Path out) {
        writable(option, out);
        for (Map.Entry<String, Path> in : inputs.entrySet()) {
            if (overwrites(out, in.getValue())) {
                throw new JindException(option + " " + out + " is the input given as " + in.getKey() + " "
                        + in.getValue() + "; inputs are never overwritten: choose another output name.");
            }
        }
        return out;
    }

    /** Checks files a command will write into a directory (e.g. run's --out-dir) against every input. */
    void outputsIn(String option, Path dir, Iterable<String> names) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new JindException(option + " " + dir + " is a file; give a directory (it is created if missing).");
        }
        for (String name : names) {
            Path out = dir.resolve(name);
            writable(option + " " + dir + ":", out);
            for (Map.Entry<String, Path> in : inputs.entrySet()) {
                if (overwrites(out, in.getValue())) {
                    throw new JindException(option + " " + dir + " would replace the input given as " + in.getKey()
                            + " " + in.getValue() + " (it writes " + name + "); choose another directory.");
                }
            }
        }
    }

    /** Refuses, as {@code option} typed, an output that cannot be written ({@link AtomicFiles#checkWritable}). */
    private static void writable(String option, Path out) {
        try {
            AtomicFiles.checkWritable(out);
        } catch (IOException e) {
            throw new JindException(option + " " + out + " " + e.getMessage() + ".");
        }
    }

    /** What {@code out} names ({@link AtomicFiles#destination}); a file when that cannot be told (the write says why). */
    static AtomicFiles.Kind kind(Path out) {
        try {
            return AtomicFiles.destination(out).kind();
        } catch (IOException e) {
            return AtomicFiles.Kind.FILE;
        }
    }

    /**
     * Where a command says what it wrote to {@code out}: standard output, or standard error when the output itself
     * goes to standard output ({@code --out -}), which then holds the output only.
     */
    static PrintStream messages(Path out) {
        return kind(out) == AtomicFiles.Kind.STANDARD_OUTPUT ? System.err : System.out;
    }

    /** Whether writing {@code out} would replace {@code in} or a file of the input directory {@code in}. */
    static boolean overwrites(Path out, Path in) {
        if (!Files.exists(out) || !Files.exists(in)) {
            return false; // a file that does not exist yet cannot be an input
        }
        try {
            if (Files.isSameFile(out, in)) {
                return true;
            }
            Path parent = out.toAbsolutePath().getParent();
            return Files.isDirectory(in) && parent != null && Files.isSameFile(parent, in);
        } catch (IOException e) {
            // cannot tell: compare the spelled paths, the best we know
            return out.toAbsolutePath().normalize().equals(in.toAbsolutePath().normalize());
        }
    }
}
