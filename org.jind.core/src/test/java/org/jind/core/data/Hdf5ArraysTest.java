package org.jind.core.data;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

/** Limits of HDF5 reading are named as limits, not as unreadable files. */
public class Hdf5ArraysTest {
    @Test
    public void jhdfsElementCountOverflowIsNamedAsItsLimit() {
        RuntimeException overflow = new RuntimeException("reading the header", new ArithmeticException("integer overflow"));
        assertEquals("big.h5ad holds a dataset of more than 2,147,483,647 values, the most the HDF5 library JIND uses"
                + " (jHDF) can address; split the file (e.g. by sample or batch) into smaller ones.",
                Hdf5Arrays.unreadable("big.h5ad", "AnnData", overflow).getMessage());
        assertEquals("x.h5ad is not a readable AnnData file (IllegalStateException: bad).",
                Hdf5Arrays.unreadable("x.h5ad", "AnnData", new IllegalStateException("bad")).getMessage());
    }

    @Test
    public void aMatrixBeyondOneJavaArrayIsNamedAsThatLimit() {
        assertEquals("big.h5ad: X/indices holds 3,000,000,000 values, more than the 2,147,483,639 that one batch"
                + " read whole can hold (the largest Java array); annotate and evaluate read such files in chunks, for"
                + " the other steps select a batch or a subset of the cells.",
                Hdf5Arrays.tooLarge("big.h5ad", "X/indices", 3_000_000_000L).getMessage());
    }
}
