// Compile-only stand-in of a KNIME API type (see knime-api-stub/README.md); never shipped, nothing here runs.
package org.knime.core.data;

public interface DataRow {
    RowKey getKey();

    int getNumCells();

    DataCell getCell(int index);
}
