package org.jind.knime.nodes.annotate;

import org.jind.core.annotate.Annotation;
import org.jind.knime.logic.AnnotateOutput;
import org.jind.knime.nodes.KnimeTables;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataRow;
import org.knime.core.data.container.AbstractCellFactory;

/**
 * Appends the annotation of each row. The whole table is annotated at once before (the network runs in
 * batches), so row {@code i} of the table is cell {@code i} of the annotation; the row id is checked to be sure.
 */
final class AnnotationCellFactory extends AbstractCellFactory {
    private final Annotation annotation;
    private final String[] cellIds;
    private final boolean probabilities;

    /** {@code annotation} may be null when the factory only serves to compute the output spec. */
    AnnotationCellFactory(DataColumnSpec[] columns, Annotation annotation, String[] cellIds, boolean probabilities) {
        super(columns);
        this.annotation = annotation;
        this.cellIds = cellIds;
        this.probabilities = probabilities;
    }

    @Override
    public DataCell[] getCells(DataRow row, long rowIndex) {
        int i = Math.toIntExact(rowIndex);
        String id = row.getKey().getString();
        if (annotation == null || i >= cellIds.length || !cellIds[i].equals(id)) {
            throw new IllegalStateException("Row '" + id + "' (index " + rowIndex + ") was not annotated.");
        }
        return KnimeTables.cells(AnnotateOutput.values(annotation, i, probabilities));
    }
}
