/**
 * Preparing a batch for a model: normalisation and log transform of counts, gene selection by variance in the
 * reference's order, matching the batch's genes to the model's (by either identifier) and the value-type check.
 */
package org.jind.core.prep;
