package org.jind.knime.workflows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * KNIME's XML config format (workflow.knime, settings.xml), read and written without KNIME: a tree of configs
 * holding typed entries, in order. Written as KNIME 5.5 writes it (XMLConfig namespace, 4-space indent, strings
 * escaped with KNIME's {@code %%ddddd} rule for characters XML cannot hold).
 */
final class KnimeConfig {
    static final String NAMESPACE = "http://www.knime.org/2008/09/XMLConfig";

    /** A typed value; {@code value} null is KNIME's {@code isnull="true"}. */
    record Entry(String key, String type, String value) {
    }

    final String key;
    private final Map<String, Object> items = new LinkedHashMap<>();

    KnimeConfig(String key) {
        this.key = key;
    }

    // ---- building -------------------------------------------------------------------------------------------

    KnimeConfig string(String k, String v) {
        return put(new Entry(k, "xstring", v));
    }

    KnimeConfig bool(String k, boolean v) {
        return put(new Entry(k, "xboolean", Boolean.toString(v)));
    }

    KnimeConfig integer(String k, int v) {
        return put(new Entry(k, "xint", Integer.toString(v)));
    }

    KnimeConfig longValue(String k, long v) {
        return put(new Entry(k, "xlong", Long.toString(v)));
    }

    KnimeConfig doubleValue(String k, double v) {
        return put(new Entry(k, "xdouble", Double.toString(v)));
    }

    /** A new (or the existing) sub-config. */
    KnimeConfig config(String k) {
        Object o = items.get(k);
        if (o instanceof KnimeConfig c) {
            return c;
        }
        KnimeConfig c = new KnimeConfig(k);
        items.put(k, c);
        return c;
    }

    /** KNIME's string array: a config with "array-size" and entries "0".."n-1". */
    KnimeConfig stringArray(String k, List<String> values) {
        KnimeConfig c = config(k);
        c.integer("array-size", values.size());
        for (int i = 0; i < values.size(); i++) {
            c.string(Integer.toString(i), values.get(i));
        }
        return this;
    }

    /** KNIME's int array (e.g. node bounds). */
    KnimeConfig intArray(String k, int... values) {
        KnimeConfig c = config(k);
        c.integer("array-size", values.length);
        for (int i = 0; i < values.length; i++) {
            c.integer(Integer.toString(i), values[i]);
        }
        return this;
    }

    KnimeConfig add(KnimeConfig child) {
        items.put(child.key, child);
        return this;
    }

    private KnimeConfig put(Entry e) {
        items.put(e.key(), e);
        return this;
    }

    // ---- reading --------------------------------------------------------------------------------------------

    List<String> keys() {
        return new ArrayList<>(items.keySet());
    }

    boolean has(String k) {
        return items.containsKey(k);
    }

    boolean isConfig(String k) {
        return items.get(k) instanceof KnimeConfig;
    }

    Entry entry(String k) {
        Object o = items.get(k);
        if (!(o instanceof Entry e)) {
            throw new AssertionError("'" + path(k) + "' is " + (o == null ? "missing" : "a config, not an entry"));
        }
        return e;
    }

    KnimeConfig child(String k) {
        Object o = items.get(k);
        if (!(o instanceof KnimeConfig c)) {
            throw new AssertionError("'" + path(k) + "' is " + (o == null ? "missing" : "an entry, not a config"));
        }
        return c;
    }

    String getString(String k) {
        return typed(k, "xstring").value();
    }

    boolean getBoolean(String k) {
        String v = typed(k, "xboolean").value();
        if (!"true".equals(v) && !"false".equals(v)) {
            throw new AssertionError("'" + path(k) + "' is not a boolean: " + v);
        }
        return Boolean.parseBoolean(v);
    }

    int getInt(String k) {
        return Integer.parseInt(typed(k, "xint").value());
    }

    long getLong(String k) {
        return Long.parseLong(typed(k, "xlong").value());
    }

    double getDouble(String k) {
        return Double.parseDouble(typed(k, "xdouble").value());
    }

    List<String> getStringArray(String k) {
        KnimeConfig c = child(k);
        int n = c.getInt("array-size");
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(c.getString(Integer.toString(i)));
        }
        if (c.keys().size() != n + 1) {
            throw new AssertionError("'" + path(k) + "' has entries beyond its array-size " + n + ": " + c.keys());
        }
        return out;
    }

    int[] getIntArray(String k) {
        KnimeConfig c = child(k);
        int[] out = new int[c.getInt("array-size")];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.getInt(Integer.toString(i));
        }
        return out;
    }

    private Entry typed(String k, String type) {
        Entry e = entry(k);
        if (!type.equals(e.type())) {
            throw new AssertionError("'" + path(k) + "' has type " + e.type() + ", expected " + type);
        }
        return e;
    }

    private String path(String k) {
        return key + "/" + k;
    }

    /** Same keys, types, values and order, recursively. */
    @Override
    public boolean equals(Object o) {
        return o instanceof KnimeConfig c && key.equals(c.key) && List.copyOf(items.entrySet()).equals(
                List.copyOf(c.items.entrySet()));
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + items.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        writeConfig(sb, this, 0, false);
        return sb.toString();
    }

    // ---- XML ------------------------------------------------------------------------------------------------

    static KnimeConfig parse(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document d = f.newDocumentBuilder().parse(in);
            Element root = d.getDocumentElement();
            if (!"config".equals(root.getLocalName()) || !NAMESPACE.equals(root.getNamespaceURI())) {
                throw new IOException(file + ": root is not a KNIME XMLConfig <config>");
            }
            return read(root);
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    private static KnimeConfig read(Element e) throws IOException {
        KnimeConfig c = new KnimeConfig(e.getAttribute("key"));
        NodeList children = e.getChildNodes();
        for (int i = 0; i < children.getLength(); i++) {
            Node n = children.item(i);
            if (n.getNodeType() == Node.TEXT_NODE && n.getTextContent().isBlank()
                    || n.getNodeType() == Node.COMMENT_NODE) {
                continue;
            }
            if (!(n instanceof Element child) || !NAMESPACE.equals(child.getNamespaceURI())) {
                throw new IOException("unexpected XML in config '" + c.key + "': " + n);
            }
            String k = child.getAttribute("key");
            if (c.items.containsKey(k)) {
                throw new IOException("config '" + c.key + "' has the key '" + k + "' twice");
            }
            switch (child.getLocalName()) {
                case "config" -> c.items.put(k, read(child));
                case "entry" -> {
                    boolean isNull = "true".equals(child.getAttribute("isnull"));
                    c.items.put(k, new Entry(k, child.getAttribute("type"),
                            isNull ? null : unescape(child.getAttribute("value"))));
                }
                default -> throw new IOException("unexpected element <" + child.getLocalName() + "> in '" + c.key
                        + "'");
            }
        }
        return c;
    }

    void write(Path file) throws IOException {
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        writeConfig(sb, this, 0, true);
        Files.createDirectories(file.getParent());
        Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
    }

    private static void writeConfig(StringBuilder sb, KnimeConfig c, int depth, boolean root) {
        indent(sb, depth);
        sb.append("<config");
        if (root) {
            sb.append(" xmlns=\"").append(NAMESPACE).append("\"")
                    .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
                    .append(" xsi:schemaLocation=\"").append(NAMESPACE)
                    .append(" http://www.knime.org/XMLConfig_2008_09.xsd\"");
        }
        sb.append(" key=\"").append(attribute(c.key)).append('"');
        if (c.items.isEmpty()) {
            sb.append("/>\n");
            return;
        }
        sb.append(">\n");
        for (Object o : c.items.values()) {
            if (o instanceof KnimeConfig child) {
                writeConfig(sb, child, depth + 1, false);
            } else {
                Entry e = (Entry) o;
                indent(sb, depth + 1);
                sb.append("<entry key=\"").append(attribute(e.key())).append("\" type=\"").append(e.type())
                        .append('"');
                if (e.value() == null) {
                    sb.append(" isnull=\"true\" value=\"\"");
                } else {
                    sb.append(" value=\"").append(attribute(escape(e.value()))).append('"');
                }
                sb.append("/>\n");
            }
        }
        indent(sb, depth);
        sb.append("</config>\n");
    }

    private static void indent(StringBuilder sb, int depth) {
        sb.append("    ".repeat(depth));
    }

    private static String attribute(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    /** KNIME's XMLUtils.escape: control and surrogate-range characters, and "%%", as %%ddddd. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 32 || c > 0xd7ff || (c == '%' && i < s.length() - 1 && s.charAt(i + 1) == '%')) {
                sb.append("%%").append(String.format("%05d", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** KNIME's XMLUtils.unescape. */
    static String unescape(String s) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%' && i < s.length() - 6 && s.charAt(i + 1) == '%' && s.substring(i + 2, i + 7).chars()
                    .allMatch(Character::isDigit)) {
                sb.append((char) Integer.parseInt(s.substring(i + 2, i + 7)));
                i += 6;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
