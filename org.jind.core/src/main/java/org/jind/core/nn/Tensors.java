package org.jind.core.nn;

import java.nio.ByteOrder;
import java.nio.FloatBuffer;

import org.bytedeco.javacpp.FloatPointer;
import org.jind.core.data.SparseMatrix;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Small helpers between Java arrays and ND4J matrices (float32, row-major). Copies go through JavaCPP's bulk
 * pointer copies: ND4J's own {@code create(float[])} and {@code asFloat()} copy element by element, which cost
 * 20× more on a minibatch.
 */
public final class Tensors {
    static {
        Backend.ensureLoaded(); // every network is built through these helpers first
    }

    private Tensors() {
    }

    public static INDArray matrix(float[] data, int rows, int cols) {
        if (data.length != rows * cols) {
            throw new IllegalArgumentException(data.length + " values for a " + rows + " × " + cols + " matrix");
        }
        INDArray m = Nd4j.createUninitialized(DataType.FLOAT, rows, cols);
        ((FloatPointer) m.data().addressPointer()).put(data);
        return m;
    }

    /** Floats per block in {@link #denseRows}: 256 KB, far below a G1 region. */
    private static final int BLOCK_FLOATS = 1 << 16;

    /**
     * Rows {@code [from, from+count)} of {@code x} as a dense matrix, written into ND4J's memory a block of rows at
     * a time. The values are those of {@link SparseMatrix#denseRange}; what is saved is the Java array of the whole
     * range (8 MB for 1,024 cells × 2,000 genes), which G1 allocates as a humongous object outside the young
     * generation: annotating chunk after chunk made the heap grow to several times what was live.
     */
    public static INDArray denseRows(SparseMatrix x, int from, int count) {
        int cols = x.cols();
        INDArray m = Nd4j.createUninitialized(DataType.FLOAT, count, cols);
        if (count == 0 || cols == 0) {
            return m;
        }
        int blockRows = Math.max(1, Math.min(count, BLOCK_FLOATS / cols));
        float[] block = new float[blockRows * cols];
        FloatPointer base = (FloatPointer) m.data().addressPointer();
        for (int r = 0; r < count; r += blockRows) {
            int n = Math.min(blockRows, count - r);
            x.denseRange(from + r, n, block);
            new FloatPointer(base).position(base.position() + (long) r * cols).put(block, 0, n * cols);
        }
        return m;
    }

    public static INDArray zeros(int rows, int cols) {
        return Nd4j.zeros(DataType.FLOAT, rows, cols);
    }

    /** Row-major copy of a matrix. */
    public static float[] toArray(INDArray m) {
        INDArray c = contiguous(m);
        float[] out = new float[(int) c.length()];
        ((FloatPointer) c.data().addressPointer()).get(out);
        return out;
    }

    /** Copies a contiguous row-major float matrix (not a view) into {@code out}, which has its size. */
    public static void copyTo(INDArray m, float[] out) {
        if (!isContiguous(m) || m.length() != out.length) {
            throw new IllegalArgumentException("not a contiguous float matrix of " + out.length + " values");
        }
        ((FloatPointer) m.data().addressPointer()).get(out);
    }

    /** Overwrites a contiguous row-major float matrix (not a view) with {@code data}. */
    public static void copyInto(float[] data, INDArray m) {
        if (!isContiguous(m) || m.length() != data.length) {
            throw new IllegalArgumentException("not a contiguous float matrix of " + data.length + " values");
        }
        ((FloatPointer) m.data().addressPointer()).put(data);
    }

    /** m itself when it is a contiguous row-major float matrix (not a view), else such a copy of it. */
    private static INDArray contiguous(INDArray m) {
        return isContiguous(m) ? m : m.dup('c');
    }

    /** Whether m's values are a float array in row-major order from its buffer's start (not a view). */
    private static boolean isContiguous(INDArray m) {
        return m.ordering() == 'c' && !m.isView() && m.offset() == 0 && m.dataType() == DataType.FLOAT;
    }

    /** Copies a matrix into {@code rows}, one array per matrix row. */
    public static void copyToRows(INDArray m, float[][] rows) {
        FloatBuffer values = rowValues(contiguous(m), rows);
        int cols = rows.length == 0 ? 0 : rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            values.get(r * cols, rows[r]);
        }
    }

    /** Overwrites a contiguous row-major float matrix (not a view) with {@code rows}, one array per matrix row. */
    public static void copyFromRows(float[][] rows, INDArray m) {
        FloatBuffer values = rowValues(m, rows);
        int cols = rows.length == 0 ? 0 : rows[0].length;
        for (int r = 0; r < rows.length; r++) {
            values.put(r * cols, rows[r]);
        }
    }

    /**
     * m's values as a buffer over its memory (no copy), after checking the shapes agree. Row by row through this
     * buffer costs no native call per row: a 5,000 × 256 matrix took 0.18 ms, against 0.5 ms through a pointer.
     */
    private static FloatBuffer rowValues(INDArray m, float[][] rows) {
        if (!isContiguous(m) || m.rows() != rows.length || (rows.length > 0 && m.columns() != rows[0].length)) {
            throw new IllegalArgumentException("not a contiguous float matrix of " + rows.length + " rows");
        }
        FloatBuffer values = m.data().asNio().order(ByteOrder.nativeOrder()).asFloatBuffer();
        if (values.capacity() < m.length()) {
            throw new IllegalStateException("the matrix's buffer holds " + values.capacity() + " of its " + m.length()
                    + " values");
        }
        return values;
    }

    /** Rows {@code ids[from .. from+n)} of a row-major Java matrix {@code width} wide, as an n × width matrix. */
    public static INDArray gatherRows(float[] all, int width, int[] ids, int from, int n) {
        float[] out = new float[n * width];
        for (int i = 0; i < n; i++) {
            System.arraycopy(all, ids[from + i] * width, out, i * width, width);
        }
        return matrix(out, n, width);
    }

    /** 1 where {@code x > 0}, else 0. */
    public static INDArray positiveMask(INDArray x) {
        return Transforms.step(x, true);
    }

    /** Column sums as a 1 × columns row, through GEMM (ND4J's dimension-0 reduction is several times slower). */
    public static INDArray columnSums(INDArray m) {
        return Nd4j.gemm(ones(m.rows()), m, false, false);
    }

    /** Adds the column sums of {@code m} to the row vector {@code acc}. */
    public static void addColumnSums(INDArray m, INDArray acc) {
        Nd4j.gemm(ones(m.rows()), m, acc, false, false, 1.0, 1.0);
    }

    private static INDArray ones(long n) {
        return Nd4j.ones(DataType.FLOAT, 1, n);
    }
}
