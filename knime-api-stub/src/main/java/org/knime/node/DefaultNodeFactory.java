// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.node;

public abstract class DefaultNodeFactory {
    protected DefaultNodeFactory(DefaultNode node) {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }
}
