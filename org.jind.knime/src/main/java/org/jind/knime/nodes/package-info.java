/**
 * What every JIND node shares: the factory and node-model base classes, common settings, the model input port,
 * progress and cancel through KNIME's execution monitor, and table conversion.
 */
package org.jind.knime.nodes;
