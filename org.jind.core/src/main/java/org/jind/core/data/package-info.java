/**
 * Expression data in and out: the cells × genes CSR matrix with cell ids, gene names and annotations, and the
 * readers for what single-cell users have (AnnData .h5ad, 10x HDF5 and MTX, wide CSV/TSV), whole, in chunks of
 * cells, or only their metadata.
 */
package org.jind.core.data;
