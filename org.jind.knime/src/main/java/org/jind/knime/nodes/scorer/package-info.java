/**
 * The JIND Scorer node: metrics and confusion matrix of predictions against true labels, with a heatmap view.
 */
package org.jind.knime.nodes.scorer;
