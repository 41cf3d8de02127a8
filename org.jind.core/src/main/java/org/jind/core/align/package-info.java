/**
 * Alignment of a target batch onto the source's latent space (the adversarial generator against a discriminator,
 * with the reference's schedule of balanced epochs and re-initialisations) and JIND+ self-training on the
 * confident target predictions, each with its settings record that validates itself.
 */
package org.jind.core.align;
