/**
 * The JIND model (preprocessing decision, ordered genes, cell types, weights, validation statistics, source
 * latent codes, generator, histories, settings, provenance) and its versioned, checksummed file format.
 */
package org.jind.core.model;
