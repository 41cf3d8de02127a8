package org.jind.knime.build;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The knime-api-stub stand-in must declare exactly what the allow-list needs: everything listed resolves in it
 * with the same descriptor, and it declares nothing else (beyond what its own classes need to compile: super
 * constructors and implementations of used interface methods). Its code only throws.
 */
public class StandInMatchesAllowListTest {
    private static Map<String, ClassFile> standIn;
    private static SortedSet<String> allowList;

    @BeforeClass
    public static void load() throws Exception {
        standIn = readStandIn();
        allowList = Build.readAllowList();
    }

    @Test
    public void everyListedClassIsInTheStandIn() {
        List<String> missing = new ArrayList<>();
        for (String e : allowList) {
            if (e.startsWith("class ") && !standIn.containsKey(e.substring(6))) {
                missing.add(e);
            }
        }
        assertEquals("allow-listed classes missing from knime-api-stub", List.of(), missing);
    }

    @Test
    public void everyListedMemberResolvesWithItsDescriptor() {
        List<String> problems = new ArrayList<>();
        for (String e : allowList) {
            if (e.startsWith("class ")) {
                continue;
            }
            Member m = resolve(e);
            if (m == null) {
                problems.add("not found: " + e);
            } else if (e.startsWith("override ") && (Modifier.isFinal(m.getModifiers())
                    || Modifier.isStatic(m.getModifiers()) || Modifier.isPrivate(m.getModifiers()))) {
                problems.add("cannot be overridden: " + e);
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    public void theStandInDeclaresNothingUnused() {
        Set<Member> used = usedMembers();
        List<String> unused = new ArrayList<>();
        for (String name : standIn.keySet()) {
            Class<?> c = Reflect.load(name);
            for (Executable x : Reflect.executables(c)) {
                if (!x.isSynthetic() && Reflect.isApi(x.getModifiers()) && !used.contains(x)
                        && !annotationElementOrEnumMember(c, x)) {
                    unused.add(name + "." + Reflect.name(x) + Reflect.descriptor(x));
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (!f.isSynthetic() && Reflect.isApi(f.getModifiers()) && !used.contains(f)) {
                    unused.add(name + "." + f.getName());
                }
            }
        }
        assertEquals("stand-in members that the allow-list does not need (remove them)", List.of(), unused);
    }

    @Test
    public void everyStandInClassIsListedOrASupertypeOfOne() {
        List<Class<?>> listed = new ArrayList<>();
        for (String e : allowList) {
            if (e.startsWith("class ")) {
                listed.add(Reflect.load(e.substring(6)));
            }
        }
        List<String> extra = new ArrayList<>();
        for (String name : standIn.keySet()) {
            Class<?> c = Reflect.load(name);
            if (listed.stream().noneMatch(l -> l != null && c.isAssignableFrom(l))) {
                extra.add(name);
            }
        }
        assertEquals("stand-in classes nothing needs", List.of(), extra);
    }

    @Test
    public void standInCodeOnlyThrows() {
        List<String> wrong = new ArrayList<>();
        for (ClassFile cf : standIn.values()) {
            boolean hasCode = cf.methods.stream().anyMatch(m -> !m.isAbstract() && !m.name().equals("<clinit>"));
            boolean throwsUoe = cf.memberRefs.stream().anyMatch(r -> r.owner().equals(
                    "java/lang/UnsupportedOperationException") && r.name().equals("<init>"))
                    && cf.strings.contains("KNIME API stand-in");
            if (hasCode && !throwsUoe && !Reflect.load(cf.name).isEnum()) {
                wrong.add(cf.name);
            }
        }
        assertEquals("stand-in classes with code that does not throw UnsupportedOperationException", List.of(), wrong);
        assertTrue("the stand-in was found", standIn.size() > 20);
    }

    /**
     * Members a class file names without a reference the allow-list could hold: the elements of an annotation
     * (our classes carry their values, the annotation type is listed) and an enum's implicit values() and
     * valueOf(String) (compiled into every enum; their code is the compiler's, as is the enum's constructor), and
     * the method of a functional interface our lambdas implement (an invokedynamic names it only by name and
     * erased type).
     */
    private static boolean annotationElementOrEnumMember(Class<?> c, Executable x) {
        return c.isAnnotation() || c.isEnum() && (x.getName().equals("values") || x.getName().equals("valueOf"))
                || c.isAnnotationPresent(FunctionalInterface.class) && Modifier.isAbstract(x.getModifiers());
    }

    /** Members resolved by allow-list entries or by the stand-in's own references, closed under overriding. */
    private static Set<Member> usedMembers() {
        Set<Member> used = new HashSet<>();
        for (String e : allowList) {
            if (!e.startsWith("class ")) {
                Member m = resolve(e);
                assertNotNull(e, m);
                used.add(m);
            }
        }
        for (ClassFile cf : standIn.values()) {
            for (ClassFile.MemberRef r : cf.memberRefs) {
                Class<?> owner = standIn.containsKey(r.owner()) ? Reflect.load(r.owner()) : null;
                if (owner != null) {
                    used.add(r.field() ? Reflect.resolveField(owner, r.name(), r.descriptor())
                            : Reflect.resolve(owner, r.name(), r.descriptor()));
                }
            }
        }
        boolean grew = true;
        while (grew) {
            grew = false;
            for (String name : standIn.keySet()) {
                for (Method m : Reflect.load(name).getDeclaredMethods()) {
                    Method o = Reflect.overridden(m);
                    if (!used.contains(m) && o != null && used.contains(o)) {
                        used.add(m);
                        grew = true;
                    }
                }
            }
        }
        return used;
    }

    /** The stand-in member an allow-list entry names ("field O.n:d", "method O.n(…)…", "override …"). */
    private static Member resolve(String entry) {
        String ref = entry.substring(entry.indexOf(' ') + 1);
        boolean field = entry.startsWith("field ");
        int sep = field ? ref.indexOf(':') : ref.indexOf('(');
        String ownerAndName = ref.substring(0, sep);
        int dot = ownerAndName.lastIndexOf('.');
        Class<?> owner = Reflect.load(ownerAndName.substring(0, dot));
        if (owner == null) {
            return null;
        }
        String name = ownerAndName.substring(dot + 1);
        return field ? Reflect.resolveField(owner, name, ref.substring(sep + 1))
                : Reflect.resolve(owner, name, ref.substring(sep));
    }

    /** Every class of the stand-in, from its directory (reactor build) or its jar (local repository). */
    private static Map<String, ClassFile> readStandIn() throws IOException, URISyntaxException {
        Class<?> anchor = Reflect.load("org/knime/core/node/NodeModel");
        assertNotNull("knime-api-stub is on the test class path", anchor);
        Path where = Paths.get(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
        Map<String, ClassFile> out = new TreeMap<>();
        if (Files.isDirectory(where)) {
            for (Path p : KnimeApiUsage.classFiles(where)) {
                ClassFile cf = ClassFile.parse(Files.readAllBytes(p));
                out.put(cf.name, cf);
            }
            return out;
        }
        try (JarFile jar = new JarFile(where.toFile())) {
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements();) {
                JarEntry entry = e.nextElement();
                if (entry.getName().endsWith(".class")) {
                    try (InputStream in = jar.getInputStream(entry)) {
                        ClassFile cf = ClassFile.parse(in.readAllBytes());
                        out.put(cf.name, cf);
                    }
                }
            }
        }
        return out;
    }
}
