/**
 * Prediction and rejection: class probabilities of prepared cells, per-type thresholds from the source's
 * validation confidences at outlier fraction θ, and the resulting annotation (raw and final label, confidence).
 */
package org.jind.core.annotate;
