// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

import java.util.Iterator;

public abstract class RowIterator implements Iterator<DataRow> {
    protected RowIterator() {
        throw new UnsupportedOperationException("KNIME API stand-in");
    }

    @Override
    public abstract boolean hasNext();

    @Override
    public abstract DataRow next();
}
