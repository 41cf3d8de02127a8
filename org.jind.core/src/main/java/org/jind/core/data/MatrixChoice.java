package org.jind.core.data;

import java.util.Objects;

import org.jind.core.JindException;

/**
 * Which matrix of an AnnData file holds the values to read: {@code X}, {@code raw} ({@code raw/X}, whose genes are
 * those of {@code raw/var}, often more than {@code var}'s) or a layer ({@code layers/NAME}, with {@code var}'s
 * genes). CELLxGENE and scanpy keep normalised or scaled values in {@code X} and the counts in {@code raw} or a
 * layer. Written as the user types it ({@link #of}, {@link #toString}): {@code X}, {@code raw} or the layer's name;
 * a layer called {@code X} or {@code raw} as {@code layers/X}, {@code layers/raw}. Immutable.
 *
 * @param layer the layer's name for {@link Kind#LAYER}, else null
 */
public record MatrixChoice(Kind kind, String layer) {
    /** The three places AnnData keeps a cells × genes matrix. */
    public enum Kind { X, RAW, LAYER }

    public static final MatrixChoice X = new MatrixChoice(Kind.X, null);
    public static final MatrixChoice RAW = new MatrixChoice(Kind.RAW, null);

    private static final String LAYERS = "layers/";

    public MatrixChoice {
        Objects.requireNonNull(kind);
        if ((kind == Kind.LAYER) != (layer != null && !layer.isEmpty())) {
            throw new IllegalArgumentException("a layer, and only a layer, has a name");
        }
    }

    public static MatrixChoice layer(String name) {
        return new MatrixChoice(Kind.LAYER, name);
    }

    /**
     * The matrix {@code text} names: {@code X}, {@code raw} (or {@code raw/X}), {@code layers/NAME} or a layer's bare
     * name; surrounding blanks are ignored. {@code what} names the setting in the message when the text is blank.
     */
    public static MatrixChoice of(String text, String what) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.equals(LAYERS)) {
            throw new JindException(what + " is empty; give X, raw or the name of a layer.");
        }
        if (t.equals("X")) {
            return X;
        }
        if (t.equals("raw") || t.equals("raw/X")) {
            return RAW;
        }
        return layer(t.startsWith(LAYERS) ? t.substring(LAYERS.length()) : t);
    }

    /** The matrix's place in the file: {@code X}, {@code raw/X} or {@code layers/NAME}. */
    public String path() {
        return switch (kind) {
            case X -> "X";
            case RAW -> "raw/X";
            case LAYER -> LAYERS + layer;
        };
    }

    /** The dataframe naming the matrix's genes: {@code raw/var} for raw, else {@code var}. */
    String varPath() {
        return kind == Kind.RAW ? "raw/var" : "var";
    }

    /** For messages: "X", "raw" or "the layer 'counts'". */
    public String describe() {
        return kind == Kind.LAYER ? "the " + label() : toString();
    }

    /** For messages after "no": "X", "raw" or "layer 'counts'". */
    public String label() {
        return kind == Kind.LAYER ? "layer '" + layer + "'" : toString();
    }

    /** As the user types it, and as a model records it: X, raw, or the layer's name. */
    @Override
    public String toString() {
        return switch (kind) {
            case X -> "X";
            case RAW -> "raw";
            case LAYER -> layer.equals("X") || layer.equals("raw") ? LAYERS + layer : layer;
        };
    }
}
