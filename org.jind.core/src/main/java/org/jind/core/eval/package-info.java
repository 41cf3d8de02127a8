/**
 * Metrics of an annotation against true labels: raw, rejected and effective accuracy, per-type precision, recall,
 * F1 and average precision, and the confusion matrix with its Unassigned column.
 */
package org.jind.core.eval;
