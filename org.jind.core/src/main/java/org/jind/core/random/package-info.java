/**
 * Random streams that draw exactly as the published JIND reference does, so that a seed means the same in both
 * programs: PyTorch's CPU generator ({@link org.jind.core.random.TorchGenerator}) for weights, dropout, noise and
 * minibatch order, and NumPy's legacy {@code RandomState} ({@link org.jind.core.random.NumpyRandomState}) for the
 * scikit-learn validation split and the alignment minibatches. Both are 32-bit Mersenne twisters
 * ({@link org.jind.core.random.Mt19937}) with the libraries' own ways of turning words into numbers.
 */
package org.jind.core.random;
