package org.jind.knime.build;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a class file (JVMS §4) that the API checks need, read without a bytecode library: the class,
 * its supertypes, the constant pool's class and member references and strings, and the declared methods.
 */
final class ClassFile {
    /** A CONSTANT_Fieldref / Methodref / InterfaceMethodref entry. */
    record MemberRef(boolean field, String owner, String name, String descriptor) {
    }

    /** A declared method (or constructor, named "&lt;init&gt;"). */
    record Method(int access, String name, String descriptor) {
        boolean isAbstract() {
            return (access & 0x0400) != 0;
        }
    }

    final String name;
    final String superName;
    final List<String> interfaces = new ArrayList<>();
    /** Internal names of CONSTANT_Class entries (array classes as descriptors, e.g. "[Lorg/x/Y;"). */
    final List<String> classRefs = new ArrayList<>();
    final List<MemberRef> memberRefs = new ArrayList<>();
    /** Every CONSTANT_Utf8 string: names, descriptors, generic signatures, string literals. */
    final List<String> strings = new ArrayList<>();
    final List<Method> methods = new ArrayList<>();

    private ClassFile(String name, String superName) {
        this.name = name;
        this.superName = superName;
    }

    static ClassFile parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort(); // minor
        in.readUnsignedShort(); // major
        int count = in.readUnsignedShort();
        int[] tags = new int[count];
        int[] a = new int[count];
        int[] b = new int[count];
        String[] utf8 = new String[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            tags[i] = tag;
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF(); // u2 length + modified UTF-8, exactly readUTF's format
                case 3, 4 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++; // longs and doubles take two slots
                }
                case 7, 8, 16, 19, 20 -> a[i] = in.readUnsignedShort();
                case 9, 10, 11, 12, 17, 18 -> {
                    a[i] = in.readUnsignedShort();
                    b[i] = in.readUnsignedShort();
                }
                case 15 -> {
                    in.readUnsignedByte();
                    a[i] = in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        in.readUnsignedShort(); // access flags
        int thisClass = in.readUnsignedShort();
        int superClass = in.readUnsignedShort();
        ClassFile cf = new ClassFile(utf8[a[thisClass]], superClass == 0 ? null : utf8[a[superClass]]);
        int interfaces = in.readUnsignedShort();
        for (int i = 0; i < interfaces; i++) {
            cf.interfaces.add(utf8[a[in.readUnsignedShort()]]);
        }
        for (int i = 1; i < count; i++) {
            switch (tags[i]) {
                case 1 -> cf.strings.add(utf8[i]);
                case 7 -> cf.classRefs.add(utf8[a[i]]);
                case 9, 10, 11 -> {
                    int nameAndType = b[i];
                    cf.memberRefs.add(new MemberRef(tags[i] == 9, utf8[a[a[i]]], utf8[a[nameAndType]],
                            utf8[b[nameAndType]]));
                }
                default -> {
                }
            }
        }
        readMembers(in, utf8); // fields: not needed
        cf.methods.addAll(readMembers(in, utf8));
        return cf;
    }

    private static List<Method> readMembers(DataInputStream in, String[] utf8) throws IOException {
        List<Method> out = new ArrayList<>();
        int n = in.readUnsignedShort();
        for (int i = 0; i < n; i++) {
            int access = in.readUnsignedShort();
            int name = in.readUnsignedShort();
            int descriptor = in.readUnsignedShort();
            out.add(new Method(access, utf8[name], utf8[descriptor]));
            int attributes = in.readUnsignedShort();
            for (int k = 0; k < attributes; k++) {
                in.readUnsignedShort();
                in.skipNBytes(in.readInt() & 0xFFFFFFFFL);
            }
        }
        return out;
    }
}
