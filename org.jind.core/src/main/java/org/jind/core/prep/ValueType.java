package org.jind.core.prep;

/**
 * What the source's values are, as {@link Preprocessing#fit} finds them; every later batch must hold values of the
 * same type ({@link BatchPreparer} refuses others), since the networks learnt that scale. CELLxGENE and scanpy files
 * hold several: counts in {@code raw} or a layer, normalised or scaled values in {@code X}.
 */
public enum ValueType {
    /** Whole numbers, not negative: JIND normalises them (counts per 10,000, log1p) in every batch. */
    COUNTS("counts", "raw counts"),
    /** Not all whole, none negative: normalised (e.g. log1p of counts per 10,000), used as they are. */
    NORMALISED("normalised", "normalised values"),
    /** Some negative: centred per gene (scanpy's {@code pp.scale}: mean 0, unit variance), used as they are. */
    SCALED("scaled", "scaled values"),
    /** Not counts, in a model saved before the value type was recorded: normalised or scaled, not known which. */
    NOT_COUNTS(null, "normalised or scaled values");

    private final String key;
    private final String text;

    ValueType(String key, String text) {
        this.key = key;
        this.text = text;
    }

    public boolean counts() {
        return this == COUNTS;
    }

    /** How a model file records it; null for {@link #NOT_COUNTS}, which is never written. */
    public String key() {
        return key;
    }

    /** The type a model file records as {@code key}, or null when there is none. */
    public static ValueType ofKey(String key) {
        for (ValueType t : values()) {
            if (t.key != null && t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }

    /** For messages: "raw counts", "normalised values", "scaled values". */
    @Override
    public String toString() {
        return text;
    }
}
