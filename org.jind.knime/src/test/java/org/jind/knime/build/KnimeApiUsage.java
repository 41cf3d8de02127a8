package org.jind.knime.build;

import java.io.IOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The KNIME API that compiled classes depend on, as sorted lines:
 * <ul>
 * <li>{@code class org/knime/…} — every KNIME class named anywhere (references, descriptors, signatures);</li>
 * <li>{@code field Owner.name:descriptor} and {@code method Owner.name(…)…} — fields read and methods or
 * constructors called;</li>
 * <li>{@code override Owner.name(…)…} — KNIME methods our classes override or implement.</li>
 * </ul>
 * A member that our code reaches through one of our own subclasses (e.g. {@code setWarningMessage} called in a
 * node model) is named on the first KNIME superclass, as that is what must provide it.
 */
final class KnimeApiUsage {
    private static final Pattern KNIME_TYPE = Pattern.compile("L(org/knime/[^;<]+)[;<]");

    private KnimeApiUsage() {
    }

    static List<Path> classFiles(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    static SortedSet<String> of(Path classesDir) throws IOException {
        SortedSet<String> out = new TreeSet<>();
        for (Path p : classFiles(classesDir)) {
            ClassFile cf = ClassFile.parse(Files.readAllBytes(p));
            for (String c : cf.classRefs) {
                addClass(out, c);
            }
            for (String s : cf.strings) {
                Matcher m = KNIME_TYPE.matcher(s);
                while (m.find()) {
                    out.add("class " + m.group(1));
                }
            }
            for (ClassFile.MemberRef r : cf.memberRefs) {
                addReference(out, r);
            }
            addOverrides(out, Reflect.load(cf.name));
        }
        return out;
    }

    private static void addClass(SortedSet<String> out, String ref) {
        String name = ref.replaceFirst("^\\[+L?", "").replaceFirst(";$", "");
        if (name.startsWith("org/knime/")) {
            out.add("class " + name);
        }
    }

    private static void addReference(SortedSet<String> out, ClassFile.MemberRef r) {
        if (r.owner().startsWith("[")) {
            return; // array methods such as clone()
        }
        String kind = r.field() ? "field " : "method ";
        String member = r.name() + (r.field() ? ":" : "") + r.descriptor();
        if (r.owner().startsWith("org/knime/")) {
            out.add(kind + r.owner() + "." + member);
            return;
        }
        if (!r.owner().startsWith("org/jind/knime/")) {
            return;
        }
        // our class as qualifying type: does the member come from KNIME?
        Class<?> owner = Reflect.load(r.owner());
        Class<?> declaring = r.field() ? declaringOfField(owner, r) : declaringOf(owner, r);
        if (declaring != null && Reflect.isKnime(declaring)) {
            out.add(kind + Reflect.internalName(knimeOwner(owner, declaring)) + "." + member);
        }
    }

    private static Class<?> declaringOf(Class<?> owner, ClassFile.MemberRef r) {
        Executable e = Reflect.resolve(owner, r.name(), r.descriptor());
        return e == null ? null : e.getDeclaringClass();
    }

    private static Class<?> declaringOfField(Class<?> owner, ClassFile.MemberRef r) {
        Field f = Reflect.resolveField(owner, r.name(), r.descriptor());
        return f == null ? null : f.getDeclaringClass();
    }

    /** The first KNIME superclass of our class (or the declaring KNIME interface). */
    private static Class<?> knimeOwner(Class<?> ours, Class<?> declaring) {
        for (Class<?> s = ours.getSuperclass(); s != null; s = s.getSuperclass()) {
            if (Reflect.isKnime(s) && declaring.isAssignableFrom(s)) {
                return s;
            }
        }
        return declaring;
    }

    private static void addOverrides(SortedSet<String> out, Class<?> c) {
        if (c == null || Reflect.isKnime(c)) {
            return;
        }
        List<Method> methods = new ArrayList<>(List.of(c.getDeclaredMethods()));
        for (Method m : methods) {
            Method o = Reflect.overridden(m);
            if (o != null && Reflect.isKnime(o.getDeclaringClass())) {
                out.add("override " + Reflect.internalName(o.getDeclaringClass()) + "." + o.getName()
                        + Reflect.descriptor(o));
            }
        }
    }
}
