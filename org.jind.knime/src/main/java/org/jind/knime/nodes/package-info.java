/**
 * What every JIND node shares: checks, warnings and bounds of KNIME's node API ({@link ModernNodes}), the
 * missing-value choice, the model input port, progress and cancel through KNIME's execution monitor, and table
 * conversion.
 */
package org.jind.knime.nodes;
