/**
 * The networks (encoder-classifier, generator, discriminator) and their building blocks on ND4J: linear layers
 * that also take sparse CSR input, losses and their gradients as PyTorch computes them, Adam and RMSprop, and the
 * process-wide numerical backend settings.
 */
package org.jind.core.nn;
