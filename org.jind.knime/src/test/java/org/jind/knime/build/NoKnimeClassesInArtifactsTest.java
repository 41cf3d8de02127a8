package org.jind.knime.build;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * The KNIME stand-in is compile-only: no class under org/knime/ may end up in what org.jind.knime or
 * org.jind.core build (their class directories and, once packaged, their jars).
 */
public class NoKnimeClassesInArtifactsTest {

    @Test
    public void noKnimeClassesInBuiltClassesOrJars() throws IOException {
        List<String> found = new ArrayList<>();
        for (String module : List.of("org.jind.knime", "org.jind.core")) {
            Path target = Build.module().resolveSibling(module).resolve("target");
            Path classes = target.resolve("classes");
            assertTrue(classes + " should exist (build the reactor first)", Files.isDirectory(classes));
            assertTrue("no classes in " + classes, KnimeApiUsage.classFiles(classes).size() > 5);
            if (Files.isDirectory(classes.resolve("org/knime"))) {
                found.add(classes.resolve("org/knime").toString());
            }
            try (Stream<Path> jars = Files.list(target)) {
                for (Path jar : jars.filter(p -> p.getFileName().toString().startsWith(module)
                        && p.toString().endsWith(".jar")).toList()) {
                    found.addAll(knimeEntries(jar));
                }
            }
        }
        assertEquals("KNIME classes in built artifacts", List.of(), found);
    }

    private static List<String> knimeEntries(Path jar) throws IOException {
        List<String> out = new ArrayList<>();
        try (JarFile f = new JarFile(jar.toFile())) {
            for (Enumeration<JarEntry> e = f.entries(); e.hasMoreElements();) {
                String name = e.nextElement().getName();
                if (name.startsWith("org/knime/")) {
                    out.add(jar.getFileName() + "!/" + name);
                }
            }
        }
        return out;
    }
}
