/**
 * The networks (encoder-classifier, generator, discriminator) and their building blocks on ND4J: linear layers
 * that also take sparse CSR input, losses and their gradients as PyTorch computes them, Adam and RMSprop, the
 * process-wide numerical backend settings, and a second thread ({@link org.jind.core.nn.Lane}) for products that do
 * not depend on each other.
 */
package org.jind.core.nn;
