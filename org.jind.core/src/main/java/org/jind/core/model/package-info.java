/**
 * The JIND model (preprocessing decision, ordered genes, cell types, weights, validation statistics, source
 * latent codes, generator, histories, settings, provenance) and its versioned, checksummed file format. Models
 * are immutable: {@link org.jind.core.model.JindModel} is a trained model, {@link org.jind.core.model.AlignedModel}
 * an aligned or self-trained one, and each stage shares the frozen parts of the stage before.
 */
package org.jind.core.model;
