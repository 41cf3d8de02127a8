/**
 * The Train JIND node: trains a model on a labelled source table.
 */
package org.jind.knime.nodes.train;
