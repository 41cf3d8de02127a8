package org.jind.core.util;

/** Counts in messages with the noun in the right number: "1 cell", "2 cells", "0 cells". */
public final class Plural {
    private Plural() {
    }

    /** {@code n} and the noun, plural formed with "s". */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    /** {@code n} and the noun, for nouns whose plural is not formed with "s". */
    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
