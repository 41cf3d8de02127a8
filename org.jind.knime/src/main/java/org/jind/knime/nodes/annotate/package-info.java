/**
 * The Annotate &amp; Reject node: appends predictions, confidences and probabilities (and optionally the latent
 * code) to a table, streamable in KNIME's streaming executor.
 */
package org.jind.knime.nodes.annotate;
