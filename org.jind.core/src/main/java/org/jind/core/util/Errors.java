package org.jind.core.util;

/** Short descriptions of exceptions for one-line user messages. */
public final class Errors {
    private Errors() {
    }

    /**
     * The exception's kind and the first line of its message: "NoSuchFileException: /x/y" rather than just
     * the path, or "IllegalStateException" rather than "null".
     */
    public static String describe(Throwable e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName() + (m == null || m.isBlank() ? "" : ": " + m.lines().findFirst().orElse(""));
    }
}
