package org.jind.core.data;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jind.core.JindException;

import io.jhdf.api.Attribute;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.object.datatype.EnumDataType;

/**
 * An AnnData data frame ({@code obs}, {@code var}, {@code raw/var}) as text: its index and its columns in every
 * element encoding of the AnnData on-disk specification a data frame holds — {@code array} (numbers, HDF5 booleans,
 * strings), {@code string-array}, {@code categorical} (codes with categories of any of these encodings),
 * {@code nullable-integer}, {@code nullable-boolean}, {@code nullable-string-array} — and the layouts of older
 * anndata (no encoding attributes, an index named {@code _index}, categories in {@code __categories}). Missing values
 * (a masked entry, the code -1) are null. Booleans read as pandas names them, {@code True} and {@code False}.
 * Whatever cannot be read gets a sentence naming the element and its encoding.
 */
final class AnnDataFrame {
    private AnnDataFrame() {
    }

    /** One column: its values as text (null where missing), and whether the file stores it as numbers. */
    record Column(String[] values, boolean numeric) {
    }

    /** The column encodings read, for messages. */
    private static final String READ = "array, string-array, categorical, nullable-integer, nullable-boolean and"
            + " nullable-string-array";

    /** The name of the frame's index element: its {@code _index} attribute, or {@code _index} in older files. */
    static String indexName(Group frame) {
        String name = stringAttr(frame, "_index");
        return name == null ? "_index" : name;
    }

    /**
     * The frame's index (cell ids or gene names, {@code what} names them in messages); refused when absent or with
     * a missing entry.
     */
    static String[] index(Group frame, String what, String src) {
        String name = indexName(frame);
        Node n = frame.getChild(name);
        if (n == null) {
            throw new JindException(src + ": " + path(frame) + " has no index element '" + name + "' (named by its"
                    + " _index attribute); it is not a valid AnnData file.");
        }
        String[] index = decode(frame, n, src).values;
        for (int i = 0; i < index.length; i++) {
            if (index[i] == null) {
                throw new JindException(src + ": the index of " + path(frame) + " (" + path(n) + ") has a missing"
                        + " entry at row " + (i + 1) + "; every one of the " + what + " needs a name.");
            }
        }
        return index;
    }

