/**
 * Figures for people: the confusion heatmap, the latent map (a UMAP of source and target latent codes before and
 * after alignment), per-type confidence with the rejection thresholds, and the training, alignment and
 * self-training curves. One place used by the CLI ({@code --plots}, {@code plot}) and the KNIME views.
 *
 * <p>Drawn with JFreeChart and written as PNG (ImageIO) and SVG (JFreeSVG). Everything here is headless-safe: it
 * draws into images or a given {@link java.awt.Graphics2D} and never opens a window. The same input and seed give
 * the same figure (bit-identical PNG on one machine): sampling and the embedding draw from seeded generators and
 * run on one thread.
 */
package org.jind.core.plot;
