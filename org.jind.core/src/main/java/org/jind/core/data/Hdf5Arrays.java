package org.jind.core.data;

import java.lang.reflect.Array;
import java.util.Locale;

import org.jind.core.JindException;

import io.jhdf.api.Dataset;

/**
 * Reads one-dimensional HDF5 datasets in slices of at most {@link #SLICE} elements, so no single buffer comes near
 * Java's 2 GB limit (jHDF maps a whole dataset into one buffer when read at once), compressed or not.
 */
final class Hdf5Arrays {
    /** Elements per read: 16 Mi (64 MB of floats). */
    static final int SLICE = 1 << 24;
    /** The longest array Java holds, so the most values one matrix of a batch read whole can store. */
    static final long MAX_ARRAY = Integer.MAX_VALUE - 8;

    private Hdf5Arrays() {
    }

    static long length(Dataset ds) {
        int[] dims = ds.getDimensions();
        return dims.length == 0 ? 1 : dims[0];
    }

    /** Elements {@code [from, from + n)} as whatever array type jHDF gives (int[], long[], float[], double[] …). */
    static Object slice(Dataset ds, long from, int n) {
        if (n == 0) {
            return new int[0];
        }
        if (from == 0 && n == length(ds)) {
            // the whole dataset in one read (jHDF before 0.11 read slices of chunked datasets wrongly, e.g.
            // pbmc_symphony.h5ad's X/indices; 0.11 reads them right: CellChunksTest.h5adCsrChunkedAndCompressed)
            return ds.getData();
        }
        return ds.getData(new long[] {from}, new int[] {n});
    }

    static float[] floats(Dataset ds, long from, int n) {
        return H5adReader.toFloats(slice(ds, from, n));
    }

    static int[] ints(Dataset ds, long from, int n) {
        return H5adReader.toInts(slice(ds, from, n));
    }

    static long[] longs(Dataset ds, long from, int n) {
        Object a = slice(ds, from, n);
        if (a instanceof long[] l) {
            return l;
        }
        long[] out = new long[Array.getLength(a)];
        for (int i = 0; i < out.length; i++) {
            out[i] = ((Number) Array.get(a, i)).longValue();
        }
        return out;
    }

    /** The whole dataset, read slice by slice; a clear error when it is longer than a Java array. */
    static float[] allFloats(Dataset ds, String what, String src) {
        return all(ds, what, src, float[]::new, Hdf5Arrays::floats);
    }

    static int[] allInts(Dataset ds, String what, String src) {
        return all(ds, what, src, int[]::new, Hdf5Arrays::ints);
    }

    static long[] allLongs(Dataset ds, String what, String src) {
        return all(ds, what, src, long[]::new, Hdf5Arrays::longs);
    }

    /** Reads elements {@code [from, from + n)} as a primitive array of type A. */
    private interface SliceReader<A> {
        A read(Dataset ds, long from, int n);
    }

    private static <A> A all(Dataset ds, String what, String src, java.util.function.IntFunction<A> newArray,
            SliceReader<A> slice) {
        int n = checkedLength(ds, what, src);
        A out = newArray.apply(n);
        for (long from = 0; from < n; from += SLICE) {
            int len = (int) Math.min(SLICE, n - from);
            System.arraycopy(slice.read(ds, from, len), 0, out, (int) from, len);
        }
        return out;
    }

    private static int checkedLength(Dataset ds, String what, String src) {
        long n = length(ds);
        if (n > MAX_ARRAY) {
            throw tooLarge(src, what, n);
        }
        return (int) n;
    }

    /**
     * An HDF5 file that could not be read, as one sentence: a dataset beyond jHDF's 2^31 − 1 elements (it counts
     * them in a Java int and fails with an arithmetic overflow) is named as that limit, anything else as
     * "not a readable {@code kind} file".
     */
    static JindException unreadable(String src, String kind, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ArithmeticException) {
                return new JindException(String.format(Locale.ROOT, "%s holds a dataset of more than %,d values, the"
                        + " most the HDF5 library JIND uses (jHDF) can address; split the file (e.g. by sample or"
                        + " batch) into smaller ones.", src, Integer.MAX_VALUE), e);
            }
        }
        return new JindException(src + " is not a readable " + kind + " file (" + org.jind.core.util.Errors.describe(e)
                + ").", e);
    }

    /** The message for a matrix beyond what one batch read whole can hold. */
    static JindException tooLarge(String src, String what, long n) {
        return new JindException(String.format(Locale.ROOT, "%s: %s holds %,d values, more than the %,d that one"
                + " batch read whole can hold (the largest Java array); annotate and evaluate read such files in"
                + " chunks, for the other steps select a batch or a subset of the cells.", src, what, n, MAX_ARRAY));
    }
}
