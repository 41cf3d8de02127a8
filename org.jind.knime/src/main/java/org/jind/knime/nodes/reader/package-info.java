/**
 * Single-Cell Reader: brings AnnData, 10x and wide CSV/TSV files into KNIME as a table of cells (annotations, then
 * one column per gene) through the core's readers; the decisions live in
 * {@link org.jind.knime.logic.SingleCellRead}.
 */
package org.jind.knime.nodes.reader;
