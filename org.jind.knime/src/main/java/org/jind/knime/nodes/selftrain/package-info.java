/**
 * The Self-train JIND+ node: refines an aligned model on its confident predictions for the target table.
 */
package org.jind.knime.nodes.selftrain;
