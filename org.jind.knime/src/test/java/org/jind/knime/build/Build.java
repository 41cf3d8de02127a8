package org.jind.knime.build;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.SortedSet;
import java.util.TreeSet;

/** Paths of this module and its neighbours, and the committed allow-list. */
final class Build {
    /** Set to regenerate the allow-list instead of comparing (see the file's header). */
    static final String WRITE_PROPERTY = "jind.allowlist.write";

    private Build() {
    }

    /** org.jind.knime's directory (surefire runs the tests there and also sets "basedir"). */
    static Path module() {
        return Paths.get(System.getProperty("basedir", "")).toAbsolutePath();
    }

    static Path classes() {
        return module().resolve("target/classes");
    }

    static Path allowList() {
        return module().resolve("knime-api-allowlist.txt");
    }

    static SortedSet<String> readAllowList() throws IOException {
        SortedSet<String> out = new TreeSet<>();
        for (String line : Files.readAllLines(allowList(), StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (!l.isEmpty() && !l.startsWith("#")) {
                out.add(l);
            }
        }
        return out;
    }

    static void writeAllowList(SortedSet<String> entries) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append("# KNIME API members that org.jind.knime's compiled classes use: every KNIME class they name,\n");
        sb.append("# every field and method (constructors: <init>) they reference, every KNIME method they\n");
        sb.append("# override. ");
        sb.append("JVM notation: internal class names, descriptors. Checked against target/classes by\n");
        sb.append("# KnimeApiAllowListTest, and against the knime-api-stub stand-in by StandInMatchesAllowListTest.\n");
        sb.append("# Verify new entries in KNIME's sources (knime-core, tag analytics-platform/5.5.0),\n");
        sb.append("# then regenerate:\n");
        sb.append("#   mvn -o install -DskipTests && mvn -o test -pl org.jind.knime -D" + WRITE_PROPERTY + "\n");
        for (String e : entries) {
            sb.append(e).append('\n');
        }
        Files.writeString(allowList(), sb.toString(), StandardCharsets.UTF_8);
    }
}
