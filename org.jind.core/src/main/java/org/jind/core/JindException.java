package org.jind.core;

/**
 * A problem the user can fix (bad input, wrong option, damaged file). Its message is one sentence meant
 * to be shown as is, without a stack trace; the CLI maps it to a non-zero exit code.
 */
public class JindException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Exit code for usage errors and bad input. */
    public static final int BAD_INPUT = 2;

    private final int exitCode;

    public JindException(String message) {
        this(message, BAD_INPUT, null);
    }

    public JindException(String message, Throwable cause) {
        this(message, BAD_INPUT, cause);
    }

    public JindException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
