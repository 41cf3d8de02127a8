/**
 * The Align Batch node: aligns a target table onto a trained model's latent space.
 */
package org.jind.knime.nodes.align;
