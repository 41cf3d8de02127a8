// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.node;

public final class KNIMEException extends Exception {
    private static final long serialVersionUID = 1L;

    public KNIMEException(String message, Throwable cause) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
