package org.jind.knime.build;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Class lookups in JVM terms (internal names, descriptors) without initialising any class. */
final class Reflect {
    private Reflect() {
    }

    static Class<?> load(String internalName) {
        try {
            return Class.forName(internalName.replace('/', '.'), false, Reflect.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    static String internalName(Class<?> c) {
        return c.getName().replace('.', '/');
    }

    static boolean isKnime(Class<?> c) {
        return c.getName().startsWith("org.knime.");
    }

    static String descriptor(Class<?> c) {
        if (c.isArray()) {
            return "[" + descriptor(c.getComponentType());
        }
        if (!c.isPrimitive()) {
            return "L" + internalName(c) + ";";
        }
        return switch (c.getName()) {
            case "void" -> "V";
            case "boolean" -> "Z";
            case "byte" -> "B";
            case "char" -> "C";
            case "short" -> "S";
            case "int" -> "I";
            case "long" -> "J";
            case "float" -> "F";
            case "double" -> "D";
            default -> throw new IllegalArgumentException(c.getName());
        };
    }

    static String parameters(Executable e) {
        StringBuilder sb = new StringBuilder("(");
        for (Class<?> p : e.getParameterTypes()) {
            sb.append(descriptor(p));
        }
        return sb.append(')').toString();
    }

    static String descriptor(Executable e) {
        return parameters(e) + (e instanceof Method m ? descriptor(m.getReturnType()) : "V");
    }

    static String name(Executable e) {
        return e instanceof Constructor ? "<init>" : e.getName();
    }

    /** Superclasses (nearest first), then all interfaces breadth first; {@code c} itself is not included. */
    static List<Class<?>> supertypes(Class<?> c) {
        Set<Class<?>> out = new LinkedHashSet<>();
        for (Class<?> s = c.getSuperclass(); s != null; s = s.getSuperclass()) {
            out.add(s);
        }
        Deque<Class<?>> queue = new ArrayDeque<>();
        queue.add(c);
        queue.addAll(out);
        List<Class<?>> interfaces = new ArrayList<>();
        while (!queue.isEmpty()) {
            for (Class<?> i : queue.poll().getInterfaces()) {
                if (!interfaces.contains(i)) {
                    interfaces.add(i);
                    queue.add(i);
                }
            }
        }
        out.addAll(interfaces);
        return new ArrayList<>(out);
    }

    /** Declared methods and constructors of {@code c}, bridges included. */
    static List<Executable> executables(Class<?> c) {
        List<Executable> out = new ArrayList<>(Arrays.asList(c.getDeclaredConstructors()));
        out.addAll(Arrays.asList(c.getDeclaredMethods()));
        return out;
    }

    static Executable declared(Class<?> c, String name, String descriptor) {
        for (Executable e : executables(c)) {
            if (name(e).equals(name) && descriptor(e).equals(descriptor)) {
                return e;
            }
        }
        return null;
    }

    static Field declaredField(Class<?> c, String name, String descriptor) {
        for (Field f : c.getDeclaredFields()) {
            if (f.getName().equals(name) && descriptor(f.getType()).equals(descriptor)) {
                return f;
            }
        }
        return null;
    }

    /** The method or constructor a reference resolves to: declared in {@code c} or inherited (JVMS §5.4.3.3). */
    static Executable resolve(Class<?> c, String name, String descriptor) {
        Executable e = declared(c, name, descriptor);
        if (e != null || name.equals("<init>")) {
            return e;
        }
        for (Class<?> s : supertypes(c)) {
            e = declared(s, name, descriptor);
            if (e != null) {
                return e;
            }
        }
        return null;
    }

    static Field resolveField(Class<?> c, String name, String descriptor) {
        Field f = declaredField(c, name, descriptor);
        if (f != null) {
            return f;
        }
        for (Class<?> s : supertypes(c)) {
            f = declaredField(s, name, descriptor);
            if (f != null) {
                return f;
            }
        }
        return null;
    }

    /** The nearest supertype method that {@code m} overrides (same name and parameters), or null. */
    static Method overridden(Method m) {
        if (Modifier.isStatic(m.getModifiers()) || Modifier.isPrivate(m.getModifiers())) {
            return null;
        }
        for (Class<?> s : supertypes(m.getDeclaringClass())) {
            for (Method candidate : s.getDeclaredMethods()) {
                if (candidate.getName().equals(m.getName())
                        && parameters(candidate).equals(parameters(m))
                        && !Modifier.isStatic(candidate.getModifiers())
                        && !Modifier.isPrivate(candidate.getModifiers())) {
                    return candidate;
                }
            }
        }
        return null;
    }

    static boolean isApi(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }
}
