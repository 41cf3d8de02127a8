/**
 * Simulated single-cell batches (negative-binomial counts with cell types and batch effects) for tests, the demo
 * and benchmarks.
 */
package org.jind.core.sim;