    /**
     * The frame's columns without the index, each as long as the index ({@code rows}): in the frame's
     * {@code column-order} (HDF5 itself lists members in no useful order), then any others.
     */
    static Map<String, Column> columns(Group frame, int rows, String src) {
        List<String> names = new ArrayList<>();
        Attribute order = frame.getAttribute("column-order");
        Object o = order == null ? null : order.getData();
        if (o instanceof String s) {
            names.add(s);
        } else if (o != null && o.getClass().isArray()) {
            for (int i = 0; i < Array.getLength(o); i++) {
                names.add(String.valueOf(Array.get(o, i)));
            }
        }
        for (String name : frame.getChildren().keySet()) {
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        Map<String, Column> out = new LinkedHashMap<>();
        String indexName = indexName(frame);
        for (String name : names) {
            Node n = frame.getChild(name);
            if (n == null || name.equals(indexName) || name.startsWith("__")) {
                continue;
            }
            Column c = decode(frame, n, src);
            if (c.values.length != rows) {
                throw new JindException(src + ": " + path(n) + " has " + c.values.length + " entries but "
                        + path(frame) + " has " + rows + " rows; it is not a valid AnnData file.");
            }
            out.put(name, c);
        }
        return out;
    }

    /** One element of the frame (a column or the index) by its encoding. */
    private static Column decode(Group frame, Node n, String src) {
        String encoding = stringAttr(n, "encoding-type");
        if (n instanceof Group g) {
            if ("categorical".equals(encoding) || encoding == null && g.getChild("codes") != null
                    && g.getChild("categories") != null) {
                return new Column(categorical(g, src), false);
            }
            if ("nullable-integer".equals(encoding) || "nullable-boolean".equals(encoding)
                    || "nullable-string-array".equals(encoding)) {
                return masked(g, encoding, src);
            }
        } else if (n instanceof io.jhdf.api.Dataset ds && (encoding == null || encoding.equals("array")
                || encoding.equals("string-array"))) {
            // older layout: integer codes here, categories in <frame>/__categories/<name>
            Node oldCategories = frame.getChild("__categories") instanceof Group cg ? cg.getChild(n.getName()) : null;
            if (oldCategories != null) {
                return new Column(decodeCodes(codes(ds, src), array(oldCategories, src), ds, src), false);
            }
            return new Column(array(ds, src), isNumber(ds));
        }
        throw new JindException(src + ": " + path(n) + " is " + (encoding == null ? "a group without an encoding-type"
                : "stored as '" + encoding + "'") + ", which JIND cannot read as a data frame column (it reads "
                + READ + "); remove that column from " + path(frame) + " or store it in one of those encodings.");
    }

    /** A categorical: codes (-1 missing) into categories of any one-dimensional encoding. */
    private static String[] categorical(Group g, String src) {
        Node codes = g.getChild("codes");
        Node categories = g.getChild("categories");
        if (!(codes instanceof io.jhdf.api.Dataset c) || categories == null) {
            throw new JindException(src + ": " + path(g) + " is a categorical without 'codes' and 'categories';"
                    + " it is not a valid AnnData file.");
        }
        String[] cats = categories instanceof Group cg ? masked(cg, stringAttr(cg, "encoding-type"), src).values
                : array(categories, src);
        return decodeCodes(codes(c, src), cats, codes, src);
    }

    private static String[] decodeCodes(long[] codes, String[] categories, Node where, String src) {
        String[] out = new String[codes.length];
        for (int i = 0; i < codes.length; i++) {
            if (codes[i] >= categories.length || codes[i] < -1) {
                throw new JindException(src + ": " + path(where) + " holds the code " + codes[i] + " but there are "
                        + categories.length + " categories; it is not a valid AnnData file.");
            }
            out[i] = codes[i] < 0 ? null : categories[(int) codes[i]];
        }
        return out;
    }

    private static long[] codes(io.jhdf.api.Dataset ds, String src) {
        Object d = data(ds, src);
        if (!isNumber(ds) || d instanceof float[] || d instanceof double[]) {
            throw new JindException(src + ": " + path(ds) + " holds " + ds.getJavaType().getSimpleName()
                    + " values where a categorical's integer codes belong; it is not a valid AnnData file.");
        }
        long[] out = new long[Array.getLength(d)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) Array.get(d, i)).longValue();
        }
        return out;
    }

    /** nullable-integer, -boolean or -string-array: {@code values} with {@code mask} (true = missing). */
    private static Column masked(Group g, String encoding, String src) {
        Node values = g.getChild("values");
        Node mask = g.getChild("mask");
        if (!(values instanceof io.jhdf.api.Dataset v) || !(mask instanceof io.jhdf.api.Dataset m)) {
            throw new JindException(src + ": " + path(g) + " is " + (encoding == null ? "a group without an"
                    + " encoding-type" : "a " + encoding + " without 'values' and 'mask'") + "; JIND cannot read it"
                    + " as a data frame column (it reads " + READ + ").");
        }
        String[] out = array(v, src);
        boolean[] missing = booleans(m, src);
        if (missing.length != out.length) {
            throw new JindException(src + ": " + path(g) + " has " + out.length + " values but a mask of "
                    + missing.length + "; it is not a valid AnnData file.");
        }
        for (int i = 0; i < out.length; i++) {
            if (missing[i]) {
                out[i] = null;
            }
        }
        return new Column(out, "nullable-integer".equals(encoding));
    }

    /** A one-dimensional dataset as text: numbers, HDF5 booleans as True/False, strings as they are. */
    private static String[] array(Node n, String src) {
        if (!(n instanceof io.jhdf.api.Dataset ds) || ds.getDimensions().length != 1) {
            throw new JindException(src + ": " + path(n) + " is " + (n instanceof io.jhdf.api.Dataset ds
                    ? ds.getDimensions().length + "-dimensional" : "a group") + " where a one-dimensional array belongs;"
                    + " JIND cannot read it as a data frame column (it reads " + READ + ").");
        }
        if (isBoolean(ds)) {
            boolean[] b = booleans(ds, src);
            String[] out = new String[b.length];
            for (int i = 0; i < b.length; i++) {
                out[i] = b[i] ? "True" : "False";
            }
            return out;
        }
        return H5adReader.toStrings(data(ds, src));
    }

    /**
     * A boolean dataset: an HDF5 boolean (h5py's int8 enum FALSE/TRUE, read by jHDF as the names), a bit field
     * or bytes (0 false, else true).
     */
    private static boolean[] booleans(io.jhdf.api.Dataset ds, String src) {
        Object d = data(ds, src);
        if (d instanceof boolean[] b) {
            return b;
        }
        boolean[] out = new boolean[Array.getLength(d)];
        for (int i = 0; i < out.length; i++) {
            Object v = Array.get(d, i);
            if (v instanceof Number num && !(v instanceof Float || v instanceof Double)) {
                out[i] = num.longValue() != 0;
            } else if ("TRUE".equals(v) || "FALSE".equals(v)) {
                out[i] = "TRUE".equals(v);
            } else {
                throw new JindException(src + ": " + path(ds) + " holds '" + v + "' where booleans belong; it is"
                        + " not a valid AnnData file.");
            }
        }
        return out;
    }

    /** An HDF5 boolean as h5py writes numpy's bool (an enum of FALSE = 0 and TRUE = 1), or a bit field. */
    private static boolean isBoolean(io.jhdf.api.Dataset ds) {
        return ds.getDataType() instanceof EnumDataType e && e.getEnumMapping().equals(Map.of(0, "FALSE", 1, "TRUE"))
                || ds.getJavaType() == boolean.class;
    }

    /** Plain numbers: not strings, not booleans. */
    private static boolean isNumber(io.jhdf.api.Dataset ds) {
        Class<?> t = ds.getJavaType();
        return t != boolean.class && t != Boolean.class && (t.isPrimitive() || Number.class.isAssignableFrom(t));
    }

    /** The dataset's values; an empty array for an empty one (jHDF gives null). */
    private static Object data(io.jhdf.api.Dataset ds, String src) {
        if (ds.getDimensions().length != 1) {
            throw new JindException(src + ": " + path(ds) + " is " + ds.getDimensions().length + "-dimensional where"
                    + " a one-dimensional array belongs; it is not a valid AnnData data frame.");
        }
        Object d = ds.getDimensions()[0] == 0 ? null : ds.getData();
        return d == null ? new String[0] : d;
    }

    /** The element's path in the file without the leading slash, e.g. {@code obs/cell_type}. */
    static String path(Node n) {
        String p = n.getPath();
        p = p.startsWith("/") ? p.substring(1) : p;
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    static String stringAttr(Node n, String name) {
        Attribute a = n.getAttribute(name);
        Object d = a == null ? null : a.getData();
        if (d == null) {
            return null;
        }
        return d instanceof String s ? s : d.getClass().isArray() && Array.getLength(d) == 1
                ? String.valueOf(Array.get(d, 0)) : null;
    }
}
