// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data.container;

import java.io.Closeable;

import org.knime.core.data.RowIterator;

public abstract class CloseableRowIterator extends RowIterator implements Closeable {
    private CloseableRowIterator() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public abstract void close();
}
